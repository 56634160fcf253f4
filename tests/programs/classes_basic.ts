// Classes: fields with initialisers, constructors, parameter properties (public/private/readonly),
// methods calling methods, methods returning new instances, mutation through references.
class Point {
  constructor(public x: number, public y: number) {}

  add(o: Point): Point {
    return new Point(this.x + o.x, this.y + o.y);
  }

  scale(k: number): Point {
    return new Point(this.x * k, this.y * k);
  }

  dist2(): number {
    return this.x * this.x + this.y * this.y;
  }

  str(): string {
    return "(" + this.x + ", " + this.y + ")";
  }
}

class Counter {
  private count = 0;
  readonly label: string;
  step: number;

  constructor(label: string, step: number) {
    this.label = label;
    this.step = step;
  }

  tick(): number {
    this.count += this.step;
    return this.count;
  }

  reset(): void {
    this.count = 0;
  }

  get2(): number {
    return this.count;
  }
}

class Rect {
  constructor(private w: number, private h: number, public readonly name: string) {}

  area(): number {
    return this.w * this.h;
  }

  perimeter(): number {
    return 2 * (this.w + this.h);
  }

  grow(d: number): void {
    this.w += d;
    this.h += d;
  }

  describe(): string {
    return this.name + " " + this.w + "x" + this.h + " area=" + this.area() + " perim=" + this.perimeter();
  }
}

class Empty {}

export function main(argv: string[]): number {
  const p = new Point(1, 2);
  const q = new Point(3.5, -4);
  console.log(p.str(), q.str(), p.add(q).str(), q.scale(2).str(), p.dist2(), q.dist2());
  p.x = 10;
  console.log(p.str(), p.x, p.y);
  const alias = p;
  alias.y = -1;
  console.log(p.str(), alias === p, p === new Point(10, -1));
  const c = new Counter("clicks", 3);
  c.tick();
  c.tick();
  console.log(c.label, c.tick(), c.get2());
  c.reset();
  c.step = 0.5;
  console.log(c.tick(), c.tick(), c.get2());
  const r = new Rect(3, 4, "box");
  console.log(r.describe());
  r.grow(1.5);
  console.log(r.describe(), r.name);
  let acc = new Point(0, 0);
  for (let i = 1; i <= 4; i++) acc = acc.add(new Point(i, i * i));
  console.log(acc.str());
  const e1 = new Empty();
  const e2 = new Empty();
  console.log(e1 === e2, e1 === e1);
  return 0;
}
