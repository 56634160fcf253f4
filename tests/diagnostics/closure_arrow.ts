export function main(argv: string[]): number {
  let total = 0;
  const add = (x: number) => {
    total += x;
  };
  add(2);
  return total;
}
