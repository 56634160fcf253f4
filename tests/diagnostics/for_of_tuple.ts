export function main(argv: string[]): number {
  const t: [number, number] = [1, 2];
  let s = 0;
  for (const x of t) s += x;
  return s;
}
