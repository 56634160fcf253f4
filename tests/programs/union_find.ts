// Union-find with path compression and union by rank: Kruskal's minimum spanning tree over a
// pseudo-random graph, and connected components counted as edges are added.
class DisjointSets {
  parent: Int32Array;
  rank: Uint8Array;
  count: number;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.rank = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.count = n;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[x] !== root) {
      const next = this.parent[x];
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.rank[ra] < this.rank[rb]) {
      const t = ra;
      ra = rb;
      rb = t;
    }
    this.parent[rb] = ra;
    if (this.rank[ra] === this.rank[rb]) this.rank[ra]++;
    this.count--;
    return true;
  }
}

class Edge {
  constructor(
    public a: number,
    public b: number,
    public w: number,
  ) {}
}

export function main(argv: string[]): number {
  const n = 40;
  const edges: Edge[] = [];
  let seed = 2024;
  const next = (m: number): number => {
    seed = (seed * 16807) % 2147483647;
    return seed % m;
  };
  for (let i = 0; i < 120; i++) edges.push(new Edge(next(n), next(n), 1 + next(100)));
  const byWeight = edges.slice().sort((x, y) => x.w - y.w || x.a - y.a || x.b - y.b);
  const ds = new DisjointSets(n);
  let total = 0;
  const chosen: string[] = [];
  for (const e of byWeight) {
    if (ds.union(e.a, e.b)) {
      total += e.w;
      if (chosen.length < 12) chosen.push(`${e.a}-${e.b}(${e.w})`);
    }
  }
  console.log("mst weight", total, "components", ds.count);
  console.log(chosen.join(" "));
  const roots = new Set<number>();
  for (let i = 0; i < n; i++) roots.add(ds.find(i));
  console.log("distinct roots", roots.size, roots.size === ds.count);
  const comps = new DisjointSets(10);
  const pairs = [[0, 1], [2, 3], [1, 2], [5, 6], [3, 0], [8, 9], [9, 5]];
  for (const p of pairs) console.log(p[0], p[1], comps.union(p[0], p[1]), comps.count);
  const sizes = new Map<number, number>();
  for (let i = 0; i < 10; i++) {
    const r = comps.find(i);
    sizes.set(r, (sizes.get(r) ?? 0) + 1);
  }
  const list: number[] = [];
  sizes.forEach((v) => list.push(v));
  console.log("component sizes", list.sort((a, b) => b - a).join(","));
  return 0;
}
