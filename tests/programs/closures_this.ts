// Arrow functions in methods capture `this`; arrow-valued fields; callbacks registered
// with another object (an event emitter).
class Emitter {
  private handlers: ((name: string, value: number) => void)[] = [];
  on(h: (name: string, value: number) => void): void {
    this.handlers.push(h);
  }
  emit(name: string, value: number): void {
    for (const h of this.handlers) h(name, value);
  }
}

class Stats {
  count = 0;
  sum = 0;
  names: string[] = [];
  constructor(public label: string, emitter: Emitter) {
    emitter.on((name, value) => {
      this.count++;
      this.sum += value;
      this.names.push(name);
    });
    emitter.on(this.logger);
  }
  logger = (name: string, value: number) => {
    if (value > 10) this.names.push(`${this.label}:big(${name})`);
  };
  report(): string {
    return `${this.label} count=${this.count} sum=${this.sum} ${this.names.join(",")}`;
  }
}

class Grid {
  cells: number[] = [];
  constructor(public width: number, public height: number) {
    for (let i = 0; i < width * height; i++) this.cells.push(i % 7);
  }
  forEachCell(f: (x: number, y: number, v: number) => void): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) f(x, y, this.cells[y * this.width + x]);
    }
  }
  rowSums(): number[] {
    const sums: number[] = [];
    this.forEachCell((x, y, v) => {
      if (x === 0) sums.push(0);
      sums[y] += v * this.width;
    });
    return sums;
  }
  scaled(k: number): number[] {
    return this.cells.map((v) => v * k + this.height);
  }
}

class Base {
  constructor(public tag: string) {}
  describe(): () => string {
    return () => "base " + this.tag;
  }
}

class Derived extends Base {
  extra = 5;
  describe(): () => string {
    const inner = super.describe();
    return () => inner() + " / derived " + this.extra;
  }
}

/** A closure that assigns a constructor parameter which is also a parameter property. */
class Ticket {
  next: () => number;
  constructor(public start: number) {
    this.next = () => ++start;
  }
}

export function main(argv: string[]): number {
  const e = new Emitter();
  const a = new Stats("A", e);
  const b = new Stats("B", e);
  e.emit("x", 3);
  e.emit("y", 20);
  e.emit("z", 11);
  console.log(a.report());
  console.log(b.report());

  const g = new Grid(4, 3);
  console.log(g.rowSums().map((s) => "" + s).join(" "));
  console.log(g.scaled(2).map((s) => "" + s).join(" "));

  const d = new Derived("t");
  const f = d.describe();
  d.extra = 6;
  d.tag = "u";
  console.log(f());

  const t = new Ticket(5);
  console.log(t.start, t.next(), t.next(), t.start);
  return 0;
}
