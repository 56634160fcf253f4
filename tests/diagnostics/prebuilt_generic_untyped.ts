interface Shape {
  area(): number;
}
class Square<T> implements Shape {
  constructor(public side: number, public tag: T) {}
  area(): number {
    return this.side * this.side;
  }
}
const shapes: Shape[] = [new Square<string>(2, "a")];

export function main(argv: string[]): number {
  return shapes[0].area();
}
