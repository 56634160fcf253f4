// Large integers below 2^53: printing, arithmetic, and 32-bit truncation of them with | and >>>.
export function main(argv: string[]): number {
  const maxSafe = 2 ** 53 - 1;
  console.log(maxSafe, -maxSafe, 2 ** 53);
  console.log("" + maxSafe, `${-maxSafe}`);
  console.log(maxSafe - 1, maxSafe % 1000, maxSafe % 7, (maxSafe - 1) / 2, maxSafe / 2);
  console.log(maxSafe | 0, maxSafe >>> 0, (2 ** 52 + 2 ** 31) | 0, (2 ** 52 + 2 ** 31) >>> 0);
  console.log(999999999999999, 1000000000000000, 123456789012345, -100000000000000);
  console.log(1e15, 1e15 + 1, 4e15 * 2, 8e15 + 1e15);
  let p = 1;
  for (let i = 0; i < 52; i++) p *= 2;
  console.log(p, p + p - 1, p - 1);
  let f = 1;
  let line = "";
  for (let i = 1; i <= 18; i++) {
    f *= i;
    line += f + " ";
  }
  console.log(line);
  let sq = 1;
  for (let i = 0; i < 3; i++) {
    sq = sq * 99999;
    console.log("99999^" + (i + 1), sq);
  }
  const a = 3037000499;
  console.log(a * 2965, a * 2965 > a);
  let acc = 0;
  for (let i = 0; i < 100; i++) acc += 87960930222080 + i;
  console.log(acc);
  console.log(2147483647 * 4194304, -2147483648 * 2097152, 4194304 * -2147483647);
  return 0;
}
