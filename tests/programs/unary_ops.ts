// Unary operators: - + ! ~ on ints, floats and special values; double negation; precedence with **.
export function main(argv: string[]): number {
  const a = 5;
  const b = -2.5;
  const z = 0;
  console.log(-a, +a, !a, ~a, -b, +b, !b, ~b, -z, !z, ~z);
  console.log(- -a, -(-b), !!a, !!z, ~~a, ~~b, ~-1, -~1, +-a, -+a);
  const vals: number[] = [0, 1, -1, 2147483647, -2147483648, 2147483648, 4294967295, 0.5, -0.5, 1e20];
  for (const v of vals) console.log(v, "neg", -v, "plus", +v, "not", !v, "bitnot", ~v);
  let x = 7;
  x = -x;
  console.log(x);
  x = ~x;
  console.log(x);
  x = -x * 2;
  console.log(x);
  console.log(-(2 ** 2), (-2) ** 2, -a * -a, -a - -a, +a + +a);
  let t = true;
  t = !t;
  console.log(t, !t, !!t, !(a > 3), !(a > 3 && b > 0));
  let neg = 0;
  for (let i = 0; i < 4; i++) neg = -neg - i;
  console.log(neg);
  return 0;
}
