export function main(argv: string[]): number {
  const t: [number, string] = [1, "a"];
  const i = argv.length;
  console.log(t[i]);
  return 0;
}
