// pop() on an array nothing is ever stored in (so its item type is unknown): JS gives
// undefined; a translated program stops as for any pop() on an empty array.
export function main(argv: string[]): number {
  const xs: string[] = [];
  console.log(xs.length);
  console.log(xs.pop()!);
  return 0;
}
