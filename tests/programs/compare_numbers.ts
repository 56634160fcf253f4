// Comparisons of ints and floats: ===, !==, <, <=, >, >=, integral floats equal to ints, min/max.
function max(a: number, b: number): number {
  return a > b ? a : b;
}

function min(a: number, b: number): number {
  return a < b ? a : b;
}

function cmp(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

export function main(argv: string[]): number {
  const three = 3;
  const threeF = 6 / 2;
  console.log(three === threeF, three !== threeF, three < threeF, three <= threeF);
  console.log(1 < 1.5, 2 > 1.99, 2 >= 2.0, -1 < -0.5, -1.5 < -1);
  console.log(0.1 + 0.2 === 0.3, 0.1 + 0.2 > 0.3, 0.5 + 0.25 === 0.75, (1 / 3) * 3 === 1);
  console.log(7 / 2 > 3, 7 / 2 < 4, (7 / 2 | 0) === 3);
  const vals: number[] = [3, -1, 2.5, 0, -2.75, 10, 2.5, 1e-3];
  let hi = vals[0];
  let lo = vals[0];
  for (const v of vals) {
    hi = max(hi, v);
    lo = min(lo, v);
  }
  console.log("max", hi, "min", lo);
  let line = "";
  for (let i = 0; i < vals.length - 1; i++) line += cmp(vals[i], vals[i + 1]) + " ";
  console.log(line);
  let a = 10;
  let b = 10.5;
  console.log(a < b, a > b, a === b, a !== b);
  b -= 0.5;
  console.log(a < b, a <= b, a >= b, a === b);
  a = -0;
  console.log(a === 0, a < 0, a <= 0, a >= 0);
  const big = 9007199254740991;
  console.log(big > big - 1, big - 1 < big, big === 9007199254740991);
  let steps = 0;
  let f = 0;
  while (f < 1) {
    f += 0.1;
    steps++;
  }
  console.log("steps", steps, f);
  const two = 2;
  const twoHalf = two + 0.5;
  console.log(two == 2.0, two != twoHalf, twoHalf == 2.5);
  return 0;
}
