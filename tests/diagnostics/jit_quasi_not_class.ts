import { quasiImmutable } from "../../rlib/jit.ts";

class Counter {
  count = 0;
}

function makeCounter(): Counter {
  return new Counter();
}

quasiImmutable(makeCounter as unknown as typeof Counter, "count");

export function main(argv: string[]): number {
  console.log(makeCounter().count);
  return 0;
}
