class Options {
  verbose = false;
  depth = 3;
}
export function main(argv: string[]): number {
  const o = new Options();
  let n = 0;
  for (const k in o) n += k.length;
  return n;
}
