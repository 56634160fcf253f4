export function main(argv: string[]): number {
  const scale = (x: number, by = 2) => x * by;
  console.log(scale(3));
  return 0;
}
