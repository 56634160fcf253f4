export function main(argv: string[]): number {
  const counts = new Map<string, number>();
  counts.set("a", 1);
  const n = counts.get("a");
  return n === undefined ? 0 : n;
}
