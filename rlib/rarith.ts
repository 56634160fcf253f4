// Integer helpers whose behaviour is the same untranslated and translated.
// RTS `number` arithmetic follows JS (a / b is a float division, a % 0 is NaN); code that wants
// machine-integer semantics says so with these, and the translator lowers them to i64 instructions.
import type { int, float } from "./types.ts";

/** Integer division truncating toward zero (as i64.div_s). Division by zero throws an Error. */
export function intDiv(a: int, b: int): int {
  if (b === 0) throw new Error("integer division by zero");
  const q = Math.trunc(a / b);
  return q === 0 ? 0 : q; // never -0, as an i64 division
}

/** Integer remainder with the sign of the dividend (as i64.rem_s), never -0. A zero divisor throws an Error. */
export function intMod(a: int, b: int): int {
  if (b === 0) throw new Error("integer division by zero");
  const r = a % b;
  return r === 0 ? 0 : r;
}

/** A float truncated toward zero to an integer; NaN gives 0, out-of-range values saturate. */
export function toInt(x: float): int {
  if (x !== x) return 0;
  if (x >= 9223372036854775807) return 9223372036854775807;
  if (x <= -9223372036854775808) return -9223372036854775808;
  const t = Math.trunc(x);
  return t === 0 ? 0 : t;
}

/** An integer as a float (exact below 2^53). */
export function toFloat(x: int): float {
  return x;
}

/** x wrapped to a signed 32-bit integer, as JS's ToInt32 (`x | 0`): RPython's intmask.
 *  Translated, an int is wrapped in place and a float converted as `|` does. */
export function intmask(x: number): int {
  return x | 0;
}

/** The integers every mode computes exactly: JS numbers are exact up to 2^53 - 1, i64 beyond. */
const MAX_EXACT = 9007199254740991;

/** Raised by addOvf, subOvf and mulOvf when the exact result is not a safe integer. */
export class OverflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OverflowError";
  }
}

// ovfcheck helpers (RPython's `ovfcheck(a + b)`): the result when it stays within
// ±(2^53 - 1), where untranslated and translated programs agree, else an OverflowError.
// For safe-integer arguments, JS's rounded result leaves that range exactly when the exact
// one does, so the untranslated test is the same as the translated one on i64. The throw is
// in its own function so that the helpers stay small enough to be inlined.

/** a + b, or an OverflowError when the sum is not a safe integer. */
export function addOvf(a: int, b: int): int {
  const r = a + b;
  if (r > MAX_EXACT || r < -MAX_EXACT) overflow("addOvf");
  return r;
}

/** a - b, or an OverflowError when the difference is not a safe integer. */
export function subOvf(a: int, b: int): int {
  const r = a - b;
  if (r > MAX_EXACT || r < -MAX_EXACT) overflow("subOvf");
  return r;
}

/** a * b (never -0), or an OverflowError when the product is not a safe integer. */
export function mulOvf(a: int, b: int): int {
  // The float product decides (a wrapped i64 product could look small); below 2^53 it is exact.
  const p = toFloat(a) * toFloat(b);
  if (!(p <= MAX_EXACT && p >= -MAX_EXACT)) overflow("mulOvf");
  const r = a * b;
  return r === 0 ? 0 : r;
}

function overflow(helper: string): void {
  throw new OverflowError(`integer overflow in ${helper}`);
}
