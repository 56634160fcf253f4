// What a generational collector must get right: young objects reachable only from an old
// object (stores into old objects go through the write barrier), from a prebuilt object, or
// from an old list's items; more old objects written between two collections than the
// remembered set holds; large pointer arrays (allocated old); objects kept alive across deep
// recursion; cycles. argv[0] scales the sizes: the corpus runs it small (and under
// --gc-stress), tests/gc.test.ts with 250, which runs many minor and a few major collections
// and overflows the remembered set.
class Cell {
  next: Cell | null = null;
  kids: Cell[] = [];
  constructor(public value: number, public label: string) {}
}

class Registry {
  latest: Cell | null = null;
  all: Cell[] = [];
}

/** Prebuilt, so old from the start. */
const REGISTRY = new Registry();

function garbage(n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = new Cell(i, "g");
    c.kids.push(c);
    total += c.kids.length;
  }
  return total;
}

function sumChain(c: Cell | null): number {
  let s = 0;
  for (let p = c; p !== null; p = p.next) s += p.value;
  return s;
}

/** Each level allocates, recurses, then reads what it allocated. */
function deep(depth: number): number {
  if (depth === 0) return garbage(50);
  const mine = new Cell(depth, "d" + depth);
  const below = deep(depth - 1);
  return below + mine.value + mine.label.length;
}

export function main(argv: string[]): number {
  const scale = argv.length > 0 ? parseInt(argv[0]) : 1;
  const n = 400 * scale;
  const churn = 240 * scale;
  // Old objects (they survive collections), then young ones stored into them.
  const olds: Cell[] = [];
  for (let i = 0; i < n; i++) olds.push(new Cell(i, "old"));
  garbage(churn);
  for (let i = 0; i < olds.length; i++) olds[i].next = new Cell(i * 2, "young" + (i % 10));
  garbage(churn);
  let s = 0;
  for (const o of olds) if (o.next !== null) s += o.next.value + o.next.label.length;
  console.log("young behind old:", s);

  // Young objects reachable only from a prebuilt object.
  for (let i = 0; i < 200 * scale; i++) {
    const c = new Cell(i, "reg");
    c.next = REGISTRY.latest;
    REGISTRY.latest = c;
    if (i % 100 === 0) REGISTRY.all.push(c);
    garbage(scale);
  }
  garbage(churn);
  console.log("registry chain:", sumChain(REGISTRY.latest), REGISTRY.all.length);

  // More old objects written between two collections than the remembered set holds.
  const fresh = new Cell(-1, "shared");
  for (let i = 0; i < olds.length; i++) olds[i].next = fresh;
  garbage(churn);
  let t = 0;
  for (const o of olds) if (o.next !== null) t += o.next.value;
  console.log("all point to the shared cell:", t);

  // A large pointer array (allocated old), written with young cells.
  const big: Cell[] = [];
  for (let i = 0; i < n / 5; i++) big.push(olds[i]);
  for (let round = 0; round < 5; round++) {
    for (let i = round; i < big.length; i += 7) big[i] = new Cell(round * 100000 + i, "big");
    garbage(churn / 2);
  }
  let b = 0;
  for (const c of big) b = (b * 31 + c.value) % 1000000007;
  console.log("big array:", b);

  // Cycles, kept and dropped.
  let ring: Cell | null = null;
  for (let r = 0; r < 200; r++) {
    const a = new Cell(r, "a");
    const c = new Cell(r + 1, "c");
    a.next = c;
    c.next = a;
    a.kids.push(c);
    if (r % 50 === 0) ring = a;
    garbage(scale);
  }
  garbage(churn);
  console.log("ring:", ring !== null && ring.next !== null && ring.next.next === ring, ring !== null ? ring.value : -1);

  console.log("deep:", deep(2 * scale));
  return 0;
}
