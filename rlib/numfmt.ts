// Number-to-string conversion, written in RTS: `formatInt(n)` and `formatFloat(x)` give exactly what
// `String(n)` / `String(x)` give in JavaScript, both untranslated (where they are checked against
// String) and translated to Wasm.
//
// formatFloat follows ECMAScript Number::toString(x, 10). The digits are the shortest ones that read
// back as x, and among those the closest to x (ties: the even digit, as V8). They come from the
// Steele & White / Burger & Dybvig "free-format" algorithm on exact big integers:
//
//   x = f * 2^e (f an integer). Let v- and v+ be the midpoints between x and its neighbouring
//   doubles: every number strictly between them reads back as x, and so do the midpoints
//   themselves when f is even (round-half-even reading). With a common denominator s,
//     x = r / s,   x - v- = mMinus / s,   v+ - x = mPlus / s.
//   After scaling by 10^n, where n is the least integer with v+ < 10^n (<= when f is even),
//   x / 10^n = r / s < 1 and the digits are produced one at a time: r := 10 r, d := r div s,
//   r := r mod s (the margins are scaled by 10 too). The digits stop as soon as the prefix ending
//   in d (the low candidate, x - r/s) or in d + 1 (the high candidate) lies within the rounding
//   interval; both candidates are within one unit of the last digit, so the prefix is the shortest.
//   When both qualify, the one closer to x wins.
//
// Big integers are those of rlib/bignum.ts (arrays of 24-bit limbs). In the digit loop multipliers
// are at most 128 and quotient digits at most 9, so every intermediate (limb * m + carry,
// limb - q * limb + borrow) fits a signed 32-bit integer: the 32-bit bitwise operators split it
// into limb and carry exactly alike untranslated and translated, and the hot loops need no
// integer division.
import type { int, float } from "./types.ts";
import { intDiv, intMod, toInt, toFloat } from "./rarith.ts";
import {
  LIMB_BASE, LIMB_BITS, LIMB_MASK, bigCompare, bigFromInt, bigMulPow5, bigShiftLeft, bigTrim, ldexp, limbAt,
} from "./bignum.ts";

const HIDDEN_BIT = 4503599627370496; // 2^52: the smallest mantissa of a normal double
const MIN_EXPONENT = -1074; // exponent of the subnormals and of the smallest normal binade
const TWO_32: float = 4294967296;
const TWO_52: float = 4503599627370496;
const TWO_53: float = 9007199254740992;
const MAX_DOUBLE: float = 1.7976931348623157e308;
const LOG10_2: float = 0.3010299956639812;

/** Decimal digits of an integer, exactly String(n). Translated, n is an i64 and all its digits are
 *  exact; untranslated this holds for |n| <= 2^53 (beyond that a JS number is not an integer type). */
export function formatInt(n: int): string {
  if (n === 0) return "0";
  // Digits are peeled off the non-positive value -|n|, so that -2^63 (whose negation overflows
  // i64) works too: its remainders are in -9..0.
  let rest = n < 0 ? n : -n;
  let digits = "";
  while (rest !== 0) {
    digits = String.fromCharCode(48 - intMod(rest, 10)) + digits;
    rest = intDiv(rest, 10);
  }
  return n < 0 ? "-" + digits : digits;
}

/** Exactly String(x) (ECMAScript Number::toString(x, 10)). */
export function formatFloat(x: float): string {
  if (x !== x) return "NaN";
  if (x === 0) return "0"; // also -0
  if (x < 0) return "-" + formatFloat(-x);
  if (x > MAX_DOUBLE) return "Infinity";
  // Doubles below 2^53 are spaced at most 1 apart, so an integral one's exact digits are the
  // shortest ones.
  if (x < TWO_53) {
    const i = toInt(x);
    if (toFloat(i) === x) return formatInt(i);
  }
  const e = binaryExponent(x);
  const digits: int[] = [];
  const pointPosition = shortestDigits(toInt(ldexp(x, 0 - e)), e, digits);
  return layoutDecimal(digits, pointPosition);
}

function digitChar(d: int): string {
  return String.fromCharCode(48 + d);
}

// ---- Decomposing x into f * 2^e with exact float arithmetic ----

/** For finite x > 0, the e with x = f * 2^e where f is an integer, 2^52 <= f < 2^53, or
 *  e = -1074 and f < 2^52 for subnormals. Halving a value >= 2^53 and doubling any value are exact. */
function binaryExponent(x: float): int {
  let y = x;
  let e = 0;
  while (y / TWO_32 >= TWO_53) {
    y = y / TWO_32;
    e += 32;
  }
  while (y >= TWO_53) {
    y = y / 2;
    e += 1;
  }
  while (y * TWO_32 < TWO_52 && e - 32 >= MIN_EXPONENT) {
    y = y * TWO_32;
    e -= 32;
  }
  while (y < TWO_52 && e > MIN_EXPONENT) {
    y = y * 2;
    e -= 1;
  }
  return e;
}

// ---- Shortest digits ----

/** Appends the shortest, closest decimal digits of f * 2^e (f >= 1) to `digits` and returns the
 *  decimal point position n: the value is 0.d1 d2 d3 ... * 10^n. */
function shortestDigits(f: int, e: int, digits: int[]): int {
  const even = intMod(f, 2) === 0;
  // At a power of two the gap to the next smaller double is half the gap above (except at the
  // bottom of the normal range, where the subnormal spacing continues unchanged).
  const unequalGaps = f === HIDDEN_BIT && e > MIN_EXPONENT;
  let n = decimalExponentEstimate(f, e);
  // Unscaled, r = f * 2^max(e, 0) * 2, s = 2^max(-e, 0) * 2, mMinus = 2^max(e, 0) (r and s
  // doubled again with unequal gaps, where mPlus = 2 mMinus) are integers. Dividing x by
  // 10^n = 5^n * 2^n multiplies s, or else r and the margins, by 5^|n| and adds |n| to their
  // powers of two; the power of two common to all three is then dropped to keep them short.
  const extra = unequalGaps ? 2 : 1;
  const nPos = n > 0 ? n : 0;
  const nNeg = n < 0 ? -n : 0;
  const rShift = (e > 0 ? e : 0) + extra + nNeg;
  const sShift = (e < 0 ? -e : 0) + extra + nPos;
  const mShift = (e > 0 ? e : 0) + nNeg;
  let common = rShift < sShift ? rShift : sShift;
  if (mShift < common) common = mShift;
  const r = bigScaled(f, nNeg, rShift - common);
  const s = bigScaled(1, nPos, sShift - common);
  const mMinus = bigScaled(1, nNeg, mShift - common);
  let mPlus = mMinus; // the same array unless the gaps differ
  if (unequalGaps) {
    mPlus = bigCopy(mMinus);
    bigShiftLeft(mPlus, 1);
  }
  // The estimate is the wanted n or one less; it is one less exactly when v+ reaches 10^n.
  if (reachesHighBoundary(r, mPlus, s, even)) {
    bigMulSmall(s, 10);
    n += 1;
  }

  let done = false;
  while (!done) {
    bigMulSmall(r, 10);
    bigMulSmall(mMinus, 10);
    if (unequalGaps) bigMulSmall(mPlus, 10);
    const d = bigDivModDigit(r, s);
    const lowOk = withinLowBoundary(r, mMinus, even);
    const highOk = reachesHighBoundary(r, mPlus, s, even);
    done = lowOk || highOk;
    digits.push(done ? lastDigit(d, r, s, lowOk, highOk) : d);
  }
  return n;
}

/** The decimal point position n (least n with v+ < 10^n), or one less: est = ceil(L log10(2)),
 *  where L = floor(log2(x)) = e + bitLength(f) - 1, is at most ceil(log10(x)) <= n; and
 *  v+ <= 2^(L+1) <= 2 * 10^est < 10^(est+1), so n <= est + 1. The slack 1e-10 absorbs the
 *  rounding of the product (L log10(2) is never that close above an integer, except 0 for L = 0). */
function decimalExponentEstimate(f: int, e: int): int {
  const log2Floor = e + bitLength(f) - 1;
  return ceilToInt(toFloat(log2Floor) * LOG10_2 - 1e-10);
}

function bitLength(f: int): int {
  if (f >= HIDDEN_BIT) return 53;
  let bits = 0;
  let power = 1;
  while (power <= f) {
    power *= 2;
    bits += 1;
  }
  return bits;
}

function ceilToInt(y: float): int {
  const t = toInt(y); // truncates toward zero, so it is already the ceiling for y <= 0
  return toFloat(t) < y ? t + 1 : t;
}

/** Is the truncated prefix (x - r/s after scaling) inside the rounding interval? */
function withinLowBoundary(r: int[], mMinus: int[], even: boolean): boolean {
  const c = bigCompare(r, mMinus);
  return even ? c <= 0 : c < 0;
}

/** Is the rounded-up prefix inside the rounding interval (r + mPlus reaches s)? */
function reachesHighBoundary(r: int[], mPlus: int[], s: int[], even: boolean): boolean {
  const c = bigPlusCompare(r, mPlus, s);
  return even ? c >= 0 : c > 0;
}

/** The final digit: d (low candidate) or d + 1 (high candidate), whichever is allowed, and when
 *  both are, the one closer to x (2r against s); an exact tie takes the even digit. d + 1 is never
 *  10: the previous step would then have stopped on its own high candidate. */
function lastDigit(d: int, r: int[], s: int[], lowOk: boolean, highOk: boolean): int {
  if (!highOk) return d;
  if (!lowOk) return d + 1;
  const c = bigPlusCompare(r, r, s);
  if (c < 0) return d;
  if (c > 0) return d + 1;
  return intMod(d, 2) === 0 ? d : d + 1;
}

// ---- Layout: ECMAScript Number::toString for k digits and point position n ----

function layoutDecimal(digits: int[], n: int): string {
  const k = digits.length;
  if (k <= n && n <= 21) return digitRun(digits, 0, k) + zeros(n - k);
  if (0 < n && n <= 21) return digitRun(digits, 0, n) + "." + digitRun(digits, n, k);
  if (-6 < n && n <= 0) return "0." + zeros(0 - n) + digitRun(digits, 0, k);
  const exponent = n - 1 < 0 ? "e-" + formatInt(1 - n) : "e+" + formatInt(n - 1);
  if (k === 1) return digitRun(digits, 0, 1) + exponent;
  return digitRun(digits, 0, 1) + "." + digitRun(digits, 1, k) + exponent;
}

/** digits[from], ..., digits[to - 1] as text. */
function digitRun(digits: int[], from: int, to: int): string {
  let text = "";
  for (let i = from; i < to; i++) text += digitChar(digits[i]);
  return text;
}

function zeros(count: int): string {
  let text = "";
  for (let i = 0; i < count; i++) text += "0";
  return text;
}

// ---- Big integers (the operations shared with rlib/numconv.ts are in rlib/bignum.ts) ----

/** v * 5^pow5 * 2^pow2 for 0 <= v < 2^53. */
function bigScaled(v: int, pow5: int, pow2: int): int[] {
  const a = bigFromInt(v);
  bigMulPow5(a, pow5);
  bigShiftLeft(a, pow2);
  return a;
}

function bigCopy(a: int[]): int[] {
  const b: int[] = [];
  for (let i = 0; i < a.length; i++) b.push(a[i]);
  return b;
}

/** a *= m for 1 <= m <= 128: limb * m + carry <= m * 2^24 - 1 < 2^31. */
function bigMulSmall(a: int[], m: int): void {
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] * m + carry;
    a[i] = t & LIMB_MASK;
    carry = t >> LIMB_BITS;
  }
  if (carry > 0) a.push(carry);
}

/** -1, 0 or 1 as a + b <, =, > c, without forming the sum. Scanning from the top limb, `diff` is
 *  c - a - b restricted to the limbs seen so far, in units of the current limb. The unseen lower
 *  limbs add between -2 and +1 (exclusive) such units, so diff <= -1 or diff >= 2 decides, and
 *  usually within the first limb or two. */
function bigPlusCompare(a: int[], b: int[], c: int[]): int {
  let top = a.length > b.length ? a.length : b.length;
  if (c.length > top) top = c.length;
  let diff = 0;
  for (let i = top - 1; i >= 0; i--) {
    diff = diff * LIMB_BASE + limbAt(c, i) - limbAt(a, i) - limbAt(b, i);
    if (diff < 0) return 1;
    if (diff > 1) return -1;
  }
  return diff === 0 ? 0 : -1;
}

/** a -= q * b, for 0 <= q <= 9 and a >= q * b. The carry (t >> 24, an arithmetic shift) is the
 *  floor of t / 2^24, so it is 0 or minus the borrow. */
function bigSubtractMultiple(a: int[], b: int[], q: int): void {
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] - q * limbAt(b, i) + carry;
    a[i] = t & LIMB_MASK;
    carry = t >> LIMB_BITS;
  }
  bigTrim(a);
}

/** For r < 10 s: returns q = floor(r / s) and leaves r mod s in r. The quotient is estimated from
 *  the top limbs: with s's top two limbs sTop (exact when s has at most two limbs) and r's matching
 *  top three, rTop / (sTop + 1) underestimates r / s by less than 1, so at most one correction. */
function bigDivModDigit(r: int[], s: int[]): int {
  const n = s.length;
  const sTop = limbAt(s, n - 1) * LIMB_BASE + limbAt(s, n - 2);
  const rTop = (limbAt(r, n) * LIMB_BASE + limbAt(r, n - 1)) * LIMB_BASE + limbAt(r, n - 2);
  let q = n <= 2 ? intDiv(rTop, sTop) : intDiv(rTop, sTop + 1);
  bigSubtractMultiple(r, s, q);
  while (bigCompare(r, s) >= 0) {
    bigSubtractMultiple(r, s, 1);
    q += 1;
  }
  return q;
}
