function f(t: [number, number?]): number {
  return t[0];
}
export function main(argv: string[]): number {
  return f([1]);
}
