export function main(argv: string[]): number {
  return eval("1 + 2");
}
