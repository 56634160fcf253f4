// An OverflowError of rlib/rarith.ts that nothing catches.
import { mulOvf } from "../../rlib/rarith.ts";

function power(base: number, n: number): number {
  let r = 1;
  for (let i = 0; i < n; i++) r = mulOvf(r, base);
  return r;
}

export function main(argv: string[]): number {
  console.log(power(3, 33));
  console.log(power(3, 34));
  return 0;
}
