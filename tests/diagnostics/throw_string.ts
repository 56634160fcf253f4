export function main(argv: string[]): number {
  if (argv.length > 5) throw "too many arguments";
  return 0;
}
