export function main(argv: string[]): number {
  let x = ;
  return 0;
}
