// Non-negative big integers for the exact number conversions (rlib/numfmt.ts, rlib/numconv.ts),
// written in RTS.
//
// A big integer is an int[] array of 24-bit limbs, least significant first, with no zero top limb
// (zero is the empty array). Two ways of splitting an intermediate into limb and carry keep every
// result the same untranslated and translated:
// - where it fits a signed 32-bit integer (multipliers up to 128, shifts), the 32-bit bitwise
//   operators (t & LIMB_MASK, t >> LIMB_BITS) split it, with no integer division;
// - otherwise (bigMulAdd: multipliers up to 2^28, products below 2^53) intDiv does.
import type { float, int } from "./types.ts";
import { intDiv, intMod } from "./rarith.ts";

export const LIMB_BASE = 16777216;
export const LIMB_BITS = 24;
export const LIMB_MASK = 16777215;
/** 5^12, the largest power of five that bigMulAdd takes in one step (< 2^28). */
const POW5_CHUNK: int = 244140625;
const POW5_CHUNK_DIGITS = 12;

const TWO_32: float = 4294967296;

/** v as a big integer, for 0 <= v < 2^53 (0 for v <= 0). */
export function bigFromInt(v: int): int[] {
  const a: int[] = [];
  let rest = v;
  while (rest > 0) {
    a.push(intMod(rest, LIMB_BASE));
    rest = intDiv(rest, LIMB_BASE);
  }
  return a;
}

/** Limb i, 0 outside the used limbs. */
export function limbAt(a: int[], i: int): int {
  return i >= 0 && i < a.length ? a[i] : 0;
}

/** Drops zero top limbs. */
export function bigTrim(a: int[]): void {
  while (a.length > 0 && a[a.length - 1] === 0) a.pop();
}

/** -1, 0 or 1 as a <, =, > b. */
export function bigCompare(a: int[], b: int[]): int {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** a = a * m + add, for 0 < m < 2^28 and 0 <= add < 2^28: limb * m + carry < 2^53. */
export function bigMulAdd(a: int[], m: int, add: int): void {
  let carry = add;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] * m + carry;
    carry = intDiv(t, LIMB_BASE);
    a[i] = t - carry * LIMB_BASE;
  }
  while (carry > 0) {
    const c = intDiv(carry, LIMB_BASE);
    a.push(carry - c * LIMB_BASE);
    carry = c;
  }
}

/** a *= 5^k, twelve factors of five at a time. */
export function bigMulPow5(a: int[], k: int): void {
  let rest = k;
  while (rest >= POW5_CHUNK_DIGITS) {
    bigMulAdd(a, POW5_CHUNK, 0);
    rest -= POW5_CHUNK_DIGITS;
  }
  let m = 1;
  for (let i = 0; i < rest; i++) m *= 5;
  if (m > 1) bigMulAdd(a, m, 0);
}

/** a *= 2^bits: whole limbs move up, and each new limb joins the low bits of one old limb with
 *  the high bits of the one below. The shifts work on 32-bit values: what << pushes past bit 31
 *  lies above the 24 bits the mask keeps anyway. */
export function bigShiftLeft(a: int[], bits: int): void {
  if (a.length === 0 || bits === 0) return;
  const limbs = intDiv(bits, LIMB_BITS);
  const b = bits - limbs * LIMB_BITS;
  const used = a.length;
  for (let i = 0; i <= limbs; i++) a.push(0);
  for (let i = used; i >= 0; i--) {
    a[i + limbs] = ((a[i] << b) & LIMB_MASK) | (limbAt(a, i - 1) >> (LIMB_BITS - b));
  }
  for (let i = 0; i < limbs; i++) a[i] = 0;
  bigTrim(a);
}

/** x * 2^p, exact whenever the result is representable: every intermediate lies between x and
 *  the result, so each step is exact too. Applied in steps because 2^1074 is not a double. */
export function ldexp(x: float, p: int): float {
  let y = x;
  let q = p;
  while (q >= 32) {
    y = y * TWO_32;
    q -= 32;
  }
  while (q <= -32) {
    y = y / TWO_32;
    q += 32;
  }
  while (q > 0) {
    y = y * 2;
    q -= 1;
  }
  while (q < 0) {
    y = y / 2;
    q += 1;
  }
  return y;
}
