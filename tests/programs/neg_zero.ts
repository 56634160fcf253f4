// -0: console.log prints "-0", string conversion prints "0"; the operations that produce -0.
function isNegZero(x: number): boolean {
  return x === 0 && 1 / x < 0;
}

class Holder {
  value = 0;
}

export function main(argv: string[]): number {
  console.log(-0);
  console.log(0 * -1, -1 * 0, -0 + 0, -0 - 0, 0 - 0, -0 * -1);
  const zero = 0;
  console.log(-zero);
  let x = 0;
  x = -x;
  console.log(x, isNegZero(x), x === 0, x < 0, x > -1);
  console.log("concat " + x, `template ${x}`, "" + -0);
  console.log(-4 % 2, -6 % 3, 4 % 2, 0 / -5, -0 / 5);
  for (let i = 0; i < 3; i++) console.log("neg i", -i, i * -1, -i * 2, (i - 4) % 2);
  let y = 5;
  y = y * 0;
  console.log("5*0", y);
  let z = -1;
  z *= 0;
  console.log("-1*0", z, isNegZero(z));
  z++;
  console.log("after ++", z);
  let k = 3;
  k -= 3;
  console.log("3-3", k, isNegZero(k));
  let q = -0;
  q--;
  q++;
  console.log("-0 -1 +1", q);
  console.log("|0", -0 | 0, -0 >>> 0, ~~-0);
  const arr: number[] = [0, -0, 1];
  arr[2] = -arr[0];
  console.log(arr[0], arr[1], arr[2]);
  const h = new Holder();
  h.value = -h.value;
  console.log("field", h.value);
  const f64 = new Float64Array(2);
  f64[0] = -0;
  console.log("f64", f64[0], f64[1]);
  const i32 = new Int32Array(1);
  i32[0] = -0;
  console.log("i32", i32[0]);
  console.log(1 / -0, 1 / (0 * -3));
  const t = 0;
  console.log(-t === t, -t + 1);
  return 0;
}
