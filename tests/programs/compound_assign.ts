// Compound assignments (+= -= *= /= %= **= <<= >>= >>>= &= |= ^=) on locals, array elements and
// fields; ++/-- prefix and postfix used inside expressions, with JS evaluation order.
class Counter {
  n = 0;
  total = 1;
}

export function main(argv: string[]): number {
  let x = 10;
  x += 5;
  console.log(x);
  x -= 3;
  console.log(x);
  x *= 4;
  console.log(x);
  x %= 7;
  console.log(x);
  x **= 3;
  console.log(x);
  x <<= 4;
  console.log(x);
  x >>= 2;
  console.log(x);
  x |= 3;
  console.log(x);
  x &= 0xf0;
  console.log(x);
  x ^= 0xff;
  console.log(x);
  x = -x;
  x >>>= 1;
  console.log(x);
  x /= 8;
  console.log(x);
  let s = "a";
  s += "b";
  s += 3;
  console.log(s);
  let i = 5;
  console.log(i++, i, ++i, i, i--, i, --i, i);
  let j = 1;
  const y = j++ + ++j;
  console.log(y, j);
  const k = j-- - --j;
  console.log(k, j);
  const arr: number[] = [0, 0, 0, 0];
  let p = 0;
  arr[p++] = p;
  arr[p++] = p * 10;
  arr[++p] = p;
  console.log(arr[0], arr[1], arr[2], arr[3], p);
  arr[1] += 5;
  arr[2] -= 1;
  arr[3] *= 3;
  arr[0] <<= 3;
  console.log(arr[0], arr[1], arr[2], arr[3]);
  arr[1]++;
  ++arr[2];
  const old = arr[3]--;
  console.log(arr[1], arr[2], arr[3], old);
  const c = new Counter();
  c.n++;
  c.n += 10;
  c.total *= 7;
  c.total -= c.n++;
  console.log(c.n, c.total, ++c.n, c.n--, c.n);
  let m = 100;
  let steps = 0;
  while ((m >>= 1) > 0) steps++;
  console.log(steps, m);
  let q = 3;
  q += q *= 2;
  console.log(q);
  let f = 1;
  for (let r = 0; r < 5; r++) f += f / 2;
  console.log(f);
  return 0;
}
