// Rest parameters and spread: `...args` in functions, methods and constructors, spread of
// arrays into rest parameters and array literals, spread of tuples into fixed parameters.
function sum(...xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function tag(prefix: string, ...parts: string[]): string {
  return `${prefix}[${parts.length}]:${parts.join("/")}`;
}

function point3(x: number, y: number, z: number): string {
  return `(${x}, ${y}, ${z})`;
}

class Poly {
  coeffs: number[];
  constructor(...coeffs: number[]) {
    this.coeffs = coeffs;
  }
  at(x: number): number {
    let r = 0;
    for (let i = this.coeffs.length - 1; i >= 0; i--) r = r * x + this.coeffs[i];
    return r;
  }
  plus(...more: number[]): Poly {
    return new Poly(...this.coeffs.map((c, i) => c + (i < more.length ? more[i] : 0)), ...more.slice(this.coeffs.length));
  }
}

class Logger {
  lines: string[] = [];
  log(level: number, ...words: string[]): void {
    this.lines.push(`${level}|${words.join(" ")}`);
  }
}

function flatten(xss: number[][]): number[] {
  const out: number[] = [];
  for (const xs of xss) out.push(...xs);
  return out;
}

function counter(): number[] {
  const seen: number[] = [];
  return seen;
}

export function main(argv: string[]): number {
  console.log(sum(), sum(1), sum(1, 2, 3));
  const xs = [4, 5, 6];
  console.log(sum(...xs), sum(1, ...xs, 10), sum(...xs, ...xs));
  console.log(tag("a"), tag("b", "x"), tag("c", "x", "y", "z"));
  const words = ["p", "q"];
  console.log(tag("d", ...words, "r"));
  const t: [number, number, number] = [1, 2, 3];
  console.log(point3(...t));
  const yz: [number, number] = [8, 9];
  console.log(point3(7, ...yz));
  const p = new Poly(1, 2, 3);
  console.log(p.at(2), p.plus(1, 1, 1, 1).at(2), new Poly().at(5), new Poly(...xs).at(-1));
  const log = new Logger();
  log.log(1);
  log.log(2, "two");
  log.log(3, ...words, "end");
  for (const line of log.lines) console.log(line);
  const joined = [0, ...xs, 7, ...counter(), ...[8, 9]];
  console.log(joined.length, joined.map((n) => String(n)).join(","));
  const copy = [...joined];
  copy[0] = 100;
  console.log(joined[0], copy[0]);
  const acc: number[] = [];
  console.log(acc.push(...xs), acc.push(0, ...flatten([[1, 2], [3]]), 4), acc.length);
  console.log(acc.map((n) => String(n)).join(" "));
  const nested = [[1], [2, 3]];
  const flat = [...nested[0], ...nested[1]];
  console.log(flat.length, sum(...flat));
  return 0;
}
