// Interfaces implemented by unrelated classes (no common base), used as parameter, field and
// array item types; discriminated unions narrowed by a `kind` tag or by instanceof.
interface Shape {
  kind: string;
  area(): number;
  name(): string;
}

class Circle implements Shape {
  readonly kind = "circle";
  constructor(public r: number) {}
  area(): number {
    return Math.PI * this.r * this.r;
  }
  name(): string {
    return "circle(" + this.r + ")";
  }
}

class Rect implements Shape {
  readonly kind = "rect";
  constructor(public w: number, public h: number) {}
  area(): number {
    return this.w * this.h;
  }
  name(): string {
    return "rect(" + this.w + "x" + this.h + ")";
  }
}

/** A subclass of one member: still a Shape. */
class Square extends Rect {
  constructor(side: number) {
    super(side, side);
  }
  name(): string {
    return "square(" + this.w + ")";
  }
}

class Triangle implements Shape {
  readonly kind = "triangle";
  constructor(public b: number, public h: number) {}
  area(): number {
    return (this.b * this.h) / 2;
  }
  name(): string {
    return "triangle";
  }
}

class Drawing {
  shapes: Shape[] = [];
  focus: Shape | null = null;
  add(s: Shape): void {
    this.shapes.push(s);
    if (this.focus === null || s.area() > this.focus.area()) this.focus = s;
  }
}

type Tagged = Circle | Rect | Triangle;

function perimeter(s: Tagged): number {
  if (s.kind === "circle") return 2 * Math.PI * s.r;
  if (s.kind === "triangle") return s.b * 3;
  return 2 * (s.w + s.h);
}

function widthOf(s: Circle | Rect): number {
  return s instanceof Circle ? 2 * s.r : s.w;
}

export function main(argv: string[]): number {
  const d = new Drawing();
  d.add(new Circle(1));
  d.add(new Rect(2, 3));
  d.add(new Square(4));
  d.add(new Triangle(3, 8));
  let total = 0;
  for (const s of d.shapes) {
    console.log(s.kind, s.name(), s.area().toFixed(3));
    total += s.area();
  }
  console.log("total", total.toFixed(4));
  const f = d.focus;
  if (f !== null) console.log("largest", f.name());
  const tagged: Tagged[] = [new Circle(2), new Rect(1, 5), new Triangle(2, 2), new Square(3)];
  for (const t of tagged) console.log(t.kind, perimeter(t).toFixed(2));
  console.log(widthOf(new Circle(3)), widthOf(new Square(7)));
  const counts = new Map<string, number>();
  for (const s of d.shapes) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  for (const [k, n] of counts) console.log(k, n);
  const unique = new Set<Shape>();
  for (const s of d.shapes) unique.add(s);
  for (const t of tagged) unique.add(t);
  unique.add(d.shapes[0]);
  console.log("unique", unique.size);
  return 0;
}
