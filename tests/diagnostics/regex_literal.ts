export function main(argv: string[]): number {
  const words = "let x = 42".split(/\s+/);
  return words.length;
}
