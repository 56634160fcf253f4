export function main(argv: string[]): number {
  const seen = new Set<number[]>();
  seen.add([1, 2]);
  return seen.size;
}
