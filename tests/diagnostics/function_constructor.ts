export function main(argv: string[]): number {
  const f = new Function("a", "return a + 1");
  return f(1);
}
