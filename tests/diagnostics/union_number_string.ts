function describe(v: number | string): string {
  return "" + v;
}
export function main(argv: string[]): number {
  console.log(describe(1));
  return 0;
}
