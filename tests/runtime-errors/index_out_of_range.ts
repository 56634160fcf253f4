// Reading past the end of an array: JS gives undefined; RTS values cannot hold undefined,
// so a translated program stops with an error (see docs/rts-language.md).
export function main(argv: string[]): number {
  const xs = [1, 2, 3];
  console.log(xs[2]);
  console.log(xs[3] + 1);
  return 0;
}
