// let/const: module-level constants, block scoping and shadowing, late initialisation, swaps.
const LIMIT = 5;
const NAME = "rts";
const RATIO = 0.25;

export function main(argv: string[]): number {
  let a = 1;
  const b = 2;
  console.log(a, b, LIMIT, NAME, RATIO);
  a = a + b;
  console.log(a);
  {
    let a = 100;
    const b = "inner";
    console.log(a, b);
    a += 1;
    console.log(a);
    {
      const a = -1;
      console.log("innermost", a);
    }
  }
  console.log(a, b);
  let c: number;
  if (a > 2) {
    c = 10;
  } else {
    c = 20;
  }
  console.log(c);
  let s: string;
  if (a > 100) s = "big";
  else s = "small";
  console.log(s);
  for (let i = 0; i < LIMIT; i++) {
    const sq = i * i;
    let t = sq + 1;
    t *= 2;
    console.log(i, sq, t);
  }
  for (let i = 10; i < 12; i++) {
    const i2 = i * 2;
    console.log("second loop", i, i2);
  }
  let x = 1, y = 2, z = 3;
  console.log(x + y + z);
  const tmp = x;
  x = y;
  y = tmp;
  console.log(x, y, z);
  let flag = false;
  flag = !flag;
  console.log(flag);
  let v = 0;
  let w = 0;
  v = w = 5;
  console.log(v, w);
  const scaled = LIMIT * RATIO;
  console.log(scaled);
  return 0;
}
