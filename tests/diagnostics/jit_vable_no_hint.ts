import { JitDriver, virtualizable } from "../../rlib/jit.ts";

class Frame {
  sp = 0;
  readonly stack: number[] = [0, 0, 0];
}
class Other {
  n = 0;
}
virtualizable(Frame, "sp", "stack[*]");

const driver = new JitDriver({ greens: ["pc"], reds: ["frame", "other"], virtualizables: ["frame", "other"] });

export function main(argv: string[]): number {
  const frame = new Frame();
  const other = new Other();
  let pc = 0;
  while (pc < 10) {
    driver.jitMergePoint({ pc, frame, other });
    frame.stack[frame.sp] += pc;
    other.n++;
    pc++;
  }
  console.log(frame.stack[0], other.n);
  return 0;
}
