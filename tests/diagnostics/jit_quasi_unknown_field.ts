import { quasiImmutable } from "../../rlib/jit.ts";

class Global {
  value = 0;
}

quasiImmutable(Global, "valeu");

export function main(argv: string[]): number {
  console.log(new Global().value);
  return 0;
}
