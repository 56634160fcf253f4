export function main(argv: string[]): number {
  const n = argv.length;
  switch (n) {
    case 0:
      return 1;
    default:
      return 2;
  }
}
