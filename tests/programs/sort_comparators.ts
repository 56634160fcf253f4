// Array.prototype.sort with comparators: numbers, strings, objects by several keys;
// stable (equal elements keep their order, as V8's TimSort does).
class Person {
  constructor(public name: string, public age: number, public city: string) {}
}

function show(ps: Person[]): string {
  return ps.map((p) => `${p.name}/${p.age}/${p.city}`).join(" ");
}

function nums(xs: number[]): string {
  return xs.map((x) => "" + x).join(",");
}

export function main(argv: string[]): number {
  const xs = [5, -3, 12, 0, 7, 7, -20, 3.5, 100, 1];
  console.log(nums(xs.sort((a, b) => a - b)));
  console.log(nums(xs.sort((a, b) => b - a)));
  console.log(nums(xs.sort((a, b) => Math.abs(a) - Math.abs(b))));
  // by parity, then stable within each class
  console.log(nums([9, 2, 7, 4, 5, 6, 3, 8, 1].sort((a, b) => (a % 2) - (b % 2))));

  const words = ["delta", "Alpha", "charlie", "bravo", "echo", "alpha", "Bravo", "foxtrot"];
  console.log(words.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(" "));
  console.log(words.sort((a, b) => a.length - b.length).join(" "));
  console.log(words.sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }).join(" "));

  const people = [
    new Person("Ann", 31, "Oslo"), new Person("Bob", 25, "Rome"), new Person("Cid", 31, "Lima"),
    new Person("Dee", 25, "Oslo"), new Person("Eve", 40, "Rome"), new Person("Fay", 31, "Oslo"),
    new Person("Gus", 25, "Lima"),
  ];
  people.sort((a, b) => a.age - b.age);
  console.log(show(people));
  people.sort((a, b) => (a.city < b.city ? -1 : a.city > b.city ? 1 : 0));
  console.log(show(people));
  people.sort((a, b) => b.age - a.age || (a.name < b.name ? 1 : -1));
  console.log(show(people));

  // A comparator that counts its calls and captures a key table.
  const rank = [3, 1, 2];
  let comparisons = 0;
  const ids = [0, 1, 2, 0, 1, 2, 2, 1];
  const sorted = ids.sort((a, b) => {
    comparisons++;
    return rank[a] - rank[b];
  });
  console.log(nums(sorted), sorted === ids, comparisons > 0);

  // Larger input: a pseudo-random sequence, checked for order and permutation.
  const big: number[] = [];
  let seed = 12345;
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 75 + 74) % 65537;
    big.push(seed % 1000);
  }
  let sumBefore = 0;
  for (const x of big) sumBefore += x;
  big.sort((a, b) => a - b);
  let ordered = true;
  let sumAfter = 0;
  for (let i = 0; i < big.length; i++) {
    sumAfter += big[i];
    if (i > 0 && big[i - 1] > big[i]) ordered = false;
  }
  console.log(ordered, sumBefore === sumAfter, big[0], big[999], big[1999]);

  // Without a comparator JS compares the elements as strings.
  const mixed = [10, 9, 1, 100, 25, -3, 2.5, -0.5, 1e21, 0];
  console.log(nums(mixed.sort()));
  console.log(["b", "a", "C", "aa", "B", "", "é", "Z"].sort().join(","));

  const one = [42];
  const none: number[] = [];
  console.log(nums(one.sort((a, b) => a - b)), none.sort((a, b) => a - b).length);
  return 0;
}
