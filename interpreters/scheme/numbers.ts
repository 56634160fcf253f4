// Number primitives (ids 0-99). Fixnums are exact integers within ±(2^53 - 1): a result
// beyond that is an "integer overflow" error (no bignums), so every mode computes the same
// exact values. Flonums are IEEE doubles. Mixed arguments compute in flonums, as in Guile.
// Without rationals, `/` of two fixnums gives a fixnum when it divides exactly, else a flonum.
import type { int, float } from "../../rlib/types.ts";
import { intDiv, intMod, toFloat, toInt } from "../../rlib/rarith.ts";
import { Value, Fixnum, Flonum, MString, FIXNUM_MAX, FALSE, bool, fixnum } from "./values.ts";
import { Runtime } from "./runtime.ts";
import { definePrimitive } from "./registry.ts";
import { formatFlonum } from "./printer.ts";
import { parseNumber, NUMBER_TOO_BIG } from "./reader.ts";

const P_ADD = 0;
const P_SUB = 1;
const P_MUL = 2;
const P_DIV = 3;
const P_NUM_EQ = 4;
const P_LT = 5;
const P_GT = 6;
const P_LE = 7;
const P_GE = 8;
const P_QUOTIENT = 9;
const P_REMAINDER = 10;
const P_MODULO = 11;
const P_ABS = 12;
const P_MIN = 13;
const P_MAX = 14;
const P_GCD = 15;
const P_LCM = 16;
const P_EXPT = 17;
const P_SQRT = 18;
const P_INEXACT = 19;
const P_EXACT = 20;
const P_FLOOR = 21;
const P_CEILING = 22;
const P_ROUND = 23;
const P_TRUNCATE = 24;
const P_NUMBERP = 25;
const P_INTEGERP = 26;
const P_EXACTP = 27;
const P_INEXACTP = 28;
const P_ZEROP = 29;
const P_POSITIVEP = 30;
const P_NEGATIVEP = 31;
const P_ODDP = 32;
const P_EVENP = 33;
const P_NUMBER_TO_STRING = 34;
const P_STRING_TO_NUMBER = 35;
const P_EXP = 36;
const P_LOG = 37;
const P_SIN = 38;
const P_COS = 39;
const P_TAN = 40;
const P_ATAN = 41;
const P_SQUARE = 42;
const P_EXACT_INTEGERP = 43;
const P_ASIN = 44;
const P_ACOS = 45;

export const PRIM_ADD = definePrimitive("+", P_ADD, 0, -1);
export const PRIM_SUB = definePrimitive("-", P_SUB, 1, -1);
export const PRIM_MUL = definePrimitive("*", P_MUL, 0, -1);
definePrimitive("/", P_DIV, 1, -1);
export const PRIM_NUM_EQ = definePrimitive("=", P_NUM_EQ, 1, -1);
export const PRIM_LT = definePrimitive("<", P_LT, 1, -1);
export const PRIM_GT = definePrimitive(">", P_GT, 1, -1);
export const PRIM_LE = definePrimitive("<=", P_LE, 1, -1);
export const PRIM_GE = definePrimitive(">=", P_GE, 1, -1);
definePrimitive("quotient", P_QUOTIENT, 2, 2);
definePrimitive("remainder", P_REMAINDER, 2, 2);
definePrimitive("modulo", P_MODULO, 2, 2);
definePrimitive("abs", P_ABS, 1, 1);
definePrimitive("min", P_MIN, 1, -1);
definePrimitive("max", P_MAX, 1, -1);
definePrimitive("gcd", P_GCD, 0, -1);
definePrimitive("lcm", P_LCM, 0, -1);
definePrimitive("expt", P_EXPT, 2, 2);
definePrimitive("sqrt", P_SQRT, 1, 1);
definePrimitive("exact->inexact", P_INEXACT, 1, 1);
definePrimitive("inexact", P_INEXACT, 1, 1);
definePrimitive("inexact->exact", P_EXACT, 1, 1);
definePrimitive("exact", P_EXACT, 1, 1);
definePrimitive("floor", P_FLOOR, 1, 1);
definePrimitive("ceiling", P_CEILING, 1, 1);
definePrimitive("round", P_ROUND, 1, 1);
definePrimitive("truncate", P_TRUNCATE, 1, 1);
definePrimitive("number?", P_NUMBERP, 1, 1);
definePrimitive("real?", P_NUMBERP, 1, 1);
definePrimitive("integer?", P_INTEGERP, 1, 1);
definePrimitive("exact?", P_EXACTP, 1, 1);
definePrimitive("inexact?", P_INEXACTP, 1, 1);
definePrimitive("exact-integer?", P_EXACT_INTEGERP, 1, 1);
definePrimitive("zero?", P_ZEROP, 1, 1);
definePrimitive("positive?", P_POSITIVEP, 1, 1);
definePrimitive("negative?", P_NEGATIVEP, 1, 1);
definePrimitive("odd?", P_ODDP, 1, 1);
definePrimitive("even?", P_EVENP, 1, 1);
definePrimitive("number->string", P_NUMBER_TO_STRING, 1, 2);
definePrimitive("string->number", P_STRING_TO_NUMBER, 1, 2);
definePrimitive("exp", P_EXP, 1, 1);
definePrimitive("log", P_LOG, 1, 1);
definePrimitive("sin", P_SIN, 1, 1);
definePrimitive("cos", P_COS, 1, 1);
definePrimitive("tan", P_TAN, 1, 1);
definePrimitive("asin", P_ASIN, 1, 1);
definePrimitive("acos", P_ACOS, 1, 1);
definePrimitive("atan", P_ATAN, 1, 2);
definePrimitive("square", P_SQUARE, 1, 1);

function isNumber(v: Value): boolean {
  return v instanceof Fixnum || v instanceof Flonum;
}

/** The value of a number as a float (callers have checked it is a number). */
function floatOf(v: Value): float {
  if (v instanceof Fixnum) return toFloat(v.value);
  return (v as Flonum).value;
}

function overflow(rt: Runtime, name: string): Value {
  return rt.fail(`${name}: integer overflow (fixnums are limited to ±(2^53 - 1); no bignums)`);
}

/** A fixnum for an exact result, or the overflow error. */
function exactResult(rt: Runtime, name: string, r: int): Value {
  if (r > FIXNUM_MAX || r < -FIXNUM_MAX) return overflow(rt, name);
  return fixnum(r);
}

/** a + b, a - b, a * b for numbers; `op` is P_ADD, P_SUB or P_MUL. */
export function arith(rt: Runtime, op: int, a: Value, b: Value): Value {
  if (a instanceof Fixnum && b instanceof Fixnum) {
    const x = a.value;
    const y = b.value;
    if (op === P_ADD) return exactResult(rt, "+", x + y);
    if (op === P_SUB) return exactResult(rt, "-", x - y);
    // The product is checked in floats first: an i64 product of two fixnums could wrap.
    if (Math.abs(toFloat(x) * toFloat(y)) > FIXNUM_MAX) return overflow(rt, "*");
    const p = x * y;
    return fixnum(p === 0 ? 0 : p);
  }
  const name = op === P_ADD ? "+" : op === P_SUB ? "-" : "*";
  if (!isNumber(a)) return rt.wrongType(name, "a number", a);
  if (!isNumber(b)) return rt.wrongType(name, "a number", b);
  const x = floatOf(a);
  const y = floatOf(b);
  return new Flonum(op === P_ADD ? x + y : op === P_SUB ? x - y : x * y);
}

export function addValues(rt: Runtime, a: Value, b: Value): Value {
  return arith(rt, P_ADD, a, b);
}

export function subValues(rt: Runtime, a: Value, b: Value): Value {
  return arith(rt, P_SUB, a, b);
}

export function mulValues(rt: Runtime, a: Value, b: Value): Value {
  return arith(rt, P_MUL, a, b);
}

/** Compares two numbers: -1, 0, 1, or 2 when unordered (NaN); sets the error on a non-number. */
function compare(rt: Runtime, name: string, a: Value, b: Value): int {
  if (a instanceof Fixnum && b instanceof Fixnum) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (!isNumber(a)) {
    rt.wrongType(name, "a number", a);
    return 2;
  }
  if (!isNumber(b)) {
    rt.wrongType(name, "a number", b);
    return 2;
  }
  const x = floatOf(a);
  const y = floatOf(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : 2;
}

/** Whether `a op b` holds for one of the comparison primitive ids. */
function compareHolds(op: int, c: int): boolean {
  if (c === 2) return false;
  if (op === P_NUM_EQ) return c === 0;
  if (op === P_LT) return c < 0;
  if (op === P_GT) return c > 0;
  if (op === P_LE) return c <= 0;
  return c >= 0;
}

const COMPARE_NAMES = ["=", "<", ">", "<=", ">="];

/** The comparison `op` (P_NUM_EQ..P_GE) across all arguments. */
function compareChain(rt: Runtime, op: int, base: int, argc: int): Value {
  const name = COMPARE_NAMES[op - P_NUM_EQ];
  let result = true;
  if (argc === 1 && !isNumber(rt.arg(base, 0))) return rt.wrongType(name, "a number", rt.arg(base, 0));
  for (let i = 0; i + 1 < argc; i++) {
    const c = compare(rt, name, rt.arg(base, i), rt.arg(base, i + 1));
    if (rt.failed) return FALSE;
    if (!compareHolds(op, c)) result = false;
  }
  return bool(result);
}

export function compareValues(rt: Runtime, op: int, a: Value, b: Value): Value {
  const c = compare(rt, COMPARE_NAMES[op - P_NUM_EQ], a, b);
  return bool(compareHolds(op, c));
}

export const CMP_EQ = P_NUM_EQ;
export const CMP_LT = P_LT;
export const CMP_GT = P_GT;
export const CMP_LE = P_LE;
export const CMP_GE = P_GE;

function divide(rt: Runtime, a: Value, b: Value): Value {
  if (!isNumber(a)) return rt.wrongType("/", "a number", a);
  if (!isNumber(b)) return rt.wrongType("/", "a number", b);
  if (a instanceof Fixnum && b instanceof Fixnum) {
    if (b.value === 0) return rt.fail("/: division by zero");
    if (intMod(a.value, b.value) === 0) return exactResult(rt, "/", intDiv(a.value, b.value));
  }
  return new Flonum(floatOf(a) / floatOf(b));
}

/** The argument as an exact integer for quotient & co; sets the error otherwise. */
function integerArg(rt: Runtime, name: string, v: Value): int {
  if (v instanceof Fixnum) return v.value;
  rt.wrongType(name, "an exact integer", v);
  return 0;
}

function integerDivision(rt: Runtime, op: int, a: Value, b: Value): Value {
  const name = op === P_QUOTIENT ? "quotient" : op === P_REMAINDER ? "remainder" : "modulo";
  const x = integerArg(rt, name, a);
  const y = integerArg(rt, name, b);
  if (rt.failed) return FALSE;
  if (y === 0) return rt.fail(`${name}: division by zero`);
  if (op === P_QUOTIENT) return fixnum(intDiv(x, y));
  const r = intMod(x, y);
  if (op === P_REMAINDER || r === 0 || (r < 0) === (y < 0)) return fixnum(r);
  return fixnum(r + y);
}

function gcdInt(a: int, b: int): int {
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  while (y !== 0) {
    const t = intMod(x, y);
    x = y;
    y = t;
  }
  return x;
}

function expt(rt: Runtime, base: Value, power: Value): Value {
  if (!isNumber(base)) return rt.wrongType("expt", "a number", base);
  if (!isNumber(power)) return rt.wrongType("expt", "a number", power);
  if (base instanceof Fixnum && power instanceof Fixnum && power.value >= 0) {
    let result: Value = fixnum(1);
    for (let i = 0; i < power.value; i++) {
      result = arith(rt, P_MUL, result, base);
      if (rt.failed) {
        rt.clearError();
        return overflow(rt, "expt");
      }
    }
    return result;
  }
  return new Flonum(Math.pow(floatOf(base), floatOf(power)));
}

/** Round half to even, as Scheme's `round`. */
function roundEven(x: float): float {
  const r = Math.round(x);
  if (r - x === 0.5 && r - 2 * Math.floor(r / 2) !== 0) return r - 1;
  return r;
}

function rounding(rt: Runtime, op: int, v: Value): Value {
  if (v instanceof Fixnum) return v;
  if (!(v instanceof Flonum)) return rt.wrongType(op === P_FLOOR ? "floor" : op === P_CEILING ? "ceiling" : op === P_ROUND ? "round" : "truncate", "a number", v);
  const x = v.value;
  if (op === P_FLOOR) return new Flonum(Math.floor(x));
  if (op === P_CEILING) return new Flonum(Math.ceil(x));
  if (op === P_ROUND) return new Flonum(roundEven(x));
  return new Flonum(Math.trunc(x));
}

function toExact(rt: Runtime, v: Value): Value {
  if (v instanceof Fixnum) return v;
  if (!(v instanceof Flonum)) return rt.wrongType("inexact->exact", "a number", v);
  const x = v.value;
  if (x !== Math.floor(x) || x > FIXNUM_MAX || x < -FIXNUM_MAX) {
    return rt.fail(`inexact->exact: ${formatFlonum(x)} has no exact integer value (no rationals or bignums)`);
  }
  return fixnum(toInt(x));
}

function sqrtValue(rt: Runtime, v: Value): Value {
  if (!isNumber(v)) return rt.wrongType("sqrt", "a number", v);
  const r = Math.sqrt(floatOf(v));
  if (v instanceof Fixnum && r === Math.floor(r)) return fixnum(toInt(r));
  return new Flonum(r);
}

function numberToString(rt: Runtime, v: Value, radix: int): Value {
  if (!isNumber(v)) return rt.wrongType("number->string", "a number", v);
  if (v instanceof Fixnum) return new MString(v.value.toString(radix));
  return new MString(formatFlonum(floatOf(v)));
}

function stringToNumber(rt: Runtime, v: Value, radix: int): Value {
  if (!(v instanceof MString)) return rt.wrongType("string->number", "a string", v);
  const n = parseNumber(v.text, radix);
  if (n === null || n === NUMBER_TOO_BIG) return FALSE;
  return n;
}

function radixArg(rt: Runtime, base: int, argc: int): int {
  if (argc < 2) return 10;
  const r = rt.arg(base, 1);
  if (r instanceof Fixnum && (r.value === 2 || r.value === 8 || r.value === 10 || r.value === 16)) return r.value;
  rt.wrongType("number->string", "a radix (2, 8, 10 or 16)", r);
  return 10;
}

/** A float function of one number argument. */
function floatFn(rt: Runtime, name: string, v: Value): float {
  if (!isNumber(v)) {
    rt.wrongType(name, "a number", v);
    return 0;
  }
  return floatOf(v);
}

function predicate(rt: Runtime, op: int, v: Value): Value {
  if (op === P_NUMBERP) return bool(isNumber(v));
  if (op === P_EXACT_INTEGERP) return bool(v instanceof Fixnum);
  if (op === P_INTEGERP) return bool(v instanceof Fixnum || (v instanceof Flonum && v.value === Math.floor(v.value)));
  const names = ["exact?", "inexact?", "zero?", "positive?", "negative?", "odd?", "even?"];
  if (!isNumber(v)) return rt.wrongType(names[op - P_EXACTP], "a number", v);
  if (op === P_EXACTP) return bool(v instanceof Fixnum);
  if (op === P_INEXACTP) return bool(v instanceof Flonum);
  const x = floatOf(v);
  if (op === P_ZEROP) return bool(x === 0);
  if (op === P_POSITIVEP) return bool(x > 0);
  if (op === P_NEGATIVEP) return bool(x < 0);
  if (!(v instanceof Fixnum)) {
    if (x !== Math.floor(x)) return rt.wrongType(names[op - P_EXACTP], "an integer", v);
    const odd = x - 2 * Math.floor(x / 2) !== 0;
    return bool(op === P_ODDP ? odd : !odd);
  }
  const odd = intMod(v.value, 2) !== 0;
  return bool(op === P_ODDP ? odd : !odd);
}

/** Runs number primitive `id` on the argc arguments at stack[base...]. */
export function numberPrimitive(rt: Runtime, id: int, base: int, argc: int): Value {
  switch (id) {
    case P_ADD:
    case P_MUL: {
      let acc: Value = fixnum(id === P_ADD ? 0 : 1);
      for (let i = 0; i < argc; i++) {
        acc = arith(rt, id, acc, rt.arg(base, i));
        if (rt.failed) return acc;
      }
      return acc;
    }
    case P_SUB: {
      if (argc === 1) return arith(rt, P_SUB, fixnum(0), rt.arg(base, 0));
      let acc = rt.arg(base, 0);
      for (let i = 1; i < argc; i++) {
        acc = arith(rt, P_SUB, acc, rt.arg(base, i));
        if (rt.failed) return acc;
      }
      return acc;
    }
    case P_DIV: {
      if (argc === 1) return divide(rt, fixnum(1), rt.arg(base, 0));
      let acc = rt.arg(base, 0);
      for (let i = 1; i < argc; i++) {
        acc = divide(rt, acc, rt.arg(base, i));
        if (rt.failed) return acc;
      }
      return acc;
    }
    case P_NUM_EQ:
    case P_LT:
    case P_GT:
    case P_LE:
    case P_GE:
      return compareChain(rt, id, base, argc);
    case P_QUOTIENT:
    case P_REMAINDER:
    case P_MODULO:
      return integerDivision(rt, id, rt.arg(base, 0), rt.arg(base, 1));
    case P_ABS: {
      const v = rt.arg(base, 0);
      if (v instanceof Fixnum) return v.value < 0 ? fixnum(-v.value) : v;
      if (v instanceof Flonum) return new Flonum(Math.abs(v.value));
      return rt.wrongType("abs", "a number", v);
    }
    case P_MIN:
    case P_MAX: {
      let best = rt.arg(base, 0);
      let inexact = false;
      for (let i = 0; i < argc; i++) {
        const v = rt.arg(base, i);
        if (!isNumber(v)) return rt.wrongType(id === P_MIN ? "min" : "max", "a number", v);
        if (v instanceof Flonum) inexact = true;
        const c = compare(rt, "min", v, best);
        if (id === P_MIN ? c < 0 : c === 1) best = v;
      }
      return inexact ? new Flonum(floatOf(best)) : best;
    }
    case P_GCD:
    case P_LCM: {
      let acc = id === P_GCD ? 0 : 1;
      for (let i = 0; i < argc; i++) {
        const x = integerArg(rt, id === P_GCD ? "gcd" : "lcm", rt.arg(base, i));
        if (rt.failed) return FALSE;
        if (id === P_GCD) acc = gcdInt(acc, x);
        else if (x === 0 || acc === 0) acc = 0;
        else {
          const m = mulValues(rt, fixnum(intDiv(acc, gcdInt(acc, x))), fixnum(x < 0 ? -x : x));
          if (rt.failed) return m;
          acc = (m as Fixnum).value;
        }
      }
      return fixnum(acc);
    }
    case P_EXPT:
      return expt(rt, rt.arg(base, 0), rt.arg(base, 1));
    case P_SQRT:
      return sqrtValue(rt, rt.arg(base, 0));
    case P_INEXACT: {
      const v = rt.arg(base, 0);
      if (!isNumber(v)) return rt.wrongType("exact->inexact", "a number", v);
      return new Flonum(floatOf(v));
    }
    case P_EXACT:
      return toExact(rt, rt.arg(base, 0));
    case P_FLOOR:
    case P_CEILING:
    case P_ROUND:
    case P_TRUNCATE:
      return rounding(rt, id, rt.arg(base, 0));
    case P_NUMBER_TO_STRING: {
      const radix = radixArg(rt, base, argc);
      if (rt.failed) return FALSE;
      return numberToString(rt, rt.arg(base, 0), radix);
    }
    case P_STRING_TO_NUMBER: {
      const radix = radixArg(rt, base, argc);
      if (rt.failed) return FALSE;
      return stringToNumber(rt, rt.arg(base, 0), radix);
    }
    case P_EXP:
      return new Flonum(Math.exp(floatFn(rt, "exp", rt.arg(base, 0))));
    case P_LOG:
      return new Flonum(Math.log(floatFn(rt, "log", rt.arg(base, 0))));
    case P_SIN:
      return new Flonum(Math.sin(floatFn(rt, "sin", rt.arg(base, 0))));
    case P_COS:
      return new Flonum(Math.cos(floatFn(rt, "cos", rt.arg(base, 0))));
    case P_TAN:
      return new Flonum(Math.tan(floatFn(rt, "tan", rt.arg(base, 0))));
    case P_ASIN:
      return new Flonum(Math.asin(floatFn(rt, "asin", rt.arg(base, 0))));
    case P_ACOS:
      return new Flonum(Math.acos(floatFn(rt, "acos", rt.arg(base, 0))));
    case P_ATAN: {
      const y = floatFn(rt, "atan", rt.arg(base, 0));
      if (argc === 1) return new Flonum(Math.atan(y));
      return new Flonum(Math.atan2(y, floatFn(rt, "atan", rt.arg(base, 1))));
    }
    case P_SQUARE:
      return mulValues(rt, rt.arg(base, 0), rt.arg(base, 0));
    default:
      return predicate(rt, id, rt.arg(base, 0));
  }
}
