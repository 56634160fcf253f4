// A binary heap with a comparator closure, used as an event queue and for Dijkstra's
// shortest paths on a weighted grid (what a scheduler or a VM's timer queue looks like).
class Heap<T> {
  items: T[] = [];
  constructor(public less: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      const t = a[i];
      a[i] = a[p];
      a[p] = t;
      i = p;
    }
  }
  pop(): T {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        const t = a[i];
        a[i] = a[m];
        a[m] = t;
        i = m;
      }
    }
    return top;
  }
}

class Event {
  constructor(
    public time: number,
    public seq: number,
    public name: string,
  ) {}
}

class Item {
  constructor(
    public dist: number,
    public node: number,
  ) {}
}

function dijkstra(w: number[], width: number, height: number): number[] {
  const dist: number[] = [];
  for (let i = 0; i < w.length; i++) dist.push(-1);
  const heap = new Heap<Item>((a, b) => a.dist < b.dist || (a.dist === b.dist && a.node < b.node));
  heap.push(new Item(0, 0));
  let pops = 0;
  while (heap.size > 0) {
    const it = heap.pop();
    pops++;
    if (dist[it.node] >= 0) continue;
    dist[it.node] = it.dist;
    const x = it.node % width;
    const y = (it.node / width) | 0;
    const steps = [[1, 0], [-1, 0], [0, 1], [0, -1]];
    for (const s of steps) {
      const nx = x + s[0];
      const ny = y + s[1];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const n = ny * width + nx;
      if (dist[n] < 0) heap.push(new Item(it.dist + w[n], n));
    }
  }
  console.log("heap pops", pops);
  return dist;
}

export function main(argv: string[]): number {
  const events = new Heap<Event>((a, b) => a.time < b.time || (a.time === b.time && a.seq < b.seq));
  const names = ["tick", "io", "gc", "timer", "signal"];
  let seed = 12345;
  for (let i = 0; i < 20; i++) {
    seed = (seed * 16807) % 2147483647;
    events.push(new Event(seed % 50, i, names[i % names.length]));
  }
  let line = "";
  while (events.size > 0) {
    const e = events.pop();
    line += `${e.time}:${e.name}#${e.seq} `;
  }
  console.log(line);
  const nums = new Heap<number>((a, b) => a > b);
  for (const x of [5, 1, 9, 3, 7, 3, 0.5, -2]) nums.push(x);
  const sorted: number[] = [];
  while (nums.size > 0) sorted.push(nums.pop());
  console.log(sorted.join(" "));
  const W = 12;
  const H = 9;
  const w: number[] = [];
  for (let i = 0; i < W * H; i++) {
    seed = (seed * 16807) % 2147483647;
    w.push(1 + (seed % 9));
  }
  const dist = dijkstra(w, W, H);
  for (let y = 0; y < H; y++) {
    const row: string[] = [];
    for (let x = 0; x < W; x++) row.push(String(dist[y * W + x]).padStart(3));
    console.log(row.join(""));
  }
  return 0;
}
