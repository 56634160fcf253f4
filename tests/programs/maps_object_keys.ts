// Object keys by identity: graph algorithms with Map<Node, ...> and Set<Node>.
class GNode {
  edges: Edge[] = [];
  constructor(public name: string) {}
}

class Edge {
  constructor(public to: GNode, public weight: number) {}
}

class City extends GNode {
  constructor(name: string, public population: number) {
    super(name);
  }
}

function connect(a: GNode, b: GNode, w: number): void {
  a.edges.push(new Edge(b, w));
  b.edges.push(new Edge(a, w));
}

function bfs(start: GNode): Map<GNode, number> {
  const depth = new Map<GNode, number>();
  depth.set(start, 0);
  const queue: GNode[] = [start];
  let head = 0;
  while (head < queue.length) {
    const n = queue[head++];
    for (const e of n.edges) {
      if (!depth.has(e.to)) {
        depth.set(e.to, depth.get(n)! + 1);
        queue.push(e.to);
      }
    }
  }
  return depth;
}

function dijkstra(start: GNode, nodes: GNode[]): Map<GNode, number> {
  const dist = new Map<GNode, number>();
  const done = new Set<GNode>();
  dist.set(start, 0);
  for (;;) {
    let best: GNode | null = null;
    let bestD = Infinity;
    for (const [n, d] of dist) {
      if (!done.has(n) && d < bestD) {
        best = n;
        bestD = d;
      }
    }
    if (best === null) break;
    done.add(best);
    for (const e of best.edges) {
      const nd = bestD + e.weight;
      if (nd < (dist.get(e.to) ?? Infinity)) dist.set(e.to, nd);
    }
  }
  console.log("settled", done.size, "of", nodes.length);
  return dist;
}

export function main(argv: string[]): number {
  const nodes: GNode[] = [];
  let seed = 12345;
  for (let i = 0; i < 40; i++) nodes.push(i % 5 === 0 ? new City("c" + i, i * 1000) : new GNode("n" + i));
  for (let i = 0; i < 40; i++) {
    for (let k = 0; k < 2; k++) {
      seed = (seed * 16807) % 2147483647;
      const j = seed % 40;
      if (j !== i) connect(nodes[i], nodes[j], 1 + (seed % 9));
    }
  }
  const depth = bfs(nodes[0]);
  let line = "";
  for (const [n, d] of depth) line += n.name + ":" + d + " ";
  console.log(line);
  const dist = dijkstra(nodes[0], nodes);
  for (let i = 0; i < 40; i += 7) console.log(nodes[i].name, dist.get(nodes[i]) ?? -1);

  // Same name, different objects: distinct keys.
  const twins = new Map<GNode, string>();
  const a = new GNode("twin");
  const b = new GNode("twin");
  twins.set(a, "first");
  twins.set(b, "second");
  twins.set(a, "first again");
  console.log(twins.size, twins.get(a), twins.get(b));
  const cities = new Set<City>();
  for (const n of nodes) if (n instanceof City) cities.add(n);
  let pop = 0;
  for (const c of cities) pop += c.population;
  console.log(cities.size, pop);
  return 0;
}
