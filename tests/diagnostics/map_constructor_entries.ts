export function main(argv: string[]): number {
  const m = new Map<string, number>([["a", 1], ["b", 2]]);
  return m.size;
}
