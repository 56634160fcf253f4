// Method references: `obj.m.bind(obj)` as a function value (virtual dispatch on obj, as the
// call would), through interfaces and generic classes; static methods as values.
class Greeter {
  constructor(public name: string) {}
  greet(other: string): string {
    return `${this.name} greets ${other}`;
  }
}

class LoudGreeter extends Greeter {
  greet(other: string): string {
    return super.greet(other).toUpperCase() + "!";
  }
}

interface Scorer {
  score(x: number): number;
}

class Doubler implements Scorer {
  calls = 0;
  score(x: number): number {
    this.calls++;
    return x * 2;
  }
}

class Offset implements Scorer {
  constructor(public by: number) {}
  score(x: number): number {
    return x + this.by;
  }
}

class Box<T> {
  constructor(public value: T) {}
  with(other: T): string {
    return `${this.value}&${other}`;
  }
}

class MathOps {
  static square(x: number): number {
    return x * x;
  }
}

class Counter {
  n = 0;
  hit(): void {
    this.n++;
  }
  runAll(fs: (() => void)[]): void {
    for (const f of fs) f();
  }
  selfTest(): number {
    const h = this.hit.bind(this);
    this.runAll([h, h, h]);
    return this.n;
  }
}

function apply(f: (x: number) => number, xs: number[]): string {
  return xs.map((x) => String(f(x))).join(",");
}

export function main(argv: string[]): number {
  const names = ["Bob", "Cy"];
  const g: Greeter = new Greeter("Ada");
  const loud: Greeter = new LoudGreeter("Max");
  console.log(names.map(g.greet.bind(g)).join("; "));
  console.log(names.map(loud.greet.bind(loud)).join("; "));
  const greeters = [g, loud];
  const fns: ((s: string) => string)[] = [];
  for (const gr of greeters) fns.push(gr.greet.bind(gr));
  for (const f of fns) console.log(f("Zed"));

  const d = new Doubler();
  const scorers: Scorer[] = [d, new Offset(10)];
  for (const s of scorers) console.log(apply(s.score.bind(s), [1, 2, 3]));
  console.log(d.calls);

  const b1 = new Box<number>(1);
  const b2 = new Box<string>("one");
  const w1 = b1.with.bind(b1);
  const w2 = b2.with.bind(b2);
  console.log(w1(2), w2("two"));

  console.log(apply(MathOps.square, [3, 4]));
  console.log(new Counter().selfTest());
  return 0;
}
