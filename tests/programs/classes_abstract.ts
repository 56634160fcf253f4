// Abstract classes with abstract methods, template methods in the base class, virtual dispatch
// through an array typed by the abstract base, and a concrete intermediate class.
abstract class Shape {
  constructor(public label: string) {}

  abstract area(): number;
  abstract perimeter(): number;

  report(): string {
    return this.label + ": area=" + this.area() + " perimeter=" + this.perimeter();
  }

  biggerThan(other: Shape): boolean {
    return this.area() > other.area();
  }
}

class Rect extends Shape {
  constructor(public w: number, public h: number) {
    super("rect");
  }

  area(): number {
    return this.w * this.h;
  }

  perimeter(): number {
    return 2 * (this.w + this.h);
  }
}

class Square extends Rect {
  constructor(side: number) {
    super(side, side);
    this.label = "square";
  }
}

class Triangle extends Shape {
  constructor(public a: number, public b: number, public c: number) {
    super("triangle");
  }

  area(): number {
    return (this.a * this.b) / 2; // right triangles only: a and b are the legs
  }

  perimeter(): number {
    return this.a + this.b + this.c;
  }
}

class Circle extends Shape {
  constructor(public r: number) {
    super("circle");
  }

  area(): number {
    return 3.141592653589793 * this.r * this.r;
  }

  perimeter(): number {
    return 2 * 3.141592653589793 * this.r;
  }

  report(): string {
    return "round " + super.report();
  }
}

abstract class Op {
  abstract apply(x: number): number;
  abstract name(): string;
}

class AddOp extends Op {
  constructor(private k: number) {
    super();
  }
  apply(x: number): number {
    return x + this.k;
  }
  name(): string {
    return "+" + this.k;
  }
}

class MulOp extends Op {
  constructor(private k: number) {
    super();
  }
  apply(x: number): number {
    return x * this.k;
  }
  name(): string {
    return "*" + this.k;
  }
}

export function main(argv: string[]): number {
  const shapes: Shape[] = [new Rect(3, 4), new Square(2.5), new Triangle(3, 4, 5), new Circle(1), new Circle(0.5)];
  let total = 0;
  for (const s of shapes) {
    console.log(s.report());
    total += s.area();
  }
  console.log("total area", total);
  let largest = shapes[0];
  for (const s of shapes) if (s.biggerThan(largest)) largest = s;
  console.log("largest", largest.label, largest.area());
  const ops: Op[] = [new AddOp(3), new MulOp(2), new AddOp(-1), new MulOp(0.5)];
  let x = 5;
  let trace = "5";
  for (const op of ops) {
    x = op.apply(x);
    trace += " " + op.name() + " -> " + x;
  }
  console.log(trace);
  return 0;
}
