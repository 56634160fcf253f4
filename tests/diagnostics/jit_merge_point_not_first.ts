import { JitDriver } from "../../rlib/jit.ts";

const driver = new JitDriver({ greens: ["pc"], reds: ["acc"] });

export function main(argv: string[]): number {
  let pc = 0;
  let acc = 0;
  while (pc < 10) {
    acc += pc;
    driver.jitMergePoint({ pc, acc });
    pc++;
  }
  console.log(acc);
  return 0;
}
