// Sieve of Eratosthenes over a boolean[] and a Uint8Array; prime counting, twin primes, sums.
function sieveBool(n: number): boolean[] {
  const composite: boolean[] = [];
  for (let i = 0; i <= n; i++) composite.push(false);
  for (let p = 2; p * p <= n; p++) {
    if (composite[p]) continue;
    for (let m = p * p; m <= n; m += p) composite[m] = true;
  }
  return composite;
}

function sieveBytes(n: number): Uint8Array {
  const isPrime = new Uint8Array(n + 1);
  for (let i = 2; i <= n; i++) isPrime[i] = 1;
  for (let p = 2; p * p <= n; p++) {
    if (isPrime[p] === 0) continue;
    for (let m = p * p; m <= n; m += p) isPrime[m] = 0;
  }
  return isPrime;
}

export function main(argv: string[]): number {
  const n = 100000;
  const comp = sieveBool(n);
  let count = 0;
  let sum = 0;
  let last = 0;
  for (let i = 2; i <= n; i++) {
    if (!comp[i]) {
      count++;
      sum += i;
      last = i;
    }
  }
  console.log("primes below", n, ":", count, "sum", sum, "largest", last);
  const bytes = sieveBytes(n);
  let count2 = 0;
  let twins = 0;
  for (let i = 2; i <= n; i++) {
    if (bytes[i] === 1) {
      count2++;
      if (i + 2 <= n && bytes[i + 2] === 1) twins++;
    }
  }
  console.log("byte sieve agrees", count === count2, "twin pairs", twins);
  let first = "";
  for (let i = 0, found = 0; found < 25; i++) {
    if (bytes[i] === 1) {
      first += i + " ";
      found++;
    }
  }
  console.log(first);
  let gap = 0;
  let gapAt = 0;
  let prev = 2;
  for (let i = 3; i <= n; i++) {
    if (bytes[i] === 1) {
      if (i - prev > gap) {
        gap = i - prev;
        gapAt = prev;
      }
      prev = i;
    }
  }
  console.log("largest gap", gap, "after", gapAt);
  return 0;
}
