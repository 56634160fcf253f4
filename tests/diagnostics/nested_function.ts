export function main(argv: string[]): number {
  function helper(): number {
    return 42;
  }
  return helper();
}
