import { JitDriver } from "../../rlib/jit.ts";

export function main(argv: string[]): number {
  const driver = new JitDriver({ greens: ["pc"], reds: [] });
  let pc = 0;
  while (pc < 10) {
    driver.jitMergePoint({ pc });
    pc++;
  }
  return 0;
}
