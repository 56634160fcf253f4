// intDiv by zero is an error in both modes (rlib/rarith.ts).
import { intDiv } from "../../rlib/rarith.ts";
export function main(argv: string[]): number {
  console.log(intDiv(7, 2));
  console.log(intDiv(7, argv.length));
  return 0;
}
