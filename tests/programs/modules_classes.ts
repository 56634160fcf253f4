// Module imports of classes: an abstract base and subclasses from a helper module, extended here.
import { Shape, Rect, Tri, totalArea } from "./lib/shapes.ts";
import { padLeft } from "./lib/strutil.ts";

class Square extends Rect {
  constructor(side: number) {
    super(side, side);
    this.name = "square";
  }
  describe(): string {
    return "a " + super.describe();
  }
}

export function main(argv: string[]): number {
  const shapes: Shape[] = [new Rect(2, 3), new Tri(3, 5), new Square(4), new Rect(0.5, 0.5)];
  for (const s of shapes) console.log(padLeft(s.name, 7), s.area(), s.describe());
  console.log("total", totalArea(shapes));
  let rects = 0;
  for (const s of shapes) if (s instanceof Rect) rects++;
  console.log("rects", rects, shapes[2] instanceof Square, shapes[0] instanceof Square);
  return 0;
}
