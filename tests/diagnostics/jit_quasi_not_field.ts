import { quasiImmutable } from "../../rlib/jit.ts";

class Global {
  value = 0;
  bump(): void {
    this.value++;
  }
}

quasiImmutable(Global, "bump");

export function main(argv: string[]): number {
  const g = new Global();
  g.bump();
  console.log(g.value);
  return 0;
}
