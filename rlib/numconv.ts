// Conversions between numbers and strings, written in RTS: parseInt, parseFloat, Number(s),
// x.toString(radix) and x.toFixed(digits), with exactly the results of Node (V8):
//
// - Decimal strings are rounded correctly (to the nearest double, ties to even), for any
//   number of digits: V8 does the same (its strtod), so there is one right answer. Up to 15
//   significant digits and a power of ten up to 10^22, one float operation between exact
//   operands is correctly rounded; otherwise the value D * 10^E becomes a quotient of big
//   integers A / B (powers of five on either side), scaled by a power of two so that the
//   integer quotient has 66 or 67 bits; those bits, and whether a remainder is left, decide the
//   rounding to 53 bits (or fewer, for subnormals). Past 800 significant digits the rest only
//   matters as "some nonzero digit follows", which a final digit 1 stands for (any correctly
//   rounded result needs at most 768 digits to be decided).
// - Radixes 2, 4, 8, 16 and 32 are exact as well (bits are kept, the rest rounds half-even).
// - Other radixes of parseInt follow V8's own approximation (the spec allows one): digits are
//   gathered into chunks that fit 32 bits, and each chunk is folded in with one float
//   multiply and one float add, whose roundings are the observable result.
// - toString(radix) is V8's DoubleToRadixCString, step for step (float arithmetic).
// - toFixed is exact: n = round-half-up(x * 10^f) on big integers.
//
// Big integers are those of rlib/bignum.ts (arrays of 24-bit limbs, shared with rlib/numfmt.ts).
import type { float, int } from "./types.ts";
import { floatFromWords, floatHighWord, floatLowWord } from "./lowlevel.ts";
import { intDiv, intMod, toFloat, toInt } from "./rarith.ts";
import { floatToInt32 } from "./runtime.ts";
import { formatFloat } from "./numfmt.ts";
import { fromCodes } from "./strbuild.ts";
import { isJsWhitespace } from "./strmethods.ts";
import {
  LIMB_BASE, LIMB_BITS, LIMB_MASK, bigCompare, bigFromInt, bigMulAdd, bigMulPow5, bigShiftLeft, bigTrim, ldexp,
  limbAt,
} from "./bignum.ts";

const TWO_32: float = 4294967296;
const TWO_53: int = 9007199254740992;
const MIN_SUBNORMAL: float = 5e-324;

/** Significant decimal digits kept before the rest is summarized by a sticky digit. */
const MAX_DIGITS = 800;

/** 10^0 .. 10^22: all exact doubles. */
const POW10: float[] = [
  1, 10, 100, 1000, 10000, 100000, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

// ---- Characters -----------------------------------------------------------------------------

function isDecimalDigit(c: int): boolean {
  return c >= 48 && c <= 57;
}

/** The value of a digit character in radixes up to 36, or 99. */
function digitValue(c: int): int {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function skipSpaces(s: string, from: int): int {
  let i = from;
  while (i < s.length && isJsWhitespace(s.charCodeAt(i))) i++;
  return i;
}

/** Does s have `word` at position i? */
function hasAt(s: string, i: int, word: string): boolean {
  if (i + word.length > s.length) return false;
  for (let j = 0; j < word.length; j++) {
    if (s.charCodeAt(i + j) !== word.charCodeAt(j)) return false;
  }
  return true;
}

/** The character of digit d (0..35): 0-9 then a-z. */
function digitCode(d: int): int {
  return d < 10 ? 48 + d : 87 + d;
}

// ---- Floats ---------------------------------------------------------------------------------

/** The next double above a finite x >= 0 (Infinity above the largest). */
function nextDouble(x: float): float {
  let hi = floatHighWord(x);
  let lo = floatLowWord(x) + 1;
  if (lo === 4294967296) {
    lo = 0;
    hi += 1;
  }
  return floatFromWords(hi, lo);
}

// ---- Big integers (the operations shared with rlib/numfmt.ts are in rlib/bignum.ts) ---------

/** a = floor(a / 2^bits). */
function bigShiftRight(a: int[], bits: int): void {
  const limbs = intDiv(bits, LIMB_BITS);
  const b = bits - limbs * LIMB_BITS;
  const n = a.length - limbs;
  for (let i = 0; i < n; i++) {
    a[i] = (limbAt(a, i + limbs) >> b) | ((limbAt(a, i + limbs + 1) << (LIMB_BITS - b)) & LIMB_MASK);
  }
  while (a.length > (n > 0 ? n : 0)) a.pop();
  bigTrim(a);
}

/** a += 2^bit. */
function bigAddPow2(a: int[], bit: int): void {
  const limb = intDiv(bit, LIMB_BITS);
  while (a.length <= limb) a.push(0);
  let carry = 1 << (bit - limb * LIMB_BITS);
  for (let i = limb; carry > 0; i++) {
    if (i === a.length) a.push(0);
    const t = a[i] + carry;
    a[i] = t & LIMB_MASK;
    carry = t >> LIMB_BITS;
  }
}

function bigBitLength(a: int[]): int {
  if (a.length === 0) return 0;
  let top = a[a.length - 1];
  let bits = 0;
  while (top > 0) {
    top = top >> 1;
    bits += 1;
  }
  return (a.length - 1) * LIMB_BITS + bits;
}

/** a -= b, for a >= b. */
function bigSubtract(a: int[], b: int[]): void {
  let borrow = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] - limbAt(b, i) - borrow;
    if (t < 0) {
      a[i] = t + LIMB_BASE;
      borrow = 1;
    } else {
      a[i] = t;
      borrow = 0;
    }
  }
  bigTrim(a);
}

/** Decimal digits of a (the array is consumed), most significant first; "0" for zero. */
function bigToDecimalCodes(a: int[], out: int[]): void {
  if (a.length === 0) {
    out.push(48);
    return;
  }
  // Peel off chunks of 7 digits: remainder * 2^24 + limb < 10^7 * 2^24 < 2^48.
  const chunks: int[] = [];
  while (a.length > 0) {
    let rem = 0;
    for (let i = a.length - 1; i >= 0; i--) {
      const t = rem * LIMB_BASE + a[i];
      const q = intDiv(t, 10000000);
      a[i] = q;
      rem = t - q * 10000000;
    }
    bigTrim(a);
    chunks.push(rem);
  }
  for (let c = chunks.length - 1; c >= 0; c--) {
    let v = chunks[c];
    const digits: int[] = [];
    for (let k = 0; k < 7; k++) {
      const q = intDiv(v, 10);
      digits.push(v - q * 10);
      v = q;
    }
    let k = 6;
    if (c === chunks.length - 1) {
      while (k > 0 && digits[k] === 0) k--;
    }
    for (; k >= 0; k--) out.push(48 + digits[k]);
  }
}

// ---- Decimal digits to the nearest double ---------------------------------------------------

/** A decimal value D * 10^exp10 being read: the significant digits of D (no leading zero). */
class Decimal {
  digits: int[] = [];
  exp10: int = 0;
  /** A nonzero digit was dropped past MAX_DIGITS. */
  sticky: boolean = false;
}

function addIntegerDigit(d: Decimal, digit: int): void {
  if (d.digits.length === 0 && digit === 0) return;
  if (d.digits.length < MAX_DIGITS) {
    d.digits.push(digit);
  } else {
    d.exp10 += 1;
    if (digit !== 0) d.sticky = true;
  }
}

function addFractionDigit(d: Decimal, digit: int): void {
  if (d.digits.length === 0 && digit === 0) {
    d.exp10 -= 1;
    return;
  }
  if (d.digits.length < MAX_DIGITS) {
    d.digits.push(digit);
    d.exp10 -= 1;
  } else if (digit !== 0) {
    d.sticky = true;
  }
}

/** Reads the longest StrUnsignedDecimalLiteral (without Infinity) at i into d: digits with an
 *  optional point and fraction (at least one digit in all), then an optional exponent. Returns
 *  the index after it, or -1 when there is none. */
function scanDecimal(s: string, i: int, d: Decimal): int {
  const len = s.length;
  let p = i;
  let sawDigit = false;
  while (p < len && isDecimalDigit(s.charCodeAt(p))) {
    addIntegerDigit(d, s.charCodeAt(p) - 48);
    sawDigit = true;
    p++;
  }
  if (p < len && s.charCodeAt(p) === 46) {
    let q = p + 1;
    while (q < len && isDecimalDigit(s.charCodeAt(q))) {
      addFractionDigit(d, s.charCodeAt(q) - 48);
      sawDigit = true;
      q++;
    }
    if (sawDigit) p = q;
  }
  if (!sawDigit) return -1;
  if (p < len && (s.charCodeAt(p) === 101 || s.charCodeAt(p) === 69)) {
    let q = p + 1;
    let negative = false;
    if (q < len && (s.charCodeAt(q) === 43 || s.charCodeAt(q) === 45)) {
      negative = s.charCodeAt(q) === 45;
      q++;
    }
    if (q < len && isDecimalDigit(s.charCodeAt(q))) {
      let e = 0;
      while (q < len && isDecimalDigit(s.charCodeAt(q))) {
        // Beyond 10^8 the value is 0 or Infinity anyway; stop growing.
        if (e < 100000000) e = e * 10 + (s.charCodeAt(q) - 48);
        q++;
      }
      d.exp10 += negative ? -e : e;
      p = q;
    }
  }
  return p;
}

/** The nearest double to d (ties to even). */
function decimalToDouble(d: Decimal): float {
  const digits = d.digits;
  let exp10 = d.exp10;
  if (d.sticky) {
    digits.push(1);
    exp10 -= 1;
  } else {
    while (digits.length > 0 && digits[digits.length - 1] === 0) {
      digits.pop();
      exp10 += 1;
    }
  }
  const n = digits.length;
  if (n === 0) return 0;
  // D has n digits: 10^(n-1+exp10) <= value < 10^(n+exp10).
  if (n + exp10 > 309) return Infinity;
  if (n + exp10 <= -324) return 0;
  if (n <= 15) {
    let m = 0;
    for (let i = 0; i < n; i++) m = m * 10 + digits[i];
    const mf = toFloat(m);
    if (exp10 === 0) return mf;
    if (exp10 < 0 && exp10 >= -22) return mf / POW10[0 - exp10];
    if (exp10 > 0 && exp10 <= 22) return mf * POW10[exp10];
    // m * 10^(exp10 - 22) is still an exact integer below 10^15: one rounding, at the end.
    if (exp10 > 22 && n + exp10 - 22 <= 15) return mf * POW10[exp10 - 22] * POW10[22];
  }
  return bigDecimalToDouble(digits, exp10);
}

/** D * 10^exp10 rounded with big integers: D * 10^exp10 = (A / B) * 2^exp10 with
 *  A = D * 5^max(exp10, 0) and B = 5^max(-exp10, 0). */
function bigDecimalToDouble(digits: int[], exp10: int): float {
  const a: int[] = [];
  let i = 0;
  while (i < digits.length) {
    // Four digits at a time.
    let chunk = 0;
    let m = 1;
    for (let k = 0; k < 4 && i < digits.length; k++) {
      chunk = chunk * 10 + digits[i];
      m *= 10;
      i++;
    }
    bigMulAdd(a, m, chunk);
  }
  const b: int[] = [1];
  if (exp10 > 0) bigMulPow5(a, exp10);
  else bigMulPow5(b, 0 - exp10);
  return quotientToDouble(a, b, exp10);
}

/** The nearest double to (a / b) * 2^e2, for a, b > 0 (both arrays are consumed). */
function quotientToDouble(a: int[], b: int[], e2: int): float {
  // Scale so that q = floor(a * 2^k / b) lies in [2^65, 2^67).
  const k = 66 - (bigBitLength(a) - bigBitLength(b));
  if (k > 0) bigShiftLeft(a, k);
  else if (k < 0) bigShiftLeft(b, 0 - k);
  const unitExp = e2 - k; // q's unit is 2^unitExp
  // Long division by bits: bits[j] has the weight 2^(67 - j). The remainder r stays below
  // 2 * t (t = b * 2^67), so each step gives one quotient bit.
  const t = b;
  bigShiftLeft(t, 67);
  const r = a;
  const bits: int[] = [];
  for (let j = 0; j <= 67; j++) {
    if (bigCompare(r, t) >= 0) {
      bigSubtract(r, t);
      bits.push(1);
    } else {
      bits.push(0);
    }
    if (j < 67) bigShiftLeft(r, 1);
  }
  let sticky = r.length > 0;
  let first = 0;
  while (bits[first] === 0) first++;
  const topExp = 67 - first + unitExp;
  // The weight 2^u of the result's last bit: 53 significant bits, or the subnormal spacing.
  let u = topExp - 52;
  if (u < -1074) u = -1074;
  const last = 67 + unitExp - u; // index of the bit of weight 2^u
  let mant = 0;
  for (let j = 0; j <= last && j <= 67; j++) mant = mant * 2 + bits[j];
  let roundBit = 0;
  if (last + 1 >= 0 && last + 1 <= 67) roundBit = bits[last + 1];
  else if (last + 1 < 0) sticky = true; // the value lies below half of 2^u
  for (let j = last + 2 < 0 ? 0 : last + 2; j <= 67; j++) {
    if (bits[j] !== 0) sticky = true;
  }
  if (roundBit === 1 && (sticky || intMod(mant, 2) === 1)) mant += 1;
  return ldexp(toFloat(mant), u);
}

/** Digits of a power-of-two radix (2^log2r) in s[from..to), all valid, as the nearest double:
 *  the first 53 significant bits are kept and the rest rounds them half-even. */
function powerOfTwoDigitsToDouble(s: string, from: int, to: int, log2r: int): float {
  let mant = 0;
  let kept = 0; // significant bits in mant
  let extra = 0; // bits after the 53 kept ones
  let roundBit = 0;
  let sticky = false;
  for (let i = from; i < to; i++) {
    const d = digitValue(s.charCodeAt(i));
    for (let b = log2r - 1; b >= 0; b--) {
      const bit = (d >> b) & 1;
      if (kept === 0 && bit === 0) continue;
      if (kept < 53) {
        mant = mant * 2 + bit;
        kept += 1;
      } else {
        if (extra === 0) roundBit = bit;
        else if (bit !== 0) sticky = true;
        if (extra < 4000) extra += 1; // beyond 2^1024 the value is Infinity anyway
      }
    }
  }
  if (roundBit === 1 && (sticky || intMod(mant, 2) === 1)) mant += 1;
  return ldexp(toFloat(mant), extra);
}

/** V8's parseInt for the other radixes: chunks of digits whose multiplier stays at most
 *  0xFFFFFFFF / 36, each folded in with v = v * multiplier + part in floats. */
function genericRadixDigitsToDouble(s: string, from: int, to: int, radix: int): float {
  let v = 0.0;
  let i = from;
  while (i < to) {
    let part = 0;
    let multiplier = 1;
    while (i < to) {
      const m = multiplier * radix;
      if (m > 119304647) break;
      part = part * radix + digitValue(s.charCodeAt(i));
      multiplier = m;
      i++;
    }
    v = v * toFloat(multiplier) + toFloat(part);
  }
  return v;
}

function log2OfRadix(radix: int): int {
  if (radix === 2) return 1;
  if (radix === 4) return 2;
  if (radix === 8) return 3;
  if (radix === 16) return 4;
  if (radix === 32) return 5;
  return 0;
}

// ---- parseInt, parseFloat, Number(s) --------------------------------------------------------

/** parseInt(s) */
export function parseInt1(s: string): float {
  return parseIntRadix(s, 0);
}

/** parseInt(s, radix): the radix is ToInt32(radix); 0 means 10, or 16 with a 0x prefix. */
export function parseInt2(s: string, radix: float): float {
  return parseIntRadix(s, floatToInt32(radix));
}

/** The index after an optional `+` or `-` at i. */
function skipSign(s: string, i: int): int {
  return i < s.length && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) ? i + 1 : i;
}

function parseIntRadix(s: string, radixArg: int): float {
  const len = s.length;
  let i = skipSpaces(s, 0);
  const negative = i < len && s.charCodeAt(i) === 45;
  i = skipSign(s, i);
  let radix = radixArg;
  let stripPrefix = true;
  if (radix !== 0) {
    if (radix < 2 || radix > 36) return NaN;
    if (radix !== 16) stripPrefix = false;
  } else {
    radix = 10;
  }
  if (stripPrefix && i + 1 < len && s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 0x20) === 120) {
    i += 2;
    radix = 16;
  }
  let j = i;
  while (j < len && digitValue(s.charCodeAt(j)) < radix) j++;
  if (j === i) return NaN;
  // Leading zeros are skipped (as V8 does: they would shift its chunks in other radixes).
  while (i < j && s.charCodeAt(i) === 48) i++;
  let v = 0.0;
  if (radix === 10) {
    const d = new Decimal();
    for (let k = i; k < j; k++) addIntegerDigit(d, s.charCodeAt(k) - 48);
    v = decimalToDouble(d);
  } else {
    const log2r = log2OfRadix(radix);
    v = log2r > 0 ? powerOfTwoDigitsToDouble(s, i, j, log2r) : genericRadixDigitsToDouble(s, i, j, radix);
  }
  return negative ? -v : v;
}

/** parseFloat(s): the longest prefix (after white space) that is a decimal literal. */
export function parseFloat1(s: string): float {
  const len = s.length;
  let i = skipSpaces(s, 0);
  const negative = i < len && s.charCodeAt(i) === 45;
  i = skipSign(s, i);
  if (hasAt(s, i, "Infinity")) return negative ? -Infinity : Infinity;
  const d = new Decimal();
  if (scanDecimal(s, i, d) < 0) return NaN;
  const v = decimalToDouble(d);
  return negative ? -v : v;
}

/** Number(s): the whole string (white space trimmed) must be a numeric literal; "" is 0. */
export function numberOfString(s: string): float {
  let i = skipSpaces(s, 0);
  let end = s.length;
  while (end > i && isJsWhitespace(s.charCodeAt(end - 1))) end--;
  if (i === end) return 0;
  // 0x, 0o, 0b (no sign allowed).
  if (end - i >= 2 && s.charCodeAt(i) === 48) {
    const p = s.charCodeAt(i + 1) | 0x20;
    const log2r = p === 120 ? 4 : p === 111 ? 3 : p === 98 ? 1 : 0;
    if (log2r > 0) {
      const radix = 1 << log2r;
      if (end - i === 2) return NaN;
      for (let k = i + 2; k < end; k++) {
        if (digitValue(s.charCodeAt(k)) >= radix) return NaN;
      }
      return powerOfTwoDigitsToDouble(s, i + 2, end, log2r);
    }
  }
  let negative = false;
  if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) {
    negative = s.charCodeAt(i) === 45;
    i++;
  }
  if (end - i === 8 && hasAt(s, i, "Infinity")) return negative ? -Infinity : Infinity;
  const d = new Decimal();
  if (scanDecimal(s, i, d) !== end) return NaN;
  const v = decimalToDouble(d);
  return negative ? -v : v;
}

// ---- toString(radix) ------------------------------------------------------------------------

/** x.toString() */
export function numToString0(x: float): string {
  return formatFloat(x);
}

/** x.toString(radix): radix is ToIntegerOrInfinity(radix), which must be 2..36. */
export function numToString1(x: float, radix: float): string {
  const r = toInt(radix);
  if (r < 2 || r > 36) {
    throw new RangeError("toString() radix argument must be between 2 and 36");
  }
  if (r === 10 || x !== x || x === 0) return formatFloat(x);
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return radixString(x, r);
}

/** V8's DoubleToRadixCString for finite x != 0. The fraction digits stop once they pin x down
 *  (delta is half the gap to the next double, scaled along) and round half-even with carries
 *  into the digits already written; integer digits past 2^53 are zeros. */
function radixString(value: float, radix: int): string {
  const negative = value < 0;
  const x = negative ? -value : value;
  let integer = Math.floor(x);
  let fraction = x - integer;
  let delta = 0.5 * (nextDouble(x) - x);
  if (delta < MIN_SUBNORMAL) delta = MIN_SUBNORMAL;
  const fractionDigits: int[] = []; // digit values; the point is implied before them
  if (fraction >= delta) {
    let done = false;
    while (!done) {
      fraction = fraction * radix;
      delta = delta * radix;
      const digit = toInt(fraction);
      fractionDigits.push(digit);
      fraction = fraction - digit;
      if (fraction > 0.5 || (fraction === 0.5 && (digit & 1) === 1)) {
        if (fraction + delta > 1) {
          // Round up, carrying into the digits already written (and maybe the integer part).
          while (true) {
            if (fractionDigits.length === 0) {
              integer += 1;
              break;
            }
            const d = fractionDigits[fractionDigits.length - 1];
            fractionDigits.pop();
            if (d + 1 < radix) {
              fractionDigits.push(d + 1);
              break;
            }
          }
          done = true;
        }
      }
      if (!done && !(fraction >= delta)) done = true;
    }
  }
  // Integer digits, least significant first.
  const integerDigits: int[] = [];
  while (integer / radix >= TWO_53) {
    integer = integer / radix;
    integerDigits.push(0);
  }
  while (true) {
    const remainder = integer % radix;
    integerDigits.push(toInt(remainder));
    integer = (integer - remainder) / radix;
    if (!(integer > 0)) break;
  }
  const codes: int[] = [];
  if (negative) codes.push(45);
  for (let k = integerDigits.length - 1; k >= 0; k--) codes.push(digitCode(integerDigits[k]));
  if (fractionDigits.length > 0) {
    codes.push(46);
    for (let k = 0; k < fractionDigits.length; k++) codes.push(digitCode(fractionDigits[k]));
  }
  return fromCodes(codes);
}

// ---- toFixed --------------------------------------------------------------------------------

/** x.toFixed() */
export function numToFixed0(x: float): string {
  return numToFixed1(x, 0);
}

/** x.toFixed(digits): digits is ToIntegerOrInfinity(digits), which must be 0..100. */
export function numToFixed1(x: float, digits: float): string {
  const f = toInt(digits);
  if (f < 0 || f > 100) {
    throw new RangeError("toFixed() digits argument must be between 0 and 100");
  }
  if (x !== x) return "NaN";
  const negative = x < 0;
  const v = negative ? -x : x;
  if (v >= 1e21) return negative ? "-" + formatFloat(v) : formatFloat(v); // also Infinity
  // v = mant * 2^e exactly; n = round-half-up(v * 10^f) = floor((mant * 10^f * 2^e) + 1/2).
  const hi = floatHighWord(v);
  const biased = (hi >> 20) & 0x7ff;
  let mant = toFloat(hi & 0xfffff) * TWO_32 + toFloat(floatLowWord(v));
  let e = -1074;
  if (biased > 0) {
    mant += 4503599627370496;
    e = biased - 1075;
  }
  const n = bigFromInt(toInt(mant));
  bigMulPow5(n, f);
  if (e + f >= 0) {
    bigShiftLeft(n, e + f);
  } else {
    const shift = 0 - (e + f);
    bigAddPow2(n, shift - 1);
    bigShiftRight(n, shift);
  }
  // The digits of n, with leading zeros so that at least one comes before the point.
  const digitCodes: int[] = [];
  for (let z = 0; z < f; z++) digitCodes.push(48);
  bigToDecimalCodes(n, digitCodes);
  const codes: int[] = [];
  if (negative) codes.push(45);
  let start = 0;
  while (digitCodes.length - start > f + 1 && digitCodes[start] === 48) start++;
  const point = digitCodes.length - f;
  for (let q = start; q < digitCodes.length; q++) {
    if (q === point) codes.push(46);
    codes.push(digitCodes[q]);
  }
  return fromCodes(codes);
}
