class Box<T> {
  constructor(public value: T) {}
}
class Other {}
function isBox(x: Box<number> | Box<string> | Other): boolean {
  return x instanceof Box;
}
export function main(argv: string[]): number {
  return isBox(new Box(1)) ? 0 : 1;
}
