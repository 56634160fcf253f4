// Constant folding and algebraic identities (RPython's optimizeopt/rewrite.py and pure.py's
// folding). An operation whose arguments are all constants is computed here, exactly as the
// translated program computes it: ints are i64 that wrap, shifts take the count modulo 64,
// floats are f64. The optimizer also runs untranslated, where an int is a JS double that is
// exact only below 2^53; so an int operation is folded only when its arguments are small
// enough that both give the same result, and left to run in the trace otherwise.
// A guard on a constant either always holds (removed) or always fails (kept: the trace then
// always leaves there, which is correct). References fold too: two constant ones compare by
// address, a constant one is an object or not (null, undefined), a reference equals itself.
// Chains of constant additions are reassociated: (x + 1) - 1 is x, (x + 1) + 1 is x + 2 (an
// interpreter's stack pointer moves so: with one name per stack slot, the heap cache can
// then see a push and a pop reach the same item).
// A comparison's result tested against 0 or 1 is the comparison or its opposite.
import {
  Const, ConstFloat, ConstInt, FLOAT_ADD, FLOAT_LT, FLOAT_MUL, FLOAT_DIV, FLOAT_SUB, GUARD_FALSE, GUARD_TRUE, GUARD_VALUE,
  INT_ADD, INT_AND, INT_EQ, INT_GE, INT_GT, INT_LE, INT_LSHIFT, INT_LT, INT_MUL, INT_NE, INT_OR, INT_RSHIFT, INT_SUB, INT_XOR,
  isComparison, negatedComparison, ResOp, SAME_AS_I, Value, ConstRef, PTR_EQ, PTR_NE, PTR_IS_OBJECT, FIRST_OBJECT_ADDRESS,
  INT32_AND, INT32_OR, INT32_XOR, INT32_LSHIFT, INT32_RSHIFT, INT32_URSHIFT,
} from "../resop.ts";
import { Optimization, Optimizer } from "./optimizer.ts";
import { int } from "../../types.ts";
import { toInt } from "../../rarith.ts";

export const SAFE_ADD = 4503599627370496; // 2^52: sums and differences of smaller ints stay below 2^53
export const SAFE_MUL = 67108864; // 2^26: products of smaller ints stay below 2^52
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function isInt32(x: int): boolean {
  return x >= INT32_MIN && x <= INT32_MAX;
}

function bool(b: boolean): ConstInt {
  return new ConstInt(b ? 1 : 0);
}

function small(a: int, b: int, limit: int): boolean {
  return a > -limit && a < limit && b > -limit && b < limit;
}

/** The result of an int operation on constants, or null when it is not folded. */
function foldInt(opnum: int, a: int, b: int): ConstInt | null {
  switch (opnum) {
    case INT_ADD: return small(a, b, SAFE_ADD) ? new ConstInt(a + b) : null;
    case INT_SUB: return small(a, b, SAFE_ADD) ? new ConstInt(a - b) : null;
    case INT_MUL: {
      if (!small(a, b, SAFE_MUL)) return null;
      const p = a * b;
      return new ConstInt(p === 0 ? 0 : p); // never -0: an i64 product has no sign of zero
    }
    // JS's bitwise operators are i32: they agree with i64 on i32 arguments, and so do the
    // trace's int32 operations (JS's operators themselves: the wrap to 32 bits they begin
    // with changes nothing there).
    case INT_AND: case INT32_AND: return isInt32(a) && isInt32(b) ? new ConstInt(a & b) : null;
    case INT_OR: case INT32_OR: return isInt32(a) && isInt32(b) ? new ConstInt(a | b) : null;
    case INT_XOR: case INT32_XOR: return isInt32(a) && isInt32(b) ? new ConstInt(a ^ b) : null;
    case INT32_LSHIFT: return isInt32(a) && isInt32(b) ? new ConstInt(a << b) : null;
    case INT32_RSHIFT: return isInt32(a) && isInt32(b) ? new ConstInt(a >> b) : null;
    case INT32_URSHIFT: return isInt32(a) && isInt32(b) ? new ConstInt(a >>> b) : null;
    case INT_LSHIFT: {
      // Folded while the result stays below 2^53 (the test is the same in both modes).
      if (!(b >= 0 && b <= 52 && a > -(2 ** (53 - b)) && a < 2 ** (53 - b))) return null;
      const r = toInt(a * 2 ** b);
      return new ConstInt(r === 0 ? 0 : r);
    }
    case INT_RSHIFT: {
      if (!(a > -SAFE_ADD && a < SAFE_ADD && b >= 0 && b <= 63)) return null;
      const q = toInt(Math.floor(a / 2 ** b));
      return new ConstInt(q === 0 ? 0 : q);
    }
    case INT_LT: return bool(a < b);
    case INT_LE: return bool(a <= b);
    case INT_GT: return bool(a > b);
    case INT_GE: return bool(a >= b);
    case INT_EQ: return bool(a === b);
    case INT_NE: return bool(a !== b);
  }
  return null;
}

function foldFloat(opnum: int, a: number, b: number): Const | null {
  switch (opnum) {
    case FLOAT_ADD: return new ConstFloat(a + b);
    case FLOAT_SUB: return new ConstFloat(a - b);
    case FLOAT_MUL: return new ConstFloat(a * b);
    case FLOAT_DIV: return new ConstFloat(a / b);
    case FLOAT_LT: return bool(a < b);
  }
  return null;
}

/** The constant an operation computes from constant arguments, or null. */
export function foldOperation(op: ResOp): Const | null {
  if (op.opnum === SAME_AS_I && op.args[0] instanceof ConstInt) return op.args[0] as ConstInt;
  if (op.opnum === PTR_IS_OBJECT && op.args[0] instanceof ConstRef) return bool((op.args[0] as ConstRef).address >= FIRST_OBJECT_ADDRESS);
  if (op.args.length !== 2) return null;
  const x = op.args[0];
  const y = op.args[1];
  if (x instanceof ConstInt && y instanceof ConstInt) return foldInt(op.opnum, x.value, y.value);
  if (x instanceof ConstFloat && y instanceof ConstFloat) return foldFloat(op.opnum, x.value, y.value);
  if (x instanceof ConstRef && y instanceof ConstRef && op.opnum === PTR_EQ) return bool(x.address === y.address);
  if (x instanceof ConstRef && y instanceof ConstRef && op.opnum === PTR_NE) return bool(x.address !== y.address);
  return null;
}

function isConstInt(v: Value, n: int): boolean {
  return v instanceof ConstInt && v.value === n;
}

/** The value an int operation with one known argument reduces to (x + 0 is x, x - x is 0...),
 *  or null. Float identities are not used: -0 and NaN break most of them. */
export function simplifyOperation(op: ResOp): Value | null {
  const opnum = op.opnum;
  if (opnum === SAME_AS_I) return op.args[0];
  if (op.args.length !== 2) return null;
  const x = op.args[0];
  const y = op.args[1];
  switch (opnum) {
    case INT_ADD: case INT_OR: case INT_XOR:
      if (isConstInt(y, 0)) return x;
      if (isConstInt(x, 0)) return y;
      break;
    case INT_SUB: case INT_LSHIFT: case INT_RSHIFT:
      if (isConstInt(y, 0)) return x;
      break;
    case INT_MUL:
      if (isConstInt(y, 1)) return x;
      if (isConstInt(x, 1)) return y;
      if (isConstInt(x, 0) || isConstInt(y, 0)) return new ConstInt(0);
      break;
    case INT_AND:
      if (isConstInt(x, 0) || isConstInt(y, 0)) return new ConstInt(0);
      break;
  }
  if (x === y) {
    switch (opnum) {
      case INT_SUB: case INT_XOR: return new ConstInt(0);
      case INT_AND: case INT_OR: return x;
      case INT_EQ: case INT_LE: case INT_GE: case PTR_EQ: return new ConstInt(1);
      case INT_NE: case INT_LT: case INT_GT: case PTR_NE: return new ConstInt(0);
    }
  }
  return null;
}

export const GUARD_UNKNOWN = 0;
export const GUARD_HOLDS = 1;
export const GUARD_FAILS = 2;

/** Whether a guard on constants always holds, always fails, or depends on the run. */
export function guardOutcome(op: ResOp, opt: Optimizer): int {
  if (op.args.length === 0) return GUARD_UNKNOWN; // guard_no_exception
  const x = op.args[0];
  if (op.opnum === GUARD_TRUE || op.opnum === GUARD_FALSE) {
    if (!(x instanceof ConstInt)) return GUARD_UNKNOWN;
    return (x.value !== 0) === (op.opnum === GUARD_TRUE) ? GUARD_HOLDS : GUARD_FAILS;
  }
  if (op.opnum === GUARD_VALUE && x.isConstant() && op.args[1].isConstant()) {
    return opt.key(x) === opt.key(op.args[1]) ? GUARD_HOLDS : GUARD_FAILS;
  }
  return GUARD_UNKNOWN;
}

/** The constant an int_add or int_sub adds to its first argument, or null. */
function addedConstant(op: ResOp): ConstInt | null {
  if ((op.opnum !== INT_ADD && op.opnum !== INT_SUB) || !(op.args[1] instanceof ConstInt)) return null;
  const c = op.args[1] as ConstInt;
  return op.opnum === INT_ADD ? c : new ConstInt(0 - c.value);
}

/** x + C (or x - C) where x is y + D (or y - D): rewrites the operation to y + (C + D), when
 *  both constants are small (see `small`). */
function reassociate(op: ResOp): void {
  const c = addedConstant(op);
  if (c === null) return;
  const x = op.args[0];
  if (!(x instanceof ResOp)) return;
  const d = addedConstant(x);
  if (d === null || !small(c.value, d.value, SAFE_ADD)) return;
  op.opnum = INT_ADD;
  op.args = [x.args[0], new ConstInt(c.value + d.value)];
}

/** For `c == k` or `c != k` (either way round) where c is a comparison and k a constant:
 *  c, else null. An interpreter's `!b` and `b !== 0` trace so: a tape interpreter's
 *  `tape[ptr] !== 0` is int_eq(int_eq(x, 0), 0). */
function testedComparison(op: ResOp): ResOp | null {
  if ((op.opnum !== INT_EQ && op.opnum !== INT_NE) || op.args.length !== 2) return null;
  const c = op.args[0] instanceof ConstInt ? op.args[1] : op.args[0];
  return c instanceof ResOp && isComparison(c.opnum) && testedAgainst(op) !== null ? c : null;
}

function testedAgainst(op: ResOp): ConstInt | null {
  const k = op.args[0] instanceof ConstInt ? op.args[0] : op.args[1];
  return k instanceof ConstInt ? k : null;
}

export class ConstantFolding extends Optimization {
  propagate(op: ResOp, opt: Optimizer): boolean {
    if (guardOutcome(op, opt) === GUARD_HOLDS) return true;
    const tested = testedComparison(op);
    if (tested !== null) {
      const k = testedAgainst(op)!.value;
      if ((op.opnum === INT_NE && k === 0) || (op.opnum === INT_EQ && k === 1)) {
        opt.replace(op, tested);
        return true;
      }
      const negated = negatedComparison(tested.opnum);
      if (op.opnum === INT_EQ && k === 0 && negated >= 0) {
        op.opnum = negated;
        op.args = [tested.args[0], tested.args[1]];
      }
    }
    reassociate(op);
    const c = foldOperation(op);
    const v = c !== null ? c : simplifyOperation(op);
    if (v === null) return false;
    opt.replace(op, v);
    return true;
  }
}
