function depth<T>(x: T, n: number): number {
  if (n === 0) return 0;
  return 1 + depth([x], n - 1);
}
export function main(argv: string[]): number {
  return depth(1, 3);
}
