function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
export function main(argv: string[]): number {
  const t: [number, number] = [1, 2];
  console.log(sum(t));
  return 0;
}
