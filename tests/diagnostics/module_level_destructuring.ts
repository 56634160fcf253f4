const [lo, hi] = [1, 10];

export function main(argv: string[]): number {
  console.log(lo, hi);
  return 0;
}
