class Box {
  constructor(public label: string) {}
  wrap<T>(x: T): T[] {
    return [x];
  }
}
class BigBox extends Box {
  wrap<T>(x: T): T[] {
    return [x, x];
  }
}
export function main(argv: string[]): number {
  const b: Box = new BigBox("b");
  return b.wrap(3).length;
}
