// Allocation removal in traces (rlib/jitrt/opt/virtuals.ts): a small bytecode loop whose
// every step allocates objects that stay virtual (a point, a pair of points: nested), one
// that a guard's failure needs (its resume data rebuilds it: the branch taken every 7th
// step, and the exit at the end), one forced by a call the tracer does not follow, and a
// loop-carried accumulator object (the unrolled loop carries its fields). Its value stack (a list)
// gets pushes that stay pending (virtual items too) across that guard and are popped, and
// now and then one that stays (emitted at the jump). It allocates enough for the nursery to
// fill during traces, and keeps some objects alive in a list.
import { dontLookInside, JitDriver, JitParams } from "../../rlib/jit.ts";

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

class Pair {
  constructor(
    public a: Point,
    public b: Point,
  ) {}
}

class Acc {
  constructor(
    public total: number,
    public count: number,
    public last: Point | null,
  ) {}
}

const kept: Point[] = [];

function keep(p: Point): void {
  if (kept.length < 50) kept.push(p);
  else kept[p.x % 50] = p;
}
dontLookInside(keep);

const params = new JitParams();
params.threshold = 3;
const driver = new JitDriver({ greens: ["pc"], reds: ["i", "n", "acc", "stack"], params });

const STEP = 0;
const TEST = 1;
const BACK = 2;
const CODE = [STEP, TEST, BACK];

function run(n: number, stack: Point[]): Acc {
  let pc = 0;
  let i = 0;
  let acc = new Acc(0, 0, null);
  while (true) {
    driver.jitMergePoint({ pc, i, n, acc, stack });
    const op = CODE[pc];
    if (op === STEP) {
      const p = new Point(i, i * 2);
      const q = new Point(p.y + 1, p.x - 3);
      const pair = new Pair(p, q);
      const depth = stack.length;
      stack.push(pair.a);
      stack.push(new Point(depth, i));
      let t = pair.a.x + pair.b.y;
      if (i % 7 === 0) {
        // A guard fails here once the loop is traced (it is traced through another step):
        // p, q and pair are virtual at that guard, and the two pushes pending.
        t = t + pair.b.x * 2;
        if (pair.a === pair.b) t = -1;
      }
      const top = stack.pop()!;
      t = t + top.x - top.y + stack[stack.length - 1].x;
      stack.pop();
      if (stack.length !== depth) t = -1000;
      if (i % 5000 === 0) stack.push(q);
      if (i % 1000 === 999) keep(q);
      acc = new Acc(acc.total + t, acc.count + 1, i % 3 === 0 ? p : acc.last);
      pc = 1;
    } else if (op === TEST) {
      i++;
      if (i >= n) return acc;
      pc = 2;
    } else {
      pc = 0;
      driver.canEnterJit({ pc, i, n, acc, stack });
    }
  }
}

export function main(argv: string[]): number {
  const stack: Point[] = [];
  const acc = run(300000, stack);
  console.log("total", acc.total, "count", acc.count);
  const last = acc.last;
  if (last !== null) console.log("last", last.x, last.y);
  let s = 0;
  for (const p of kept) s += p.x - p.y;
  console.log("kept", kept.length, s);
  let below = 0;
  for (const p of stack) below += p.x - 2 * p.y;
  console.log("stack", stack.length, below);
  const small = run(10, []);
  console.log("small", small.total, small.count);
  return 0;
}
