class Circle {
  constructor(public r: number) {}
}
class Square {
  constructor(public side: number) {}
}
function pick(round: boolean): Circle | Square {
  if (round) return new Circle(1);
  return new Square(2);
}
export function main(argv: string[]): number {
  const shape = pick(argv.length > 0);
  return shape instanceof Circle ? 1 : 0;
}
