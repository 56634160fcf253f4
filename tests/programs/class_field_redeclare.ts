// A field (or parameter property) a subclass declares again is the base's field: one
// property, which the base's initializer and then the subclass's assign; methods of either
// class, and reads through the base type, see the same value.
class Shape {
  sides = 0;
  scale = 4;
  constructor(public name: string) {}
  area(x: number): number {
    return x * this.scale + this.sides;
  }
  describe(): string {
    return `${this.name}: ${this.sides} sides, scale ${this.scale}`;
  }
}

class Square extends Shape {
  sides = 4;
  scale = 2;
  constructor(public name: string, public size: number) {
    super(name + "?");
  }
  area(x: number): number {
    return super.area(x) - this.scale;
  }
}

class Cube extends Square {
  sides = 6;
  label?: string;
  describe(): string {
    return "cube " + super.describe();
  }
}

export function main(argv: string[]): number {
  const shapes: Shape[] = [new Shape("blob"), new Square("sq", 3), new Cube("cb", 5)];
  for (const s of shapes) console.log(s.describe(), s.area(37), s.sides, s.scale, s.name);
  const sq = shapes[1] as Square;
  sq.scale = 10;
  console.log(shapes[1].area(1), shapes[1].scale, sq.size);
  const c = shapes[2] as Cube;
  console.log(c.label === undefined, c.sides, (c as Shape).sides, c.size);
  return 0;
}
