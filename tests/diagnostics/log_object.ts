class Point {
  constructor(public x: number, public y: number) {}
}
export function main(argv: string[]): number {
  console.log(new Point(1, 2));
  return 0;
}
