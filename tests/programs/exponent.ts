// ** on integers: right associativity, negative bases, **=, powers of 2 and 3 up to below 2^53.
function ipow(b: number, e: number): number {
  let r = 1;
  for (let i = 0; i < e; i++) r *= b;
  return r;
}

export function main(argv: string[]): number {
  console.log(2 ** 10, 3 ** 4, (-2) ** 3, (-3) ** 2, 2 ** 0, 0 ** 0, 1 ** 100, 0 ** 5);
  console.log(10 ** 15, 2 ** 31, 2 ** 32, 2 ** 52, 2 ** 53);
  console.log(2 ** 3 ** 2, (2 ** 3) ** 2, 7 ** 2 ** 2);
  console.log(-(2 ** 4), (-1) ** 7, (-1) ** 8);
  let b = 2;
  b **= 5;
  console.log(b);
  b **= 2;
  console.log(b);
  let line = "";
  for (let e = 0; e <= 33; e++) {
    const p = 3 ** e;
    line += p + " ";
    if (p !== ipow(3, e)) console.log("mismatch at", e);
  }
  console.log(line);
  for (let e = 40; e <= 52; e += 4) console.log("2 **", e, "=", 2 ** e);
  let s = 0;
  for (let i = 1; i <= 10; i++) s += i ** 3;
  console.log("sum of cubes", s, ((10 * 11) >> 1) ** 2);
  const n = 5;
  console.log(n ** 2 + 2 * n + 1, (n + 1) ** 2);
  return 0;
}
