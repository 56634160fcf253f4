// Lazy writes in traces (rlib/jitrt/opt/lazywrites.ts): a small bytecode loop whose state
// lives in an object made before the loop (old by the time the loop is compiled: a ref
// written into it needs the write barrier), written several times per step (the earlier
// writes are dead), in a ref field, an int field, a list of refs and a typed array. A guard
// fails every 8th step with writes kept back (its failure path makes them), a call the
// tracer does not follow reads the state every 32nd step (the writes are made before it),
// and the loop allocates enough for the nursery to fill during traces.
import { dontLookInside, JitDriver, JitParams } from "../../rlib/jit.ts";

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

class State {
  total = 0;
  last: Point = new Point(0, 0);
  slots: Point[] = [new Point(1, 1), new Point(2, 2), new Point(3, 3), new Point(4, 4)];
  counts = new Int32Array(4);
}

class Seen {
  sum = 0;
}
const seen = new Seen();

function look(s: State): void {
  seen.sum += (s.total % 1000) + s.last.x - s.slots[1].y + s.counts[2];
}
dontLookInside(look);

const params = new JitParams();
params.threshold = 3;
const driver = new JitDriver({ greens: ["pc"], reds: ["i", "n", "s"], params });

const STEP = 0;
const TEST = 1;
const BACK = 2;
const CODE = [STEP, TEST, BACK];

function run(n: number, s: State): void {
  let pc = 0;
  let i = 0;
  while (true) {
    driver.jitMergePoint({ pc, i, n, s });
    const op = CODE[pc];
    if (op === STEP) {
      const p = new Point(i, i & 15);
      s.last = p;
      s.total = s.total + p.y;
      s.slots[i & 1] = p;
      s.counts[i & 3] = s.counts[i & 3] + 1;
      if ((i & 7) === 0) {
        // A guard fails here once the loop is traced (it is traced through another step):
        // the writes above are kept back at it.
        s.total = s.total + 3;
      }
      s.last = new Point(p.x + 1, s.slots[0].y);
      s.total = s.total * 2 - s.total + 1;
      s.slots[i & 1] = s.last;
      s.counts[i & 3] = s.counts[i & 3] + 2;
      if ((i & 31) === 13) look(s);
      pc = 1;
    } else if (op === TEST) {
      i++;
      if (i >= n) return;
      pc = 2;
    } else {
      pc = 0;
      driver.canEnterJit({ pc, i, n, s });
    }
  }
}

export function main(argv: string[]): number {
  const s = new State();
  run(200000, s);
  console.log("total", s.total, "last", s.last.x, s.last.y, "seen", seen.sum);
  let slots = 0;
  for (const p of s.slots) slots += p.x * 3 - p.y;
  console.log("slots", slots, "counts", s.counts[0], s.counts[1], s.counts[2], s.counts[3]);
  const small = new State();
  run(10, small);
  console.log("small", small.total, small.last.x, small.slots[0].x, small.counts[1]);
  return 0;
}
