import { JitDriver } from "../../rlib/jit.ts";

const driver = new JitDriver({ greens: ["pc"], reds: ["acc", "steps"] });

export function main(argv: string[]): number {
  let pc = 0;
  let acc = 0;
  let steps = 0;
  while (pc < 10) {
    driver.jitMergePoint({ pc, acc });
    acc += pc;
    steps++;
    pc++;
  }
  console.log(acc, steps);
  return 0;
}
