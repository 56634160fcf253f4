export function main(argv: string[]): number {
  const t: [number, number] = [1, 2];
  console.log(t.map((x) => x * 2).length);
  return 0;
}
