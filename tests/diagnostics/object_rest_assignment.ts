class Options {
  constructor(public verbose: boolean, public depth: number, public name: string) {}
}
export function main(argv: string[]): number {
  let verbose = false;
  let others: { depth: number; name: string } | null = null;
  ({ verbose, ...others } = new Options(true, 3, "x"));
  console.log(verbose, others !== null);
  return 0;
}
