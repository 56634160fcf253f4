// Math functions written in RTS (rlib/math.ts, fdlibm as in V8) and the ** operator on floats:
// results must be bit-identical to Node's.
export function main(argv: string[]): number {
  const xs = [0, -0, 0.5, 1, 2, 3.7, -3.7, 10, 100, 1e-10, 1e300, -1e300, 1e10, NaN, Infinity, -Infinity];
  for (const x of xs) {
    console.log(x, Math.exp(x), Math.log(x), Math.sin(x), Math.cos(x), Math.tan(x), Math.atan(x));
    console.log(" ", Math.log2(x), Math.log10(x), Math.cbrt(x), Math.sinh(x), Math.tanh(x), Math.expm1(x), Math.log1p(x));
  }
  for (const y of [-2, -0.5, 0, 0.5, 1, 2, 3, 10, NaN, Infinity]) {
    console.log(y, Math.pow(2, y), Math.pow(-2, y), 1.5 ** y, Math.pow(0, y), Math.pow(-0, y), Math.atan2(y, -1.5));
  }
  let x = 1.1;
  x **= 3;
  console.log(x, 2 ** 0.5, (-8) ** (1 / 3));
  let acc = 0;
  for (let i = 0; i < 1000; i++) acc += Math.sin(i) * Math.cos(i * 0.5);
  console.log(acc);
  return 0;
}
