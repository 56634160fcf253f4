// Destructuring of arrays and objects: declarations, nested patterns, defaults, rest
// elements, parameters and for-of heads; captured and reassigned destructured locals.
class Point {
  constructor(public x: number, public y: number) {}
  get norm1(): number {
    return Math.abs(this.x) + Math.abs(this.y);
  }
}

class Segment {
  constructor(public from: Point, public to: Point, public label: string | undefined) {}
}

function area({ x, y }: Point): number {
  return x * y;
}

function describe({ from: { x: x0, y: y0 }, to, label = "unnamed" }: Segment): string {
  return `${label}: (${x0}, ${y0}) -> (${to.x}, ${to.y})`;
}

function headAndTail([first, ...rest]: number[]): string {
  return `${first} then ${rest.length} more: ${rest.map((n) => String(n)).join(",")}`;
}

export function main(argv: string[]): number {
  const [a, b, c] = [10, 20, 30];
  console.log(a, b, c);
  const [, second, , fourth = -1, fifth = 99] = [1, 2, 3];
  console.log(second, fourth, fifth);
  const letters: string[] = ["x", "y", "z"];
  const [p, ...others] = letters;
  console.log(p, others.length, others.join("+"));
  const [[m11, m12], [m21, m22]] = [[1, 2], [3, 4]];
  console.log(m11 * m22 - m12 * m21);

  const pt = new Point(3, -4);
  const { x, y: why, norm1 } = pt;
  console.log(x, why, norm1, area(pt));
  let { x: mx } = pt;
  mx += 100;
  console.log(mx, pt.x);

  const seg = new Segment(new Point(0, 1), new Point(2, 3), undefined);
  console.log(describe(seg));
  console.log(describe(new Segment(pt, pt, "loop")));
  console.log(headAndTail([5, 6, 7, 8]));
  console.log(headAndTail([5]));

  let total = 0;
  for (const { x: px, y: py } of [new Point(1, 2), new Point(3, 4), new Point(5, 6)]) total += px * py;
  console.log(total);
  const grid = [[1, 2, 3], [4, 5, 6]];
  for (const [g0, ...gs] of grid) console.log(g0, gs.length, gs[gs.length - 1]);

  // Destructured locals captured by closures, also when reassigned.
  const [u, v] = [7, 8];
  const addU = (k: number) => k + u;
  let { y: count } = pt;
  const bump = () => {
    count += v;
  };
  bump();
  bump();
  console.log(addU(1), count);
  const fs: (() => number)[] = [];
  for (const [k, w] of [[1, 10], [2, 20]]) fs.push(() => k * w);
  console.log(fs[0](), fs[1]());

  const parts = "a=1;b=2;c=3".split(";");
  let sum = 0;
  for (const part of parts) {
    const [key, value] = part.split("=");
    sum += parseInt(value);
    console.log(key, value);
  }
  console.log(sum, argv.length);
  return 0;
}
