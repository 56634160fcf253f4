export function main(argv: string[]): number {
  const n: number = "not a number";
  return n;
}
