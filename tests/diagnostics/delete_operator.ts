class Cache {
  entry?: string = "x";
}
export function main(argv: string[]): number {
  const c = new Cache();
  delete c.entry;
  return c.entry === undefined ? 0 : 1;
}
