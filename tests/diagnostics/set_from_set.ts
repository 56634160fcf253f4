export function main(argv: string[]): number {
  const a = new Set<string>(["x"]);
  const b = new Set<string>(a);
  return b.size;
}
