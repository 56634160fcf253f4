// Map.forEach and Set.forEach: callbacks get (value, key, collection), see entries added
// during the iteration and skip deleted ones, as for-of does; callbacks of different result
// types at different calls.
class Counter {
  total = 0;
  add(x: number): number {
    this.total += x;
    return this.total;
  }
}

export function main(argv: string[]): number {
  const m = new Map<string, number>();
  m.set("a", 1);
  m.set("b", 2);
  m.set("c", 3);
  let total = 0;
  m.forEach((v, k) => {
    total += v;
    console.log("entry", k, v);
    if (k === "a") m.set("d", 4);
    if (k === "b") m.delete("c");
  });
  console.log("total", total, "size", m.size);
  const c = new Counter();
  m.forEach((v) => c.add(v * 10));
  console.log(c.total);
  m.forEach((v, k, map) => {
    if (v % 2 === 0) map.set(k, v * 100);
  });
  const shown: string[] = [];
  m.forEach((v, k) => shown.push(`${k}=${v}`));
  console.log(shown.join(" "));
  const s = new Set<string>(["x", "y", "x", "z"]);
  s.forEach((v, k, set) => console.log(v, k, set.size));
  const seen: string[] = [];
  s.forEach((v) => {
    seen.push(v);
    if (v === "x") s.add("w");
    if (v === "y") s.delete("z");
  });
  console.log(seen.join(""), s.size);
  const byLen = new Map<number, string[]>();
  for (const w of ["apple", "fig", "kiwi", "plum", "pear", "banana", "yam"]) {
    const list = byLen.get(w.length);
    if (list) list.push(w);
    else byLen.set(w.length, [w]);
  }
  byLen.forEach((words, len) => console.log(len, words.join(",")));
  const ids = new Set<number>();
  for (let i = 0; i < 20; i++) ids.add((i * 7) % 11);
  let acc = 0;
  ids.forEach((x) => {
    acc = acc * 3 + x;
  });
  console.log(ids.size, acc);
  return 0;
}
