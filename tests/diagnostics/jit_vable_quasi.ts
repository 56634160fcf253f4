import { quasiImmutable, virtualizable } from "../../rlib/jit.ts";

class Frame {
  sp = 0;
  code = 0;
}
quasiImmutable(Frame, "code");
virtualizable(Frame, "sp", "code");

export function main(argv: string[]): number {
  console.log(new Frame().sp);
  return 0;
}
