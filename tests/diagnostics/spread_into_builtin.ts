export function main(argv: string[]): number {
  const xs = [1, 2, 3];
  console.log(...xs);
  return 0;
}
