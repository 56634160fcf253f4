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
