function count(...xs: number[]): number {
  return xs.length;
}
function call(f: (a: number, b: number) => number): number {
  return f(1, 2);
}
export function main(argv: string[]): number {
  return call(count);
}
