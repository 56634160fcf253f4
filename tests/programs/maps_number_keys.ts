// Number keys: integers, floats, NaN and -0 under SameValueZero, a memo table, boolean keys.
class Memo {
  table = new Map<number, number>();
  hits = 0;
}

function collatzLength(n: number, memo: Memo): number {
  if (n === 1) return 1;
  const known = memo.table.get(n) ?? 0;
  if (known > 0) {
    memo.hits++;
    return known;
  }
  const next = n % 2 === 0 ? n / 2 : 3 * n + 1;
  const len = 1 + collatzLength(next, memo);
  memo.table.set(n, len);
  return len;
}

export function main(argv: string[]): number {
  const memo = new Memo();
  let best = 0;
  let bestN = 0;
  for (let n = 1; n < 3000; n++) {
    const l = collatzLength(n, memo);
    if (l > best) {
      best = l;
      bestN = n;
    }
  }
  console.log("collatz", bestN, best, memo.table.size, memo.hits);

  const f = new Map<number, string>();
  f.set(0.5, "half");
  f.set(NaN, "nan");
  f.set(-0, "zero");
  f.set(1e300, "huge");
  f.set(-2.25, "neg");
  console.log(f.size, f.get(0), f.get(+0), f.get(-0), f.get(0 / 0), f.get(0.25 * 2), f.get(1e300), f.get(-2.25));
  f.set(0, "zero again");
  f.set(Number.NaN, "nan again");
  console.log(f.size);
  for (const [k, v] of f) console.log(k, v);
  console.log(f.delete(NaN), f.delete(NaN), f.size, f.has(NaN));

  const ints = new Map<number, number>();
  for (let i = -50; i <= 50; i++) ints.set(i * 1000003, i);
  let sum = 0;
  for (let i = -50; i <= 50; i++) sum += ints.get(i * 1000003)!;
  console.log(ints.size, sum, ints.get(2 ** 40) ?? 7, ints.has(-50 * 1000003));
  const large = new Map<number, number>();
  for (let i = 0; i < 100; i++) large.set(2 ** 52 + i, i);
  console.log(large.size, large.get(2 ** 52 + 99)!);

  const flags = new Map<boolean, string>();
  flags.set(true, "yes");
  flags.set(false, "no");
  flags.set(true, "YES");
  for (const [k, v] of flags) console.log(k, v);
  const bools = new Set<boolean>();
  bools.add(1 > 2);
  bools.add(2 > 1);
  bools.add(3 > 4);
  console.log(bools.size, bools.has(false), bools.has(true));
  return 0;
}
