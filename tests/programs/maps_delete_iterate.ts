// Deletion during workloads and mutation during iteration, with JS's iterator semantics:
// deleted entries not yet reached are skipped, entries added during the loop are visited,
// and compaction or clear() in the middle of a loop does not lose the loop's place.
function show(label: string, m: Map<number, number>): void {
  let line = label + " [" + m.size + "]";
  for (const [k, v] of m) line += " " + k + "=" + v;
  console.log(line);
}

export function main(argv: string[]): number {
  const m = new Map<number, number>();
  for (let i = 0; i < 10; i++) m.set(i, i * i);
  show("start", m);
  for (let i = 0; i < 10; i += 2) m.delete(i);
  show("odd", m);
  m.set(4, 16);
  m.set(1, -1);
  show("re-added", m);

  // Delete ahead of the loop, add behind it.
  let visits = "";
  for (const [k, v] of m) {
    visits += k + " ";
    if (k === 3) m.delete(7);
    if (k === 5 && m.size < 20) m.set(100 + k, v);
  }
  console.log("visits", visits);
  show("after", m);

  // Heavy churn inside a loop: deletions then insertions force compactions while iterating.
  const churn = new Map<number, number>();
  for (let i = 0; i < 20; i++) churn.set(i, i);
  let seen = 0;
  let next = 1000;
  for (const [k] of churn) {
    seen++;
    churn.delete(k);
    if (next < 1200) {
      churn.set(next, next);
      next++;
    }
  }
  console.log("churn seen", seen, "left", churn.size);

  // clear() during a loop: the loop continues with what is added afterwards.
  const c = new Map<string, number>();
  c.set("a", 1);
  c.set("b", 2);
  c.set("c", 3);
  let order = "";
  for (const [k, v] of c) {
    order += k + v + " ";
    if (k === "b") {
      c.clear();
      c.set("x", 9);
      c.set("y", 8);
    }
  }
  console.log("clear", order, c.size);

  // A long workload: insert and delete with a sliding window, checking contents.
  const win = new Map<number, number>();
  let checksum = 0;
  for (let i = 0; i < 20000; i++) {
    win.set(i, i * 3);
    if (i >= 100) {
      if (!win.delete(i - 100)) console.log("missing", i - 100);
    }
    if (i % 1000 === 0) {
      for (const v of win.values()) checksum = (checksum + v) % 1000003;
    }
  }
  console.log("window", win.size, checksum, win.has(19899), win.has(19900), win.get(19950)!);

  const s = new Set<string>();
  for (let i = 0; i < 300; i++) s.add("s" + (i % 97));
  for (let i = 0; i < 97; i += 3) s.delete("s" + i);
  let n = 0;
  for (const x of s) if (x.length === 2) n++;
  console.log("set", s.size, n, s.has("s3"), s.has("s4"));
  s.clear();
  console.log("cleared", s.size, s.has("s4"));
  return 0;
}
