export function main(argv: string[]): number {
  console.log(Math.hypot(3, 4));
  return 0;
}
