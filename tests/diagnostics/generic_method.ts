class Box {
  constructor(public label: string) {}
  wrap<T>(x: T): T[] {
    return [x];
  }
}
export function main(argv: string[]): number {
  return new Box("b").wrap(3).length;
}
