// rlib/rarith.ts: overflow-checked arithmetic (addOvf, subOvf, mulOvf raise OverflowError
// beyond ±(2^53 - 1)), intmask (ToInt32), intDiv and intMod, as an interpreter's integer
// object would use them.
import { addOvf, intDiv, intmask, intMod, mulOvf, OverflowError, subOvf, toFloat } from "../../rlib/rarith.ts";
import type { float } from "../../rlib/types.ts";

const MAX = 9007199254740991;

function attempt(op: string, a: number, b: number): string {
  try {
    if (op === "+") return String(addOvf(a, b));
    if (op === "-") return String(subOvf(a, b));
    return String(mulOvf(a, b));
  } catch (e) {
    if (e instanceof OverflowError) return `${e.name}(${e.message})`;
    throw e;
  }
}

/** A guest integer that switches to a float when it overflows, as a Python VM would to a long. */
class GuestNum {
  constructor(
    public small: number,
    public big: float,
    public isBig: boolean,
  ) {}
  mul(o: GuestNum): GuestNum {
    if (!this.isBig && !o.isBig) {
      try {
        return new GuestNum(mulOvf(this.small, o.small), 0, false);
      } catch (e) {
        if (!(e instanceof OverflowError)) throw e;
      }
    }
    return new GuestNum(0, this.asFloat() * o.asFloat(), true);
  }
  asFloat(): number {
    return this.isBig ? this.big : toFloat(this.small);
  }
  show(): string {
    return this.isBig ? "big " + this.big : "small " + this.small;
  }
}

export function main(argv: string[]): number {
  console.log(addOvf(1, 2), subOvf(5, 9), mulOvf(-3, 7), mulOvf(0, -5), mulOvf(-4, 0), 1 / mulOvf(0, -1));
  const pairs = [
    [MAX, 1], [MAX, -1], [-MAX, -1], [-MAX, 1], [MAX - 5, 5], [94906265, 94906265], [94906266, 94906266],
    [4294967296, 4294967296], [-4294967296, 4294967296], [3037000500, 3037000500], [MAX, 2], [MAX, -1],
  ];
  for (const p of pairs) {
    console.log(p[0], p[1], attempt("+", p[0], p[1]), attempt("-", p[0], p[1]), attempt("*", p[0], p[1]));
  }
  let f = new GuestNum(1, 0, false);
  for (let i = 1; i <= 25; i++) {
    f = f.mul(new GuestNum(i, 0, false));
    if (i >= 16) console.log(i, f.show());
  }
  console.log(intmask(4294967295), intmask(2147483648), intmask(-2147483649), intmask(MAX), intmask(-MAX));
  console.log(intmask(1.5e10), intmask(-7.9), intmask(0.5), intmask(-0.5), intmask(NaN), intmask(Infinity));
  let h = 0;
  for (let i = 0; i < 1000; i++) h = intmask(h * 31 + i * 7919);
  console.log("hash", h, intDiv(h, 7), intMod(h, 7), intDiv(-7, 2), intMod(-7, 2), intMod(7, -2));
  let sum = 0;
  try {
    for (let i = 0; ; i++) sum = addOvf(sum, (1 << 30) * (i % 3 + 1));
  } catch (e) {
    console.log("sum stopped at", sum, (e as Error).toString());
  }
  try {
    console.log(subOvf(-MAX, MAX));
  } catch (e) {
    console.log(e instanceof OverflowError, e instanceof Error, (e as Error).message);
  }
  return 0;
}
