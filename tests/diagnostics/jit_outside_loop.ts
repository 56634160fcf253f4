import { JitDriver } from "../../rlib/jit.ts";

const driver = new JitDriver({ greens: ["pc"], reds: ["acc"] });

export function main(argv: string[]): number {
  const pc = 0;
  const acc = argv.length;
  driver.canEnterJit({ pc, acc });
  console.log(acc);
  return 0;
}
