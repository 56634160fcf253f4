// Virtualizable frames (rlib/jitrt/opt/vable.ts): a small register machine whose state lives
// in a Frame marked virtualizable (a scalar field, a ref field, a list of ints and a list of
// refs). A trace keeps them in registers across the loop's iterations and writes them back
// where it leaves: a guard fails every 8th step, a call the tracer does not follow is passed
// the frame every 32nd step (it reads and writes the frame: the trace writes back before it
// and reads again after), another reads and writes a list of the same item type that is not
// the frame's (its items are no frame list's: the promise of the hint), and the loop
// allocates enough for the nursery to fill during traces (a ref written into the old frame
// takes the write barrier where it is finally made).
import { dontLookInside, JitDriver, JitParams, promote, virtualizable } from "../../rlib/jit.ts";

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

class Frame {
  acc = 0;
  last: Point = new Point(0, 0);
  top = 0;
  readonly regs: number[] = [0, 0, 0, 0, 0, 0];
  readonly pts: Point[] = [new Point(1, 1), new Point(2, 2), new Point(3, 3)];
}
virtualizable(Frame, "acc", "last", "top", "regs[*]", "pts[*]");

/** A list of the frame lists' item types that is not the frame's. */
const history: number[] = [0, 0, 0, 0];

function inspect(f: Frame): void {
  f.regs[5] = f.regs[5] + f.regs[0] + f.pts[1].x;
  f.acc = f.acc - 1;
}
dontLookInside(inspect);

function record(i: number): void {
  history[i & 3] = history[i & 3] + i;
}
dontLookInside(record);

const params = new JitParams();
params.threshold = 3;
const driver = new JitDriver({ greens: ["pc"], reds: ["i", "n", "frame"], virtualizables: ["frame"], params });

const STEP = 0;
const TEST = 1;
const BACK = 2;
const CODE = [STEP, TEST, BACK];

function run(n: number, frame: Frame): void {
  let pc = 0;
  let i = 0;
  while (true) {
    driver.jitMergePoint({ pc, i, n, frame });
    const op = CODE[pc];
    if (op === STEP) {
      // A stack of two: its pointer is promoted, so the items are at constant indices.
      const top = promote(frame.top);
      frame.regs[top] = i;
      frame.regs[top + 1] = frame.regs[top] * 3 + frame.regs[2];
      frame.regs[2] = frame.regs[top + 1] - frame.regs[top] * 2;
      frame.regs[3] = frame.regs[3] + (frame.regs[2] & 7);
      const p = new Point(frame.regs[3] & 63, i & 15);
      frame.pts[i & 1] = p;
      frame.last = frame.pts[2];
      frame.pts[2] = p;
      frame.acc = frame.acc + p.x - frame.last.y;
      history[i & 3] = history[i & 3] + frame.regs[3];
      if ((i & 7) === 0) frame.acc = frame.acc + 5;
      if ((i & 31) === 13) inspect(frame);
      if ((i & 15) === 6) record(i);
      frame.regs[4] = frame.regs[4] + history[(i + 1) & 3];
      frame.top = top;
      pc = 1;
    } else if (op === TEST) {
      i++;
      if (i >= n) return;
      pc = 2;
    } else {
      pc = 0;
      driver.canEnterJit({ pc, i, n, frame });
    }
  }
}

export function main(argv: string[]): number {
  const frame = new Frame();
  run(100000, frame);
  console.log("acc", frame.acc, "last", frame.last.x, frame.last.y, "regs", frame.regs.join(" "));
  console.log("pts", frame.pts.map((p) => `${p.x},${p.y}`).join(" "), "history", history.join(" "));
  return 0;
}
