export function main(argv: string[]): number {
  const s = "a-b-c".replaceAll("-", (m) => m + m);
  console.log(s);
  return 0;
}
