// Integer bounds (RPython's optimizeopt/intbounds.py, simplified): for every int value the
// optimizer keeps the interval it is known to lie in, from constants, from what operations
// compute (a comparison is 0 or 1, `x & 255` is in 0..255, a Uint8Array item too, the sum of
// two bounded values is bounded), from the guards that held (after guard_false(x < 0), x is
// at least 0) and from the operations that stop the program otherwise (after an item read
// a[i], i is at least 0). A comparison the intervals decide becomes a constant, so the guard
// on it goes (ConstantFolding removes a guard on a constant that holds); a value pinned to
// one number becomes that constant.
//
// An interpreter checks its own indices: a tape interpreter's `if (ptr < 0 || ptr >=
// TAPE_SIZE)` after each move is two guards in the trace, and after one such pair the next
// moves' checks are mostly decided (ptr + 1 after 0 <= ptr < 30000 is at least 1). A
// typed-array access whose array is a constant and whose index is proven within its length
// needs no bounds check (ResOp.inBounds).
//
// Bounds are exact integers in both modes: kept below 2^52 in magnitude (a JS double is
// exact there, and an i64 operation on such values cannot wrap); beyond, the value is
// unbounded on that side.
import {
  ARRAYLEN, ConstInt, ConstRef, GETARRAYITEM_F, GETARRAYITEM_I, GETLISTITEM_I, SETLISTITEM, GUARD_FALSE, GUARD_TRUE, INT32_AND, INT32_LSHIFT, INT32_OR, INT32_RSHIFT, INT32_URSHIFT, INT32_XOR, INT_ADD, INT_AND, INT_EQ, INT_GE, INT_GT, INT_LE, INT_LT, INT_MUL,
  INT_NE, INT_SUB, isComparison, isGuard, LIST_LEN, negatedComparison, ResOp, SETARRAYITEM, TYPE_INT, Value,
} from "../resop.ts";
import { int } from "../../types.ts";
import { IntBound, LIMIT, UNBOUNDED } from "./bound.ts";
import { DescrInfo } from "./descrs.ts";
import { SAFE_MUL } from "./fold.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

/** Lengths of arrays and lists: below 2^31. */
const MAX_LENGTH = 2147483647;

const BOOLEAN = new IntBound(0, 1);

/** What JS's 32-bit operators give: a signed 32-bit int (`>>>` an unsigned one). */
const INT32_RANGE = new IntBound(-2147483648, 2147483647);
const UINT32_RANGE = new IntBound(0, 4294967295);

/** Bases of item addresses: below 2^28 (ResOp.indexBase). */
const MAX_SCALED_BASE = 268435456;

/** A lower bound for a value at least `x` (a weaker one when x is too large to keep). */
function lowerBound(x: int): int {
  return x <= -LIMIT ? -LIMIT : x >= LIMIT ? LIMIT - 1 : x;
}

/** An upper bound for a value at most `x`. */
function upperBound(x: int): int {
  return x >= LIMIT ? LIMIT : x <= -LIMIT ? 1 - LIMIT : x;
}

/** The interval of a + b (exact: both sides below 2^52, their sum below 2^53). */
function sum(a: IntBound, b: IntBound): IntBound {
  const lo = a.lower === -LIMIT || b.lower === -LIMIT ? -LIMIT : lowerBound(a.lower + b.lower);
  const hi = a.upper === LIMIT || b.upper === LIMIT ? LIMIT : upperBound(a.upper + b.upper);
  return new IntBound(lo, hi);
}

/** The interval of a - b. */
function difference(a: IntBound, b: IntBound): IntBound {
  const lo = a.lower === -LIMIT || b.upper === LIMIT ? -LIMIT : lowerBound(a.lower - b.upper);
  const hi = a.upper === LIMIT || b.lower === -LIMIT ? LIMIT : upperBound(a.upper - b.lower);
  return new IntBound(lo, hi);
}

/** The product's interval when both are known and small enough to multiply exactly. */
function product(a: IntBound, b: IntBound): IntBound {
  const m = SAFE_MUL; // products of smaller ints stay below 2^52
  if (!(a.lower > -m && a.upper < m && b.lower > -m && b.upper < m)) return UNBOUNDED;
  const p = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper];
  let lo = p[0];
  let hi = p[0];
  for (const x of p) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return new IntBound(lo === 0 ? 0 : lo, hi === 0 ? 0 : hi);
}

/** 1 when `a < b` holds for any values in the intervals, 0 when it never does, else -1. */
function lessThan(a: IntBound, b: IntBound): int {
  if (a.upper < LIMIT && b.lower > -LIMIT && a.upper < b.lower) return 1;
  if (a.lower > -LIMIT && b.upper < LIMIT && a.lower >= b.upper) return 0;
  return -1;
}

export class IntBounds extends Optimization {
  /** Value key → its interval, for the values something is known about. */
  private bounds = new Map<string, IntBound>();

  constructor(private descrs: DescrInfo) {
    super();
  }

  /** What is known of `v` so far. */
  boundOf(v: Value, opt: Optimizer): IntBound {
    return this.get(v, opt);
  }

  /** Before the walk: `v` (an input) is known to lie in `b`, wherever it is used. */
  assume(v: Value, b: IntBound, opt: Optimizer): void {
    this.narrow(v, b, opt);
    if (v.type === TYPE_INT) v.narrow = fits32(this.get(v, opt));
  }

  private get(v: Value, opt: Optimizer): IntBound {
    // (A larger constant is unbounded: an i64 sum with it may wrap.)
    if (v instanceof ConstInt) return v.value > -LIMIT && v.value < LIMIT ? new IntBound(v.value, v.value) : UNBOUNDED;
    const b = this.bounds.get(opt.key(v));
    return b === undefined ? UNBOUNDED : b;
  }

  /** The interval of a comparison's operand: a constant beyond the kept magnitude is one
   *  that lies beyond every bounded value (an interpreter's check that a result stays a
   *  safe integer, `x <= 2^53 - 1`, is decided where x is bounded). Only for deciding: a
   *  sum with it would not be exact. */
  private compared(v: Value, opt: Optimizer): IntBound {
    if (v instanceof ConstInt && v.value >= LIMIT) return new IntBound(LIMIT, LIMIT);
    if (v instanceof ConstInt && v.value <= -LIMIT) return new IntBound(-LIMIT, -LIMIT);
    return this.get(v, opt);
  }

  /** Narrows what is known of `v` to what is also in `to`. */
  private narrow(v: Value, to: IntBound, opt: Optimizer): void {
    if (v.isConstant() || v.type !== TYPE_INT) return;
    const b = this.get(v, opt);
    const narrowed = new IntBound(to.lower > b.lower ? to.lower : b.lower, to.upper < b.upper ? to.upper : b.upper);
    this.bounds.set(opt.key(v), narrowed);
    this.narrowBackward(v, narrowed, opt);
    // (Were the interval empty, the guard would always fail: nothing after it runs.)
    if (narrowed.lower === narrowed.upper) opt.replace(v, new ConstInt(narrowed.lower));
  }

  /** v = x + C or x - C now lies in `b`: so does x, shifted. (The constant folding pass
   *  reassociates `(x + 9) - 1` into `x + 8`: what a guard taught about x + 9 must reach x.)
   *  The narrowing stops at values that are not such sums. */
  private narrowBackward(v: Value, b: IntBound, opt: Optimizer): void {
    if (!(v instanceof ResOp) || (v.opnum !== INT_ADD && v.opnum !== INT_SUB)) return;
    const constFirst = v.args[0] instanceof ConstInt;
    const x = constFirst ? v.args[1] : v.args[0];
    const k = constFirst ? v.args[0] : v.args[1];
    if (!(k instanceof ConstInt) || x.isConstant()) return;
    const kb = this.get(k, opt);
    if (v.opnum === INT_ADD) this.narrow(x, difference(b, kb), opt);
    else if (constFirst) this.narrow(x, difference(kb, b), opt); // v = C - x
    else this.narrow(x, sum(b, kb), opt); // v = x - C
  }

  /** After v != the value of `other` (when it is one number): v is not that number. */
  private excludeEnd(v: Value, other: IntBound, opt: Optimizer): void {
    if (other.lower !== other.upper || other.lower <= -LIMIT || other.lower >= LIMIT) return;
    const b = this.get(v, opt);
    if (b.lower === other.lower) this.narrow(v, new IntBound(b.lower + 1, LIMIT), opt);
    else if (b.upper === other.lower) this.narrow(v, new IntBound(-LIMIT, b.upper - 1), opt);
  }

  propagate(op: ResOp, opt: Optimizer): boolean {
    if (isGuard(op.opnum)) this.keepFailBounds(op, opt);
    if (op.opnum === GUARD_TRUE || op.opnum === GUARD_FALSE) {
      const c = op.args[0];
      if (c instanceof ResOp) this.learn(c, op.opnum === GUARD_TRUE, opt);
      return false;
    }
    if (op.opnum === GETARRAYITEM_I || op.opnum === GETARRAYITEM_F || op.opnum === SETARRAYITEM) {
      op.inBounds = this.inRange(op, opt);
      if (op.inBounds) this.splitIndex(op, opt);
    }
    if (checksIndex(op.opnum)) this.narrow(op.args[1], new IntBound(0, MAX_LENGTH - 1), opt);
    if (op.type !== TYPE_INT) return false;
    const decided = this.decide(op, opt);
    if (decided >= 0) {
      opt.replace(op, new ConstInt(decided));
      return true;
    }
    const b = this.compute(op, opt);
    if (b.known()) this.bounds.set(opt.key(op), b);
    op.narrow = fits32(b);
    return false;
  }

  /** Whether a typed-array access's index is in range: the array is a constant (a promoted
   *  one, say), so its length is known, and the index's interval lies within it. (Asked
   *  before the access itself narrows the index.) */
  private inRange(op: ResOp, opt: Optimizer): boolean {
    const arr = op.args[0];
    if (!(arr instanceof ConstRef)) return false;
    const length = this.descrs.typedLengthOf(arr, op.descr);
    const b = this.get(op.args[1], opt);
    return length > 0 && b.lower >= 0 && b.upper < length;
  }

  /** For an access in range whose index is x + k or x - k (k a constant) with x in
   *  [0, 2^28): x and the signed constant, for the backend (ResOp.indexBase). (2^28: x
   *  scaled by the largest item, 8 bytes, still fits in 32 bits.) */
  private splitIndex(op: ResOp, opt: Optimizer): void {
    const index = op.args[1];
    if (!(index instanceof ResOp) || (index.opnum !== INT_ADD && index.opnum !== INT_SUB)) return;
    const constFirst = index.opnum === INT_ADD && index.args[0] instanceof ConstInt;
    const x = constFirst ? index.args[1] : index.args[0];
    const k = constFirst ? index.args[0] : index.args[1];
    if (!(k instanceof ConstInt) || x.isConstant()) return;
    const b = this.get(x, opt);
    if (b.lower < 0 || b.upper >= MAX_SCALED_BASE) return;
    op.indexBase = x;
    op.indexOffset = index.opnum === INT_ADD ? k.value : -k.value;
  }

  /** What a bridge from the guard will know of its inputs: the intervals of the guard's
   *  fail arguments as they are where it fails (taken before the guard teaches anything). */
  private keepFailBounds(op: ResOp, opt: Optimizer): void {
    const kept: int[] = [];
    let known = false;
    for (const v of op.failArgs) {
      const b = v.type === TYPE_INT ? this.get(v, opt) : UNBOUNDED;
      kept.push(b.lower);
      kept.push(b.upper);
      if (b.known()) known = true;
    }
    op.failBounds = known ? kept : [];
  }

  /** A comparison's result when the intervals decide it, else -1. */
  private decide(op: ResOp, opt: Optimizer): int {
    if (op.opnum < INT_LT || op.opnum > INT_NE) return -1;
    const a = this.compared(op.args[0], opt);
    const b = this.compared(op.args[1], opt);
    switch (op.opnum) {
      case INT_LT: return lessThan(a, b);
      case INT_GE: return flip(lessThan(a, b));
      case INT_GT: return lessThan(b, a);
      case INT_LE: return flip(lessThan(b, a));
      case INT_EQ: return lessThan(a, b) === 1 || lessThan(b, a) === 1 ? 0 : -1;
      case INT_NE: return lessThan(a, b) === 1 || lessThan(b, a) === 1 ? 1 : -1;
    }
    return -1;
  }

  /** The interval of an int operation's result. */
  private compute(op: ResOp, opt: Optimizer): IntBound {
    if (isComparison(op.opnum)) return BOOLEAN;
    switch (op.opnum) {
      case INT_ADD:
        return sum(this.get(op.args[0], opt), this.get(op.args[1], opt));
      case INT_SUB:
        return difference(this.get(op.args[0], opt), this.get(op.args[1], opt));
      case INT_MUL:
        return product(this.get(op.args[0], opt), this.get(op.args[1], opt));
      case INT_AND:
      case INT32_AND: {
        // A non-negative mask bounds the result (two's complement: the and keeps no more bits).
        const m = maskOf(op);
        if (m >= 0) return new IntBound(0, m);
        return op.opnum === INT32_AND ? INT32_RANGE : UNBOUNDED;
      }
      case INT32_OR:
      case INT32_XOR:
      case INT32_LSHIFT:
      case INT32_RSHIFT:
        return INT32_RANGE;
      case INT32_URSHIFT:
        return UINT32_RANGE;
      case ARRAYLEN:
      case LIST_LEN:
        return new IntBound(0, MAX_LENGTH);
      case GETARRAYITEM_I:
        return this.descrs.arrayItemBound(op.descr);
    }
    return UNBOUNDED;
  }

  /** After guard_true(c) (`holds`) or guard_false(c): what c's comparison says about its
   *  arguments. */
  private learn(c: ResOp, holds: boolean, opt: Optimizer): void {
    if (c.opnum < INT_LT || c.opnum > INT_NE) return;
    const x = c.args[0];
    const y = c.args[1];
    // Normalize to one of: x < y, x <= y, x == y, x != y.
    let opnum = c.opnum;
    if (!holds) opnum = negatedComparison(opnum);
    let a = x;
    let b = y;
    if (opnum === INT_GT || opnum === INT_GE) {
      a = y;
      b = x;
      opnum = opnum === INT_GT ? INT_LT : INT_LE;
    }
    const ba = this.get(a, opt);
    const bb = this.get(b, opt);
    const one = new IntBound(1, 1);
    switch (opnum) {
      case INT_LT: // a <= b - 1, b >= a + 1
        this.narrow(a, new IntBound(-LIMIT, difference(bb, one).upper), opt);
        this.narrow(b, new IntBound(sum(ba, one).lower, LIMIT), opt);
        return;
      case INT_LE:
        this.narrow(a, new IntBound(-LIMIT, bb.upper), opt);
        this.narrow(b, new IntBound(ba.lower, LIMIT), opt);
        return;
      case INT_EQ:
        this.narrow(a, bb, opt);
        this.narrow(b, ba, opt);
        return;
      case INT_NE: // only an end of an interval can be cut off
        this.excludeEnd(a, bb, opt);
        this.excludeEnd(b, ba, opt);
        return;
    }
  }
}

/** Whether the operation stops the program unless its index (args[1]) is in range: item
 *  reads, and list writes (a typed-array write out of range does nothing, as in JS). */
function checksIndex(opnum: int): boolean {
  return opnum === GETARRAYITEM_I || opnum === GETARRAYITEM_F || (opnum >= GETLISTITEM_I && opnum <= SETLISTITEM);
}

/** Whether the interval lies in the signed 32-bit range (Value.narrow). */
function fits32(b: IntBound): boolean {
  return b.lower >= -2147483648 && b.upper <= 2147483647;
}

function flip(decided: int): int {
  return decided < 0 ? -1 : 1 - decided;
}

/** The non-negative constant mask of an and (an i32 one), or -1. */
function maskOf(op: ResOp): int {
  for (const v of op.args) if (v instanceof ConstInt && v.value >= 0 && v.value <= MAX_LENGTH) return v.value;
  return -1;
}
