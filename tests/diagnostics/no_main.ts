export function start(argv: string[]): number {
  return 0;
}
