class Cell {
  constructor(public v: number) {}
}
export function main(argv: string[]): number {
  const a = new Cell(1);
  const b = new Cell(1);
  return a == b ? 1 : 0;
}
