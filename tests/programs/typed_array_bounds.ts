// Typed arrays ignore writes out of range, as in JS (reads out of range are an error in RTS:
// JS gives undefined, which a number cannot hold).
export function main(argv: string[]): number {
  const a = new Int32Array(4);
  for (let i = -2; i < 8; i++) a[i] = i * 3;
  let s = "";
  for (let i = 0; i < a.length; i++) s += a[i] + " ";
  console.log(s);
  const f = new Float64Array(2);
  f[2] = 1.5;
  f[1] = 2.5;
  f[100] = 7;
  console.log(f.length, f[0], f[1]);
  const b = new Uint8Array(3);
  const n = 10;
  for (let i = 0; i < n; i++) b[i] = 250 + i;
  console.log(b[0], b[1], b[2], b.length);
  return 0;
}
