// Helper module for the corpus (no main): a small class hierarchy exported across modules.
export abstract class Shape {
  constructor(public name: string) {}
  abstract area(): number;
  describe(): string {
    return this.name + " with area " + this.area();
  }
}

export class Rect extends Shape {
  constructor(public w: number, public h: number) {
    super("rect");
  }
  area(): number {
    return this.w * this.h;
  }
}

export class Tri extends Shape {
  constructor(public base: number, public height: number) {
    super("tri");
  }
  area(): number {
    return (this.base * this.height) / 2;
  }
}

export function totalArea(shapes: Shape[]): number {
  let t = 0;
  for (const s of shapes) t += s.area();
  return t;
}
