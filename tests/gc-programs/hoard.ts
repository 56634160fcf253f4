// Keeps everything it allocates: with a heap limit it must stop with "out of memory".
class Cell {
  constructor(public next: Cell | null, public payload: Float64Array) {}
}
export function main(argv: string[]): number {
  let head: Cell | null = null;
  for (let i = 0; i < 1000000; i++) head = new Cell(head, new Float64Array(128));
  console.log(head !== null);
  return 0;
}
