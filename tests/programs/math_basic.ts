// Math functions that map to Wasm instructions, on ints and floats, with JS's edge cases:
// -0, NaN, infinities, ties in round, min/max of mixed values.
export function main(argv: string[]): number {
  const fs = [0, -0, 0.5, -0.5, 1.5, 2.5, -2.5, -0.2, 0.49999999999999994, 1e21, -1e-300, NaN, Infinity, -Infinity, 7.9, -7.9];
  for (const x of fs) {
    console.log(x, Math.floor(x), Math.ceil(x), Math.trunc(x), Math.round(x), Math.abs(x), Math.sign(x), Math.sqrt(x));
  }
  const is = [0, 1, -1, 42, -42, 1000000];
  for (const n of is) {
    console.log(n, Math.floor(n), Math.abs(n), Math.sign(n), Math.round(n), Math.min(n, 3), Math.max(n, -3, 7));
  }
  console.log(Math.min(1.5, -0, 0), Math.max(-0, 0), Math.min(0, -0), Math.max(NaN, 1), Math.min(), Math.max());
  console.log(Math.min(2, 3.5), Math.max(2, 3.5), Math.floor(7 / 2), Math.ceil(7 / 2));
  console.log(Math.PI, Math.E, Math.SQRT2, Math.LN2);
  const arr = [10, 20, 30, 40];
  console.log(arr[Math.floor(5 / 2)], arr[Math.round(0.4)]);
  return 0;
}
