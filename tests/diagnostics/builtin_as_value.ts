export function main(argv: string[]): number {
  const xs = [1, 4, 9];
  const roots = xs.map(Math.sqrt);
  console.log(roots[1]);
  return 0;
}
