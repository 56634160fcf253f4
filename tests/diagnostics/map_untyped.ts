export function main(argv: string[]): number {
  const m = new Map();
  m.set("a", 1);
  return m.size;
}
