import { JitDriver } from "../../rlib/jit.ts";

const driver = new JitDriver({ greens: ["pc"], reds: ["acc"] });

export function main(argv: string[]): number {
  let pc = 0;
  let acc = 0;
  while (pc < 10) {
    driver.jitMergePoint({ pc, acc });
    const next = acc % 3;
    acc += pc;
    pc = pc + next + 1;
  }
  console.log(acc);
  return 0;
}
