export function main(argv: string[]): number {
  try {
    console.log(argv.length);
  } catch (e: unknown) {
    return 1;
  }
  return 0;
}
