class Circle {
  constructor(public r: number) {}
}
function pick(round: boolean): Circle | number[] {
  if (round) return new Circle(1);
  return [2];
}
export function main(argv: string[]): number {
  const shape = pick(argv.length > 0);
  return shape instanceof Circle ? 1 : 0;
}
