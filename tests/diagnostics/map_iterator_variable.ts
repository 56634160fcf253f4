export function main(argv: string[]): number {
  const m = new Map<string, number>();
  m.set("a", 1);
  const keys = m.keys();
  let n = 0;
  for (const k of keys) n += k.length;
  return n;
}
