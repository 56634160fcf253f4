class Options {
  verbose = false;
}
export function main(argv: string[]): number {
  const o = new Options();
  return "verbose" in o ? 0 : 1;
}
