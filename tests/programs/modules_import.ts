// Module imports: functions and constants from helper modules (one of which imports another).
import { gcd, lcm, isPrime, powMod, clamp, MODULUS } from "./lib/mathutil.ts";
import { repeat, padLeft, bar, joinNumbers, SEPARATOR } from "./lib/strutil.ts";

export function main(argv: string[]): number {
  console.log(gcd(48, 18), gcd(17, 13), lcm(4, 6), lcm(21, 6));
  const primes: number[] = [];
  for (let n = 0; primes.length < 15; n++) if (isPrime(n)) primes.push(n);
  console.log(joinNumbers(primes));
  console.log(powMod(2, 10, 1000), powMod(3, 200, 13), powMod(7, 1000000, MODULUS), MODULUS);
  console.log(clamp(5, 0, 3), clamp(-2, 0, 3), clamp(1.5, 0, 3));
  console.log(repeat("=-", 6), "[" + padLeft("right", 8) + "]", "[" + SEPARATOR + "]");
  for (let v = -1; v <= 6; v += 2) console.log(padLeft("" + v, 3), bar(v, 5));
  let coprime = 0;
  for (let a = 1; a <= 30; a++) {
    for (let b = 1; b <= 30; b++) {
      if (gcd(a, b) === 1) coprime++;
    }
  }
  console.log("coprime pairs up to 30:", coprime);
  return 0;
}
