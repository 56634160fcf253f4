export function main(argv: string[]): number {
  const sum = (...xs: number[]): number => xs.length;
  return sum(1, 2);
}
