// Recursion: fib (naive and iterative), factorial up to 18! (below 2^53), power, gcd, hanoi, binomials.
function fib(n: number): number {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

function fibIter(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) {
    const t = a + b;
    a = b;
    b = t;
  }
  return a;
}

function fact(n: number): number {
  if (n <= 1) return 1;
  return n * fact(n - 1);
}

function power(base: number, exp: number): number {
  if (exp === 0) return 1;
  const half = power(base, (exp / 2) | 0);
  if (exp % 2 === 0) return half * half;
  return half * half * base;
}

function gcd(a: number, b: number): number {
  if (b === 0) return a;
  return gcd(b, a % b);
}

function hanoi(n: number, from: number, to: number, via: number): number {
  if (n === 0) return 0;
  return hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from);
}

function binom(n: number, k: number): number {
  if (k === 0 || k === n) return 1;
  return binom(n - 1, k - 1) + binom(n - 1, k);
}

function sumDigits(n: number): number {
  if (n < 10) return n;
  return (n % 10) + sumDigits((n / 10) | 0);
}

export function main(argv: string[]): number {
  let line = "";
  for (let i = 0; i <= 20; i++) line += fib(i) + " ";
  console.log(line);
  console.log(fib(25));
  console.log(fibIter(50), fibIter(70));
  for (let i = 0; i <= 18; i++) console.log(i + "! =", fact(i));
  console.log(power(2, 10), power(3, 13), power(7, 18));
  console.log(gcd(1071, 462), gcd(17, 5), gcd(0, 9), gcd(2 * 3 * 5 * 7 * 11, 3 * 7 * 13));
  console.log(hanoi(10, 1, 3, 2), hanoi(16, 1, 3, 2));
  let row = "";
  for (let k = 0; k <= 10; k++) row += binom(10, k) + (k < 10 ? "," : "");
  console.log(row);
  console.log(sumDigits(987654321), sumDigits(1000000007));
  return 0;
}
