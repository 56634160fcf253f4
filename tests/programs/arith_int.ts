// Integer arithmetic: + - * precedence, sums and products that stay below 2^53, negatives, literals.
function sumTo(n: number): number {
  let s = 0;
  for (let i = 1; i <= n; i++) s += i;
  return s;
}

function sumSquares(n: number): number {
  let s = 0;
  for (let i = 1; i <= n; i++) s += i * i;
  return s;
}

export function main(argv: string[]): number {
  console.log(1 + 2, 10 - 3, 6 * 7, 2 + 3 * 4, (2 + 3) * 4, 10 - 2 - 3, 2 * 3 - 4 * 5);
  console.log(-5 + 3, 5 - 8, -4 * -3, -4 * 3, 0 - 2147483648, 2147483647 + 1);
  console.log(0xff, 0b1011, 0o17, 1_000_000, 0xDEADBEEF, 1e3, 25e2);
  console.log(sumTo(100), sumTo(100000), sumSquares(1000));
  console.log(123456789 * 1000, 99999 * 99999, 4294967295 * 65536);
  console.log(94906265 * 94906265);
  console.log(1 << 26, (1 << 26) * (1 << 26));
  let acc = 1;
  for (let i = 0; i < 50; i++) acc = acc * 2 + 1;
  console.log(acc);
  let neg = 0;
  for (let i = 0; i < 1000; i++) neg -= i * 3;
  console.log(neg);
  let alt = 0;
  for (let i = 0; i < 21; i++) alt = i % 2 === 0 ? alt + i : alt - i;
  console.log(alt);
  const a = 17;
  const b = 5;
  console.log(a + b, a - b, a * b, a % b, (a - (a % b)) / b);
  let x = 3;
  x = x * x * x - x;
  console.log(x);
  let big = 1;
  for (let i = 1; i <= 15; i++) big *= 10;
  console.log(big, big - 1, -big, big + 123456789);
  let tri = 0;
  let count = 0;
  while (tri < 1000000) {
    count++;
    tri += count;
  }
  console.log(count, tri);
  return 0;
}
