// First-class functions: function types and aliases, functions as parameters, results,
// fields and array items; top-level functions and static methods passed as values.
type Unary = (x: number) => number;
type Binary = (a: number, b: number) => number;
type Pred<T> = (x: T) => boolean;

function add(a: number, b: number): number {
  return a + b;
}

function half(x: number): number {
  return x / 2;
}

class Ops {
  static max(a: number, b: number): number {
    return a > b ? a : b;
  }
  static neg(x: number): number {
    return -x;
  }
}

const square: Unary = (x) => x * x;
const alias = half;

class Operator {
  constructor(public symbol: string, public apply: Binary) {}
}

class Pipeline {
  steps: Unary[] = [];
  then(f: Unary): Pipeline {
    this.steps.push(f);
    return this;
  }
  run(x: number): number {
    let v = x;
    for (const f of this.steps) v = f(v);
    return v;
  }
}

function compose(f: Unary, g: Unary): Unary {
  return (x) => f(g(x));
}

function curry(f: Binary): (a: number) => Unary {
  return (a) => (b) => f(a, b);
}

function fold(xs: number[], f: Binary, init: number): number {
  let acc = init;
  for (const x of xs) acc = f(acc, x);
  return acc;
}

function count<T>(xs: T[], p: Pred<T>): number {
  let n = 0;
  for (const x of xs) if (p(x)) n++;
  return n;
}

function pick(k: number): Unary {
  // Functions returning ints and floats flow to one call site: the result is a float.
  if (k === 0) return half;
  if (k === 1) return (x) => x * 3;
  if (k === 2) return Ops.neg;
  return square;
}

export function main(argv: string[]): number {
  const ops = [new Operator("+", add), new Operator("max", Ops.max), new Operator("-", (a, b) => a - b), new Operator("^", (a, b) => a ** b)];
  for (const op of ops) console.log(`7 ${op.symbol} 3 =`, op.apply(7, 3));

  const p = new Pipeline().then(square).then(alias).then((x) => x + 1).then(Ops.neg);
  console.log("pipeline", p.run(4), p.run(3));

  const inc: Unary = (x) => x + 1;
  const f = compose(inc, square);
  const g = compose(square, inc);
  console.log("compose", f(3), g(3), compose(f, g)(2), compose(g, compose(f, half))(5));

  const add5 = curry(add)(5);
  const times = curry((a, b) => a * b);
  console.log("curry", add5(10), times(6)(7), curry(Ops.max)(2)(9));

  const xs = [4, 8, 15, 16, 23, 42];
  console.log("fold", fold(xs, add, 0), fold(xs, Ops.max, -Infinity), fold(xs, (a, b) => a * 10 + (b % 10), 0));
  console.log("count", count(xs, (x) => x % 2 === 0), count([1, 10, 100], (n) => n > 5));

  let line = "";
  for (let k = 0; k < 4; k++) line += pick(k)(5) + " ";
  console.log("pick", line);

  // A table of functions indexed by a number, and calling an element directly.
  const table: Unary[] = [square, half, Ops.neg, inc];
  let acc = 3;
  for (let i = 0; i < 8; i++) acc = table[i % table.length](acc);
  console.log("table", acc, table[0](12));

  // A nullable function field.
  let maybe: Unary | null = null;
  console.log("maybe", maybe === null);
  maybe = inc;
  if (maybe !== null) console.log("maybe", maybe(41));
  return 0;
}
