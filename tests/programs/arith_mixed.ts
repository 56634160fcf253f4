// Mixing ints and floats: variables that are sometimes integral and sometimes not, functions called
// with both, branches returning either, integral-valued floats printed as integers.
function half(n: number): number {
  if (n % 2 === 0) return n / 2;
  return n / 2;
}

function describe(n: number): string {
  return "value " + n;
}

function pick(flag: boolean): number {
  return flag ? 7 : 7.5;
}

class Account {
  balance = 100;
  deposit(x: number): void {
    this.balance += x;
  }
}

export function main(argv: string[]): number {
  let x = 1;
  console.log(x);
  x = x / 2;
  console.log(x);
  x = x * 4;
  console.log(x);
  x = x + 0.5;
  console.log(x);
  x = x - 0.5;
  console.log(x, x | 0, x === 2);
  console.log(half(10), half(7), half(-3), half(0));
  console.log(describe(3), describe(3.5), describe(-0.25));
  console.log(pick(true), pick(false), pick(true) + pick(false));
  const mixed: number[] = [1, 2.5, 3, -0.75, 100];
  let sum = 0;
  for (const m of mixed) sum += m;
  console.log(sum, sum * 2, sum / 5);
  let v = 10;
  v /= 4;
  console.log(v);
  v *= 2;
  console.log(v);
  v = v | 0;
  console.log(v + 1);
  let n = 3;
  for (let i = 0; i < 6; i++) {
    if (n % 2 === 0) n = n / 2;
    else n = 3 * n + 1;
    console.log("collatz", n);
  }
  const acct = new Account();
  acct.deposit(50);
  console.log(acct.balance);
  acct.deposit(0.25);
  console.log(acct.balance);
  acct.deposit(-0.25);
  console.log(acct.balance);
  let avg = 0;
  const scores: number[] = [90, 85, 77, 68];
  for (const s of scores) avg += s;
  avg = avg / scores.length;
  console.log("average", avg);
  console.log(7 + 0.5, 7 - 0.5, 7 * 0.5, 3 * 1.5, 0.5 * 4, 1.25 * 8);
  let k = 0;
  for (let i = 0; i < 8; i++) k += i % 3 === 0 ? 1 : 0.5;
  console.log(k);
  return 0;
}
