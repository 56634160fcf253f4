import type { int } from "../../rlib/types.ts";
function half(n: int): int {
  return n;
}
export function main(argv: string[]): number {
  return half(argv.length / 2);
}
