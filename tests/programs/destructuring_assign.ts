// Destructuring assignment to existing variables, fields and elements: swaps, nested
// patterns, defaults, rest elements, getters/setters, captured variables, the expression's
// value, and for-of heads that assign instead of declaring.
class Point {
  constructor(public x: number, public y: number, public label: string | undefined = undefined) {}
}

class Pair {
  a: number = 1;
  b: number = 2;
  private _total = 0;
  get total(): number {
    return this._total;
  }
  set total(v: number) {
    this._total = v * 10;
  }
  swap(): void {
    [this.a, this.b] = [this.b, this.a];
  }
}

function divmod(a: number, b: number): [number, number] {
  return [Math.floor(a / b), a % b];
}

function fib(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

export function main(argv: string[]): number {
  let a = 1;
  let b = 2;
  [a, b] = [b, a];
  console.log("swap", a, b, fib(10), fib(40));

  let x = 0;
  let y = 0;
  const p = new Point(3, 4);
  ({ x, y } = p);
  console.log("object", x, y);

  const pair = new Pair();
  pair.swap();
  ({ x: pair.a, y: pair.total } = p);
  console.log("fields", pair.a, pair.b, pair.total);

  const grid = [0, 0, 0];
  [grid[2], grid[0]] = [5, 6];
  let i = 0;
  [grid[i], i] = [9, 2];
  console.log("elements", grid.join(","), i);

  let q = 0;
  let r = 0;
  [q, r] = divmod(17, 5);
  console.log("tuple", q, r);

  let label = "";
  ({ label = "none", x: a } = p);
  console.log("defaults", label, a);
  ({ label = "none" } = new Point(0, 0, "named"));
  console.log("defaults", label);
  [q = 5, r = 6] = [1];
  console.log("defaults", q, r);

  const xs = [10, 20, 30, 40];
  let first = 0;
  let rest: number[] = [];
  [first, , ...rest] = xs;
  console.log("rest", first, rest.join(","));

  let u = 0;
  let v = 0;
  let w = 0;
  [[u, v], { x: w }] = [[1, 2], new Point(9, 9)] as [number[], Point];
  console.log("nested", u, v, w);

  const res = ([a, b] = [100, 200]);
  console.log("value", res[0], res[1], a, b);

  let count = 0;
  let last = "";
  const note = (s: string): void => {
    [count, last] = [count + 1, s];
  };
  note("x");
  note("y");
  console.log("captured", count, last);

  const pairs: [number, number][] = [[1, 2], [3, 4], [5, 6]];
  let sum = 0;
  for ([a, b] of pairs) sum += a * b;
  console.log("for-of tuple", sum, a, b);
  for (x of xs) sum += x;
  console.log("for-of plain", sum, x);
  for ({ x, y } of [p, new Point(5, 6)]) console.log("for-of object", x + y);
  const m = new Map<string, number>([["k", 1], ["l", 2]]);
  let key = "";
  let n = 0;
  for ([key, n] of m) console.log("for-of map", key, n);
  for (key of m.keys()) last = key;
  console.log("for-of keys", last);
  const s = new Set<number>([4, 5]);
  for (pair.b of s) sum += pair.b;
  console.log("for-of set into a field", sum, pair.b);
  return 0;
}
