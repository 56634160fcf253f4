export function main(argv: string[]): number {
  const s = new Set<number>([1, 2]);
  const xs = [0, ...s];
  return xs.length;
}
