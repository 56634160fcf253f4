import { objectAddress } from "../../rlib/lowlevel.ts";

export function main(argv: string[]): number {
  const f = (x: number) => x + argv.length;
  console.log(objectAddress(f) > 0);
  return 0;
}
