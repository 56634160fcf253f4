// Float arithmetic: IEEE-754 double results, accumulation error, series, Newton's method.
function sqrtNewton(x: number): number {
  let g = x / 2;
  for (let i = 0; i < 30; i++) g = (g + x / g) / 2;
  return g;
}

export function main(argv: string[]): number {
  console.log(0.1 + 0.2, 0.3 - 0.1, 1.5 * 2.5, 10 / 4, 2.5 - 5.75);
  console.log(1.1 * 1.1, 3.14159 * 2, 1.0000001 - 1, 100 / 3, 2 / 3);
  console.log(1e10 * 1e10, 1e-5 * 1e-5, 123.456 + 0.001, 0.1 * 3, 0.7 + 0.1);
  let t = 0;
  for (let i = 0; i < 10; i++) t += 0.1;
  console.log(t);
  let h = 0;
  for (let i = 1; i <= 1000; i++) h += 1 / i;
  console.log("harmonic(1000) =", h);
  let pi = 0;
  let sign = 1;
  for (let k = 0; k < 100000; k++) {
    pi += sign * 4 / (2 * k + 1);
    sign = -sign;
  }
  console.log("leibniz pi =", pi);
  let e = 1;
  let term = 1;
  for (let k = 1; k < 20; k++) {
    term = term / k;
    e += term;
  }
  console.log("e =", e);
  console.log(sqrtNewton(2), sqrtNewton(9), sqrtNewton(1e10), sqrtNewton(0.25));
  let money = 1000.5;
  for (let y = 0; y < 10; y++) money = money * 1.05;
  console.log("compound", money);
  let f = 1.5;
  f *= 2.25;
  f -= 0.125;
  f /= 3;
  console.log(f);
  const c = 37.5;
  const fahrenheit = c * 9 / 5 + 32;
  console.log(c, "C =", fahrenheit, "F");
  let g = 0.5;
  for (let i = 0; i < 5; i++) {
    g = g * g + 0.2;
    console.log("iter", i, g);
  }
  return 0;
}
