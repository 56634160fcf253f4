// Arbitrary-precision naturals as little-endian arrays of base-10^7 limbs (what a Scheme or
// Python VM falls back to on overflow): add, multiply by a small int and by a bignum,
// compare, divide by a small int with remainder, and decimal printing.
const BASE = 10000000;

class Big {
  constructor(public limbs: number[]) {}
  static of(n: number): Big {
    const limbs: number[] = [];
    do {
      limbs.push(n % BASE);
      n = Math.floor(n / BASE);
    } while (n > 0);
    return new Big(limbs);
  }
  isZero(): boolean {
    return this.limbs.length === 1 && this.limbs[0] === 0;
  }
  add(o: Big): Big {
    const r: number[] = [];
    let carry = 0;
    const n = Math.max(this.limbs.length, o.limbs.length);
    for (let i = 0; i < n; i++) {
      const s = (i < this.limbs.length ? this.limbs[i] : 0) + (i < o.limbs.length ? o.limbs[i] : 0) + carry;
      r.push(s % BASE);
      carry = s >= BASE ? 1 : 0;
    }
    if (carry > 0) r.push(carry);
    return new Big(r);
  }
  mulSmall(k: number): Big {
    const r: number[] = [];
    let carry = 0;
    for (const d of this.limbs) {
      const p = d * k + carry;
      r.push(p % BASE);
      carry = Math.floor(p / BASE);
    }
    while (carry > 0) {
      r.push(carry % BASE);
      carry = Math.floor(carry / BASE);
    }
    return new Big(trim(r));
  }
  mul(o: Big): Big {
    const r: number[] = [];
    for (let i = 0; i < this.limbs.length + o.limbs.length; i++) r.push(0);
    for (let i = 0; i < this.limbs.length; i++) {
      let carry = 0;
      for (let j = 0; j < o.limbs.length; j++) {
        const cur = r[i + j] + this.limbs[i] * o.limbs[j] + carry;
        r[i + j] = cur % BASE;
        carry = Math.floor(cur / BASE);
      }
      let k = i + o.limbs.length;
      while (carry > 0) {
        const cur = r[k] + carry;
        r[k] = cur % BASE;
        carry = Math.floor(cur / BASE);
        k++;
      }
    }
    return new Big(trim(r));
  }
  divSmall(k: number): Big {
    const q: number[] = [];
    for (let i = 0; i < this.limbs.length; i++) q.push(0);
    let rem = 0;
    for (let i = this.limbs.length - 1; i >= 0; i--) {
      const cur = rem * BASE + this.limbs[i];
      q[i] = Math.floor(cur / k);
      rem = cur % k;
    }
    return new Big(trim(q));
  }
  modSmall(k: number): number {
    let rem = 0;
    for (let i = this.limbs.length - 1; i >= 0; i--) rem = (rem * BASE + this.limbs[i]) % k;
    return rem;
  }
  compare(o: Big): number {
    if (this.limbs.length !== o.limbs.length) return this.limbs.length < o.limbs.length ? -1 : 1;
    for (let i = this.limbs.length - 1; i >= 0; i--) {
      if (this.limbs[i] !== o.limbs[i]) return this.limbs[i] < o.limbs[i] ? -1 : 1;
    }
    return 0;
  }
  toString(): string {
    let s = String(this.limbs[this.limbs.length - 1]);
    for (let i = this.limbs.length - 2; i >= 0; i--) s += String(this.limbs[i]).padStart(7, "0");
    return s;
  }
}

function trim(r: number[]): number[] {
  while (r.length > 1 && r[r.length - 1] === 0) r.pop();
  return r;
}

export function main(argv: string[]): number {
  let f = Big.of(1);
  for (let i = 2; i <= 40; i++) {
    f = f.mulSmall(i);
    if (i % 10 === 0) console.log(`${i}! =`, f.toString());
  }
  let a = Big.of(0);
  let b = Big.of(1);
  for (let i = 0; i < 200; i++) {
    const t = a.add(b);
    a = b;
    b = t;
  }
  console.log("fib(200) =", a.toString(), a.toString().length, "digits");
  const p = Big.of(2 ** 40).mul(Big.of(2 ** 40)).mul(Big.of(3 ** 20));
  console.log("2^80*3^20 =", p.toString(), p.modSmall(7), p.modSmall(1000003));
  let q = p;
  let steps = 0;
  while (!q.isZero()) {
    q = q.divSmall(12345);
    steps++;
  }
  console.log("divisions to zero", steps, f.compare(a), a.compare(f), f.compare(f), Big.of(BASE).toString());
  console.log("40!/38! =", f.divSmall(40).divSmall(39).compare(Big.of(1)) > 0, f.divSmall(40).modSmall(41));
  return 0;
}
