export function main(argv: string[]): number {
  const m = new Map<string, number>();
  m.set("a", 1);
  let n = 0;
  for (const entry of m) n += entry[1];
  return n;
}
