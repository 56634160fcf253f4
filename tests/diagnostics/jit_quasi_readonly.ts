import { quasiImmutable } from "../../rlib/jit.ts";

class Global {
  readonly name: string;
  value = 0;
  constructor(name: string) {
    this.name = name;
  }
}

quasiImmutable(Global, "value", "name");

export function main(argv: string[]): number {
  console.log(new Global("x").name);
  return 0;
}
