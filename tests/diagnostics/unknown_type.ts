function first(xs: unknown[]): unknown {
  return xs[0];
}
export function main(argv: string[]): number {
  console.log(first(argv) === "x");
  return 0;
}
