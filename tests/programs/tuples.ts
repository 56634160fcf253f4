// Tuples: types, literals, constant indexing, destructuring, functions returning tuples,
// arrays of tuples, tuples of objects, Map entries as tuples, new Map(entries).
class Item {
  constructor(public name: string, public weight: number) {}
}

function divmod(a: number, b: number): [number, number] {
  return [Math.floor(a / b), a % b];
}

function minMax(xs: number[]): [number, number] {
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

function heaviest(items: Item[]): [Item, number] {
  let best = 0;
  for (let i = 1; i < items.length; i++) if (items[i].weight > items[best].weight) best = i;
  return [items[best], best];
}

function swap<A, B>([a, b]: [A, B]): [B, A] {
  return [b, a];
}

function label(t: [string, number, boolean]): string {
  return `${t[0]}#${t[1]}${t[2] ? "!" : ""} (${t.length})`;
}

export function main(argv: string[]): number {
  const [q, r] = divmod(47, 5);
  console.log(q, r);
  const t: [number, string] = [1, "one"];
  console.log(t[0], t[1], t.length);
  t[0] = t[0] + 10;
  t[1] += "!";
  console.log(t[0], t[1]);
  const [lo, hi] = minMax([5, -3, 12, 7]);
  console.log(lo, hi, hi - lo);
  const items = [new Item("anvil", 50), new Item("feather", 0.1), new Item("brick", 2.5)];
  const [it, at] = heaviest(items);
  console.log(it.name, at);
  const [s, n] = swap<number, string>([3, "three"]);
  console.log(s, n + 1);
  console.log(label(["x", 3, true]), label(["y", 4.5, false]));

  // Arrays of tuples, built, sorted and destructured in for-of.
  const pairs: [string, number][] = [];
  for (const word of "the quick brown fox jumps over the lazy dog".split(" ")) pairs.push([word, word.length]);
  pairs.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [w, len] of pairs) console.log(w, len);
  const [first, ...rest] = divmod(100, 7);
  console.log(first, rest.length, rest[0]);

  // Map entries are tuples; new Map(entries) takes them back.
  const counts = new Map<string, number>([["a", 1], ["b", 2]]);
  counts.set("c", 3);
  for (const entry of counts) console.log(entry[0], entry[1]);
  const entries = Array.from(counts);
  entries.push(["d", 4]);
  const copy = new Map(entries);
  copy.set("a", 100);
  console.log(counts.get("a") ?? -1, copy.get("a") ?? -1, copy.size);
  let total = 0;
  for (const [k, v] of Array.from(copy.entries())) total += v * k.length;
  console.log(total);
  const byName = new Map<string, [number, number]>();
  byName.set("origin", [0, 0]);
  byName.set("unit", [1, 1]);
  for (const [name, [x, y]] of byName) console.log(name, x + y);
  const set = new Set<string>(["x", "y", "x"]);
  console.log(set.size);
  return 0;
}
