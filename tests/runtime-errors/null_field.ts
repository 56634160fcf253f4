// Reading a field of null: an uncaught TypeError, reported alike in every mode.
class Node2 {
  constructor(public value: number, public next: Node2 | null) {}
}
export function main(argv: string[]): number {
  const list = new Node2(1, null);
  console.log(list.value);
  const second = list.next!;
  console.log(second.value);
  return 0;
}
