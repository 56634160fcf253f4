// The array methods that take callbacks.
class Item {
  constructor(public name: string, public price: number, public qty: number) {}
}

export function main(argv: string[]): number {
  const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
  console.log(xs.map((x) => x * 2).map((x) => "" + x).join(" "));
  console.log(xs.map((x, i) => x * i).map((x) => "" + x).join(" "));
  console.log(xs.filter((x) => x % 2 === 1).length, xs.filter((x, i) => i % 3 === 0).map((x) => "" + x).join(","));
  console.log(xs.some((x) => x > 8), xs.some((x) => x > 9), xs.every((x) => x > 0), xs.every((x) => x < 9));
  console.log(xs.findIndex((x) => x === 5), xs.findIndex((x) => x === 7));
  console.log(xs.reduce((a, b) => a + b), xs.reduce((a, b) => a + b, 0.5), xs.reduce((acc, x, i) => acc + x * i, 0));
  console.log(xs.reduce((best, x) => (x > best ? x : best)));
  console.log(xs.map((x) => x / 4).reduce((a, b) => a + b, 0));

  let visits = "";
  xs.forEach((x, i) => {
    if (i < 4) visits += `[${i}]=${x} `;
  });
  console.log(visits);

  const items = [new Item("pen", 1.5, 10), new Item("book", 12, 2), new Item("lamp", 30, 1), new Item("cup", 4.25, 4)];
  const found = items.find((it) => it.price > 10);
  console.log(found === undefined ? "none" : found.name);
  const missing = items.find((it) => it.qty > 100);
  console.log(missing === undefined ? "none" : missing.name);
  const total = items.reduce((sum, it) => sum + it.price * it.qty, 0);
  console.log("total", total);
  const names = items.filter((it) => it.qty > 1).map((it) => it.name.toUpperCase());
  console.log(names.join("+"));

  // Callbacks that use the array argument and capture state.
  let calls = 0;
  const diffs = xs.map((x, i, arr) => {
    calls++;
    return i === 0 ? 0 : x - arr[i - 1];
  });
  console.log(diffs.map((d) => "" + d).join(" "), "calls", calls);

  // Mutating the array while iterating: forEach stops at the removed elements.
  const ys = [1, 2, 3, 4, 5, 6];
  let seen = "";
  ys.forEach((y) => {
    seen += y;
    if (y === 2) ys.pop();
  });
  console.log(seen, ys.length);

  const empty: number[] = [];
  console.log(empty.map((x) => x + 1).length, empty.some((x) => x > 0), empty.every((x) => x > 0), empty.reduce((a, b) => a + b, 7));
  return 0;
}
