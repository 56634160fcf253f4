async function load(): Promise<number> {
  return 1;
}
export function main(argv: string[]): number {
  load();
  return 0;
}
