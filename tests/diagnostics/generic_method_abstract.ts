abstract class Shape {
  abstract tag<T>(x: T): string;
}
class Circle extends Shape {
  tag<T>(x: T): string {
    return `circle ${x}`;
  }
}
export function main(argv: string[]): number {
  const s: Shape = new Circle();
  console.log(s.tag(1));
  return 0;
}
