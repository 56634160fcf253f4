function sum(...xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
export function main(argv: string[]): number {
  return sum(1, 2, 3);
}
