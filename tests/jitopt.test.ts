// The trace optimizer (rlib/jitrt/opt/), run untranslated on hand-written traces: each
// optimization alone, then the whole optimizeLoop; every expected trace is reasoned out by
// hand from the input printed above it. Then a property: random loop traces leave by the same
// exit with the same values before and after optimizing (the reference trace evaluator runs
// both). tests/programs/jitopt_loop.ts runs the optimizer translated.
import { test } from "uvu";
import fc from "fast-check";
import * as assert from "uvu/assert";
import {
  ARRAYLEN, CALL_I, CALL_N, CALL_PURE_I, ConstFloat, ConstInt, FLOAT_ADD, FLOAT_DIV, FLOAT_LT, FLOAT_MUL, GETARRAYITEM_I,
  GETFIELD_I, GUARD_CLASS, GUARD_FALSE, GUARD_NO_EXCEPTION, GUARD_TRUE, GUARD_VALUE, INT_ADD, INT_AND, INT_EQ, INT_LSHIFT, INT_LT, INT_MUL,
  INT_NE, INT_OR, INT_RSHIFT, INT_SUB, INT_XOR, JUMP, LABEL, NEW, SAME_AS_I, SETARRAYITEM, SETFIELD, Trace, TYPE_FLOAT,
  TYPE_INT, TYPE_REF, Value, FLOAT_SUB, INT_GE, INT_GT, INT_LE, ResOp, ConstRef, INT32_XOR, INT32_AND, INT32_LSHIFT, INT32_URSHIFT, INT32_RSHIFT,
} from "../rlib/jitrt/resop.ts";
import { evaluateLoop } from "../rlib/jitrt/traceeval.ts";
import { exitOps, exitValues, frameSlots, JitFrame } from "../rlib/jitrt/frame.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { optimizeLoop } from "../rlib/jitrt/opt/index.ts";
import { Optimization, Optimizer } from "../rlib/jitrt/opt/optimizer.ts";
import { ConstantFolding } from "../rlib/jitrt/opt/fold.ts";
import { GuardRemoval } from "../rlib/jitrt/opt/guards.ts";
import { PureCSE } from "../rlib/jitrt/opt/pure.ts";
import { HeapCache } from "../rlib/jitrt/opt/heap.ts";
import { removeDeadOps } from "../rlib/jitrt/opt/dce.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";
import { IntBound } from "../rlib/jitrt/opt/bound.ts";
import { IntBounds } from "../rlib/jitrt/opt/intbounds.ts";

/** Descriptor 3 is an array whose items read back as written (a list of ints, say). */
class ExactItems extends DescrInfo {
  arrayStoresExactly(descr: number, value: Value): boolean {
    return descr === 3 || super.arrayStoresExactly(descr, value);
  }
}

const c = (n: number) => new ConstInt(n);
const cf = (x: number) => new ConstFloat(x);

/** Runs one chain of optimizations on `t` and checks the trace before and after. */
function check(t: Trace, chain: Optimization[], before: string[], after: string[]): void {
  assert.fixture(printTrace(t), [...before, ""].join("\n"));
  new Optimizer(chain).run(t);
  assert.fixture(printTrace(t), [...after, ""].join("\n"));
}

test("constant folding: int and float operations on constants, identities, guards on constants", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const f1 = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [i0, f1], -1);
  const i2 = t.record(INT_ADD, [c(2), c(3)], -1);
  const i3 = t.record(INT_MUL, [i2, i0], -1);
  const i4 = t.record(INT_LT, [i2, c(10)], -1);
  t.recordGuard(GUARD_TRUE, [i4], [i0, i2]);
  const i5 = t.record(INT_ADD, [i3, c(0)], -1);
  const f6 = t.record(FLOAT_MUL, [cf(1.5), cf(2)], -1);
  const f7 = t.record(FLOAT_ADD, [f1, f6], -1);
  const i8 = t.record(INT_SUB, [i5, i5], -1);
  t.recordGuard(GUARD_FALSE, [i8], [i5]);
  t.recordGuard(GUARD_VALUE, [i8, c(1)], [i5]);
  t.record(JUMP, [i5, f7], -1);
  check(t, [new ConstantFolding()], [
    "[i0, f1]",
    "label(i0, f1)",
    "i2 = int_add(2, 3)",
    "i3 = int_mul(i2, i0)",
    "i4 = int_lt(i2, 10)",
    "guard_true(i4) [i0, i2]",
    "i5 = int_add(i3, 0)",
    "f6 = float_mul(1.5, 2)",
    "f7 = float_add(f1, f6)",
    "i8 = int_sub(i5, i5)",
    "guard_false(i8) [i5]",
    "guard_value(i8, 1) [i5]",
    "jump(i5, f7)",
  ], [
    "[i0, f1]",
    "label(i0, f1)",
    "i2 = int_mul(5, i0)",
    "f3 = float_add(f1, 3)",
    "guard_value(0, 1) [i2]", // always fails: kept
    "jump(i2, f3)",
  ]);
});

test("constant folding: exact i64 results, and no folding where a JS double would differ", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  t.record(LABEL, [i0], -1);
  const folded = [
    t.record(INT_LSHIFT, [c(-3), c(20)], -1),
    t.record(INT_RSHIFT, [c(-7), c(1)], -1),
    t.record(INT_AND, [c(-1), c(255)], -1),
    t.record(INT_OR, [c(-256), c(15)], -1),
    t.record(INT_XOR, [c(5), c(3)], -1),
    t.record(INT_MUL, [c(0), c(-5)], -1),
    t.record(INT_EQ, [c(4), c(4)], -1),
    t.record(FLOAT_LT, [cf(-0), cf(0)], -1),
    t.record(SAME_AS_I, [c(9)], -1),
    t.record(INT_LSHIFT, [c(1), c(52)], -1),
    // JS's 32-bit operators, as the trace's int32 operations (i32 arguments).
    t.record(INT32_AND, [c(-1), c(255)], -1),
    t.record(INT32_LSHIFT, [c(1), c(31)], -1),
    t.record(INT32_URSHIFT, [c(-1), c(0)], -1),
    t.record(INT32_RSHIFT, [c(-8), c(1)], -1),
  ];
  const big = 2 ** 60;
  const kept = [
    t.record(INT_ADD, [c(big), c(big)], -1),
    t.record(INT_MUL, [c(2 ** 30), c(2 ** 30)], -1),
    t.record(INT_LSHIFT, [c(2), c(52)], -1),
    t.record(INT_AND, [c(big), c(1)], -1),
    t.record(INT_RSHIFT, [c(1), c(64)], -1),
    t.record(INT32_XOR, [c(big), c(1)], -1),
  ];
  const f = t.record(FLOAT_DIV, [cf(1), cf(0)], -1);
  t.recordGuard(GUARD_TRUE, [i0], [...folded, ...kept, f]);
  t.record(JUMP, [i0], -1);
  new Optimizer([new ConstantFolding()]).run(t);
  assert.fixture(printTrace(t), [
    "[i0]",
    "label(i0)",
    `i1 = int_add(${big}, ${big})`,
    "i2 = int_mul(1073741824, 1073741824)",
    "i3 = int_lshift(2, 52)",
    `i4 = int_and(${big}, 1)`,
    "i5 = int_rshift(1, 64)",
    `i6 = int32_xor(${big}, 1)`,
    "guard_true(i0) [-3145728, -4, 255, -241, 6, 0, 1, 0, 9, 4503599627370496, 255, -2147483648, 4294967295, -4, i1, i2, i3, i4, i5, i6, Infinity]",
    "jump(i0)",
    "",
  ].join("\n"));
});

test("constant folding: a comparison tested against 0 or 1 is itself or its opposite (not for floats: NaN)", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const f1 = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [i0, f1], -1);
  const i2 = t.record(INT_EQ, [i0, c(0)], -1);
  const i3 = t.record(INT_EQ, [i2, c(0)], -1);
  t.recordGuard(GUARD_TRUE, [i3], [i0]);
  const i5 = t.record(INT_LT, [i0, c(7)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_NE, [c(0), i5], -1)], [i0]);
  t.recordGuard(GUARD_TRUE, [t.record(INT_EQ, [i5, c(1)], -1)], [i0]);
  const i9 = t.record(FLOAT_LT, [f1, cf(2)], -1);
  t.recordGuard(GUARD_FALSE, [t.record(INT_EQ, [i9, c(0)], -1)], [i0]);
  t.record(JUMP, [i0, f1], -1);
  check(t, [new ConstantFolding()], [
    "[i0, f1]",
    "label(i0, f1)",
    "i2 = int_eq(i0, 0)",
    "i3 = int_eq(i2, 0)",
    "guard_true(i3) [i0]",
    "i4 = int_lt(i0, 7)",
    "i5 = int_ne(0, i4)",
    "guard_true(i5) [i0]",
    "i6 = int_eq(i4, 1)",
    "guard_true(i6) [i0]",
    "i7 = float_lt(f1, 2)",
    "i8 = int_eq(i7, 0)",
    "guard_false(i8) [i0]",
    "jump(i0, f1)",
  ], [
    "[i0, f1]",
    "label(i0, f1)",
    "i2 = int_eq(i0, 0)",
    "i3 = int_ne(i0, 0)",
    "guard_true(i3) [i0]",
    "i4 = int_lt(i0, 7)",
    "guard_true(i4) [i0]",
    "guard_true(i4) [i0]",
    "i5 = float_lt(f1, 2)",
    "i6 = int_eq(i5, 0)",
    "guard_false(i6) [i0]",
    "jump(i0, f1)",
  ]);
});

test("guard removal: what a guard proves replaces its argument after it", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, p1], -1);
  const i2 = t.record(INT_LT, [i0, c(100)], -1);
  t.recordGuard(GUARD_TRUE, [i2], [i0]);
  t.recordGuard(GUARD_TRUE, [i2], [i0]);
  t.recordGuard(GUARD_VALUE, [i0, c(5)], [i0]);
  t.recordGuard(GUARD_CLASS, [p1, c(77)], [i0]);
  const i3 = t.record(INT_ADD, [i0, c(1)], -1);
  t.recordGuard(GUARD_VALUE, [i0, c(5)], [i3]);
  t.recordGuard(GUARD_CLASS, [p1, c(77)], [i0]);
  t.recordGuard(GUARD_CLASS, [p1, c(78)], [i0]);
  t.recordGuard(GUARD_FALSE, [i2], [i0, i3]);
  t.record(JUMP, [i3, p1], -1);
  check(t, [new GuardRemoval()], [
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_lt(i0, 100)",
    "guard_true(i2) [i0]",
    "guard_true(i2) [i0]",
    "guard_value(i0, 5) [i0]",
    "guard_class(p1, 77) [i0]",
    "i3 = int_add(i0, 1)",
    "guard_value(i0, 5) [i3]",
    "guard_class(p1, 77) [i0]",
    "guard_class(p1, 78) [i0]",
    "guard_false(i2) [i0, i3]",
    "jump(i3, p1)",
  ], [
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_lt(i0, 100)",
    "guard_true(i2) [i0]",
    "guard_value(i0, 5) [i0]", // its own fail arguments keep i0: it is not 5 when the guard fails
    "guard_class(p1, 77) [5]",
    "i3 = int_add(5, 1)", // folded when ConstantFolding is in the chain
    "guard_class(p1, 78) [5]",
    "guard_false(1) [5, i3]", // always fails: kept
    "jump(i3, p1)",
  ]);
});

test("guard removal: guard_true proves 1 only of a comparison, of another int that it is nonzero", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  t.record(LABEL, [i0], -1);
  t.recordGuard(GUARD_TRUE, [i0], [i0]);
  t.recordGuard(GUARD_TRUE, [i0], [i0]);
  const i1 = t.record(INT_ADD, [i0, c(1)], -1);
  t.recordGuard(GUARD_FALSE, [i0], [i1]);
  t.record(JUMP, [i1], -1);
  new Optimizer([new ConstantFolding(), new GuardRemoval()]).run(t);
  assert.fixture(printTrace(t), [
    "[i0]",
    "label(i0)",
    "guard_true(i0) [0]", // where it fails, i0 is 0
    "i1 = int_add(i0, 1)", // i0 may be any nonzero int
    "guard_false(i0) [i1]", // always fails: kept
    "jump(i1)",
    "",
  ].join("\n"));
});

test("guard removal: guard_no_exception only after an operation that may raise (a call), not at the start or twice", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  t.recordGuard(GUARD_NO_EXCEPTION, [], [i1]); // nothing pending at the start
  const i2 = t.record(INT_ADD, [i1, c(1)], -1);
  t.record(SETARRAYITEM, [p0, c(0), i2], 3);
  t.recordGuard(GUARD_NO_EXCEPTION, [], [i2]); // native operations do not raise
  t.record(CALL_N, [p0], 9);
  t.recordGuard(GUARD_NO_EXCEPTION, [], [i2]); // the call may have: kept
  t.recordGuard(GUARD_NO_EXCEPTION, [], [i2]); // checked just before
  t.record(JUMP, [p0, i2], -1);
  new Optimizer([new GuardRemoval()]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    "label(p0, i1)",
    "i2 = int_add(i1, 1)",
    "setarrayitem_gc(p0, 0, i2, descr=3)",
    "call_n(p0, descr=9)",
    "guard_no_exception() [i2]",
    "jump(p0, i2)",
    "",
  ].join("\n"));
});

test("constant folding: chains of constant additions are one addition", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  t.record(LABEL, [i0], -1);
  const i1 = t.record(INT_ADD, [i0, c(1)], -1);
  const i2 = t.record(INT_ADD, [i1, c(2)], -1);
  const i3 = t.record(INT_SUB, [i2, c(3)], -1);
  const i4 = t.record(INT_SUB, [i1, c(5)], -1);
  const i5 = t.record(INT_MUL, [i4, i3], -1);
  t.record(JUMP, [i5], -1);
  new Optimizer([new ConstantFolding()]).run(t);
  assert.fixture(printTrace(t), [
    "[i0]",
    "label(i0)",
    "i1 = int_add(i0, 1)",
    "i2 = int_add(i0, 3)",
    "i3 = int_add(i0, -4)",
    "i4 = int_mul(i3, i0)", // (i0 + 3) - 3 is i0
    "jump(i4)",
    "",
  ].join("\n"));
});

test("guard fail arguments: the guarded value is the constant it is where the guard fails", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [i0, i1], -1);
  const i2 = t.record(INT_LT, [i0, i1], -1);
  t.recordGuard(GUARD_FALSE, [i2], [i0, i2]); // fails when i2 is 1
  const i3 = t.record(INT_ADD, [i0, i1], -1);
  t.recordGuard(GUARD_FALSE, [i3], [i3, i1]); // i3 is some nonzero int there: kept
  t.recordGuard(GUARD_TRUE, [i1], [i1, i0]); // fails when i1 is 0
  t.record(JUMP, [i3, i1], -1);
  new Optimizer([new ConstantFolding(), new GuardRemoval()]).run(t);
  assert.fixture(printTrace(t), [
    "[i0, i1]",
    "label(i0, i1)",
    "i2 = int_lt(i0, i1)",
    "guard_false(i2) [i0, 1]",
    "i3 = int_add(i0, i1)",
    "guard_false(i3) [i3, i1]",
    "guard_true(i1) [0, i0]",
    "jump(0, i1)",
    "",
  ].join("\n"));
});

/** Descriptor 8 is a Uint8Array's items: 0..255. */
class ByteItems extends DescrInfo {
  arrayItemBound(descr: number): IntBound {
    return descr === 8 ? new IntBound(0, 255) : super.arrayItemBound(descr);
  }
}

test("integer bounds: an index checked once decides the next checks; item and mask ranges; a value pinned to one number", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, p1], -1);
  const i2 = t.record(INT_ADD, [i0, c(9)], -1);
  t.recordGuard(GUARD_FALSE, [t.record(INT_LT, [i2, c(0)], -1)], [i2]);
  t.recordGuard(GUARD_FALSE, [t.record(INT_GE, [i2, c(30000)], -1)], [i2]);
  const i5 = t.record(INT_SUB, [i2, c(1)], -1);
  t.record(GETARRAYITEM_I, [p1, i5], 8);
  t.recordGuard(GUARD_FALSE, [t.record(INT_LT, [i5, c(0)], -1)], [i5]);
  t.recordGuard(GUARD_FALSE, [t.record(INT_GE, [i5, c(30000)], -1)], [i5]);
  const i8 = t.record(GETARRAYITEM_I, [p1, i5], 8);
  const i9 = t.record(INT_AND, [i8, c(255)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LE, [i9, c(255)], -1)], [i5]);
  const i11 = t.record(INT_EQ, [i8, c(0)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_EQ, [i11, c(0)], -1)], [i5]);
  t.recordGuard(GUARD_TRUE, [t.record(INT_GT, [i8, c(0)], -1)], [i5]);
  const i15 = t.record(INT_MUL, [i9, c(3)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i15, c(766)], -1)], [i5]);
  t.recordGuard(GUARD_TRUE, [t.record(INT_EQ, [i0, c(40)], -1)], [i5]);
  t.record(JUMP, [t.record(INT_ADD, [i0, c(1)], -1), p1], -1);
  check(t, [new ConstantFolding(), new IntBounds(new ByteItems()), new GuardRemoval()], [
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_add(i0, 9)",
    "i3 = int_lt(i2, 0)",
    "guard_false(i3) [i2]",
    "i4 = int_ge(i2, 30000)",
    "guard_false(i4) [i2]",
    "i5 = int_sub(i2, 1)",
    "i6 = getarrayitem_gc_i(p1, i5, descr=8)",
    "i7 = int_lt(i5, 0)",
    "guard_false(i7) [i5]",
    "i8 = int_ge(i5, 30000)",
    "guard_false(i8) [i5]",
    "i9 = getarrayitem_gc_i(p1, i5, descr=8)",
    "i10 = int_and(i9, 255)",
    "i11 = int_le(i10, 255)",
    "guard_true(i11) [i5]",
    "i12 = int_eq(i9, 0)",
    "i13 = int_eq(i12, 0)",
    "guard_true(i13) [i5]",
    "i14 = int_gt(i9, 0)",
    "guard_true(i14) [i5]",
    "i15 = int_mul(i10, 3)",
    "i16 = int_lt(i15, 766)",
    "guard_true(i16) [i5]",
    "i17 = int_eq(i0, 40)",
    "guard_true(i17) [i5]",
    "i18 = int_add(i0, 1)",
    "jump(i18, p1)",
  ], [
    // i0 + 9 in 0..29999: i0 in -9..29990, i0 + 8 in -1..29998, and after the read of item
    // i0 + 8, in 0..29998: its checks go. (The heap cache, not in this chain, would reuse
    // the first read for the second.)
    // An item is in 0..255, and so is `& 255`. `(item == 0) == 0` is `item != 0` (folding):
    // once it holds, the item is 1..255 (> 0).
    // `& 255` times 3 is at most 765. After i0 == 40 holds, i0 is 40: i0 + 1 is 41.
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_add(i0, 9)",
    "i3 = int_lt(i2, 0)",
    "guard_false(i3) [i2]",
    "i4 = int_ge(i2, 30000)",
    "guard_false(i4) [i2]",
    "i5 = int_add(i0, 8)",
    "i6 = getarrayitem_gc_i(p1, i5, descr=8)",
    "i7 = getarrayitem_gc_i(p1, i5, descr=8)",
    "i8 = int_and(i7, 255)",
    "i9 = int_eq(i7, 0)",
    "i10 = int_ne(i7, 0)",
    "guard_true(i10) [i5]",
    "i11 = int_mul(i8, 3)",
    "i12 = int_eq(i0, 40)",
    "guard_true(i12) [i5]",
    "jump(41, p1)",
  ]);
});

/** Descriptor 8: the byte items of a 30000-byte array (a tape), when it is a constant. */
class ByteTape extends ByteItems {
  typedLengthOf(obj: ConstRef, descr: number): number {
    return descr === 8 ? 30000 : super.typedLengthOf(obj, descr);
  }
}

test("integer bounds: the ints within 32 bits where they are defined (narrow), and item indices split from a base in range", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const i1 = t.addInput(TYPE_INT);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [i0, i1, i2], -1);
  const tape = new ConstRef(4096);
  const sum = t.record(INT_ADD, [i0, c(9)], -1);
  t.recordGuard(GUARD_FALSE, [t.record(INT_LT, [sum, c(0)], -1)], [sum]);
  t.recordGuard(GUARD_FALSE, [t.record(INT_GE, [sum, c(30000)], -1)], [sum]);
  const back = t.record(INT_SUB, [sum, c(10)], -1);
  const item = t.record(GETARRAYITEM_I, [tape, sum], 8);
  t.recordGuard(GUARD_FALSE, [t.record(INT_LT, [i0, c(0)], -1)], [i0]);
  const next = t.record(INT_ADD, [i0, c(2)], -1);
  const item2 = t.record(GETARRAYITEM_I, [tape, next], 8);
  const product = t.record(INT_MUL, [item, c(1 << 23)], -1);
  const tooBig = t.record(INT_MUL, [item, c(1 << 24)], -1);
  const masked = t.record(INT_AND, [i1, c(-2)], -1);
  const xor32 = t.record(INT32_XOR, [i1, c(5)], -1);
  const lt = t.record(INT_LT, [i1, c(3)], -1);
  const scaled = t.record(INT_ADD, [i2, c(1)], -1);
  t.record(JUMP, [back, i1, i2], -1);
  const bounds = new IntBounds(new ByteTape());
  const opt = new Optimizer([bounds]);
  // An input assumed in an interval (a peeled loop's label argument) is narrow from the start.
  bounds.assume(i2, new IntBound(0, 100), opt);
  opt.run(t);
  // i0 + 9 is unbounded where it is defined (the guards after it bound it, too late); its
  // difference with 10, defined after them, is in -10..29989. A byte item, `* 2^23` of one
  // (at most 255 * 2^23 < 2^31), an int32 operator, a comparison are narrow; `* 2^24` of a
  // byte is not, nor `& -2` of an unbounded int.
  assert.equal(
    [i0, i1, i2, sum, back, item, item2, product, tooBig, masked, xor32, lt, scaled].map((v) => v.narrow),
    [false, false, true, false, true, true, true, true, false, false, true, true, true],
  );
  // The item at i0 + 9 is in range (0..29999), but i0 may be -9 there: its index stays whole.
  // After i0 >= 0, the item at i0 + 2 is addressed from i0 with 2 in the offset.
  assert.ok(item.inBounds && item.indexBase === null);
  assert.ok(item2.inBounds && item2.indexBase === i0 && item2.indexOffset === 2);
});

test("CSE: pure operations (commutative ones in either order, elidable calls) share one result", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const i1 = t.addInput(TYPE_INT);
  const p2 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, i1, p2], -1);
  const i3 = t.record(INT_ADD, [i0, i1], -1);
  const i4 = t.record(INT_ADD, [i1, i0], -1);
  const i5 = t.record(INT_SUB, [i0, i1], -1);
  t.record(INT_SUB, [i1, i0], -1);
  const i7 = t.record(INT_MUL, [i3, i4], -1);
  t.record(CALL_PURE_I, [i0], 4);
  const i9 = t.record(CALL_PURE_I, [i0], 4);
  t.record(CALL_PURE_I, [i0], 5);
  t.record(CALL_I, [i0], 4);
  t.record(CALL_I, [i0], 4);
  t.record(ARRAYLEN, [p2], 3);
  const i14 = t.record(ARRAYLEN, [p2], 3);
  t.recordGuard(GUARD_TRUE, [i4], [i4, i9, i14]);
  t.record(JUMP, [i7, i5, p2], -1);
  check(t, [new PureCSE()], [
    "[i0, i1, p2]",
    "label(i0, i1, p2)",
    "i3 = int_add(i0, i1)",
    "i4 = int_add(i1, i0)",
    "i5 = int_sub(i0, i1)",
    "i6 = int_sub(i1, i0)",
    "i7 = int_mul(i3, i4)",
    "i8 = call_pure_i(i0, descr=4)",
    "i9 = call_pure_i(i0, descr=4)",
    "i10 = call_pure_i(i0, descr=5)",
    "i11 = call_i(i0, descr=4)",
    "i12 = call_i(i0, descr=4)",
    "i13 = arraylen_gc(p2, descr=3)",
    "i14 = arraylen_gc(p2, descr=3)",
    "guard_true(i4) [i4, i9, i14]",
    "jump(i7, i5, p2)",
  ], [
    "[i0, i1, p2]",
    "label(i0, i1, p2)",
    "i3 = int_add(i0, i1)",
    "i4 = int_sub(i0, i1)",
    "i5 = int_sub(i1, i0)",
    "i6 = int_mul(i3, i3)",
    "i7 = call_pure_i(i0, descr=4)",
    "i8 = call_pure_i(i0, descr=5)",
    "i9 = call_i(i0, descr=4)",
    "i10 = call_i(i0, descr=4)",
    "i11 = arraylen_gc(p2, descr=3)",
    "guard_true(i3) [i3, i7, i11]",
    "jump(i6, i4, p2)",
  ]);
});

test("heap cache: field reads after reads and writes, aliasing, calls", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const p1 = t.addInput(TYPE_REF);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, p1, i2], -1);
  const i3 = t.record(GETFIELD_I, [p0], 1);
  const i4 = t.record(GETFIELD_I, [p0], 1);
  t.record(GETFIELD_I, [p0], 2);
  t.record(SETFIELD, [p1, i2], 1);
  const i6 = t.record(GETFIELD_I, [p1], 1);
  const i7 = t.record(GETFIELD_I, [p0], 1);
  const i8 = t.record(GETFIELD_I, [p0], 2);
  t.record(SETFIELD, [p1, i2], 1);
  t.record(CALL_N, [p0], 9);
  t.record(GETFIELD_I, [p0], 2);
  const i10 = t.record(CALL_PURE_I, [i2], 8);
  const i11 = t.record(GETFIELD_I, [p0], 2);
  const i12 = t.record(INT_ADD, [i4, i6], -1);
  const i13 = t.record(INT_ADD, [i7, i8], -1);
  const i14 = t.record(INT_ADD, [i12, i13], -1);
  const i15 = t.record(INT_ADD, [i14, i11], -1);
  t.recordGuard(GUARD_TRUE, [i10], [i3, i15]);
  t.record(JUMP, [p0, p1, i15], -1);
  check(t, [new HeapCache(new DescrInfo())], [
    "[p0, p1, i2]",
    "label(p0, p1, i2)",
    "i3 = getfield_gc_i(p0, descr=1)",
    "i4 = getfield_gc_i(p0, descr=1)",
    "i5 = getfield_gc_i(p0, descr=2)",
    "setfield_gc(p1, i2, descr=1)",
    "i6 = getfield_gc_i(p1, descr=1)",
    "i7 = getfield_gc_i(p0, descr=1)",
    "i8 = getfield_gc_i(p0, descr=2)",
    "setfield_gc(p1, i2, descr=1)",
    "call_n(p0, descr=9)",
    "i9 = getfield_gc_i(p0, descr=2)",
    "i10 = call_pure_i(i2, descr=8)",
    "i11 = getfield_gc_i(p0, descr=2)",
    "i12 = int_add(i4, i6)",
    "i13 = int_add(i7, i8)",
    "i14 = int_add(i12, i13)",
    "i15 = int_add(i14, i11)",
    "guard_true(i10) [i3, i15]",
    "jump(p0, p1, i15)",
  ], [
    "[p0, p1, i2]",
    "label(p0, p1, i2)",
    "i3 = getfield_gc_i(p0, descr=1)",
    "i4 = getfield_gc_i(p0, descr=2)",
    "setfield_gc(p1, i2, descr=1)",
    "i5 = getfield_gc_i(p0, descr=1)", // p0 may be p1
    "call_n(p0, descr=9)", // may write anything
    "i6 = getfield_gc_i(p0, descr=2)",
    "i7 = call_pure_i(i2, descr=8)", // writes nothing
    "i8 = int_add(i3, i2)",
    "i9 = int_add(i5, i4)",
    "i10 = int_add(i8, i9)",
    "i11 = int_add(i10, i6)",
    "guard_true(i7) [i3, i11]",
    "jump(p0, p1, i11)",
  ]);
});

test("heap cache: a residual call forgets the fields its callee may write (the descriptor says), every item", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [p0, p1], -1);
  const a = t.record(GETFIELD_I, [p0], 1);
  const b = t.record(GETFIELD_I, [p1], 2);
  const x = t.record(GETARRAYITEM_I, [p0, new ConstInt(0)], 3);
  t.record(CALL_N, [p0], 20); // writes fields of descriptor 2 only
  const a2 = t.record(GETFIELD_I, [p0], 1);
  const b2 = t.record(GETFIELD_I, [p1], 2);
  const x2 = t.record(GETARRAYITEM_I, [p0, new ConstInt(0)], 3);
  t.record(CALL_N, [p0], 21); // any
  const a3 = t.record(GETFIELD_I, [p0], 1);
  const sum = [b, x, a2, b2, x2, a3].reduce((acc: Value, v) => t.record(INT_ADD, [acc, v], -1), a);
  t.record(JUMP, [p0, p1, sum], -1);
  class CallEffects extends DescrInfo {
    callMayWrite(call: number, field: number): boolean {
      return call !== 20 || field === 2;
    }
  }
  new Optimizer([new HeapCache(new CallEffects())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, p1]",
    "label(p0, p1)",
    "i2 = getfield_gc_i(p0, descr=1)",
    "i3 = getfield_gc_i(p1, descr=2)",
    "i4 = getarrayitem_gc_i(p0, 0, descr=3)",
    "call_n(p0, descr=20)",
    "i5 = getfield_gc_i(p1, descr=2)",
    "i6 = getarrayitem_gc_i(p0, 0, descr=3)",
    "call_n(p0, descr=21)",
    "i7 = getfield_gc_i(p0, descr=1)",
    "i8 = int_add(i2, i3)",
    "i9 = int_add(i8, i4)",
    "i10 = int_add(i9, i2)", // p0's descr-1 field survived the first call
    "i11 = int_add(i10, i5)",
    "i12 = int_add(i11, i6)",
    "i13 = int_add(i12, i7)",
    "jump(p0, p1, i13)",
    "",
  ].join("\n"));
});

test("heap cache: array items by index; a write is known where a read showed the index in range", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1, i2], -1);
  const i3 = t.record(GETARRAYITEM_I, [p0, i1], 3);
  const i4 = t.record(GETARRAYITEM_I, [p0, i1], 3);
  t.record(SETARRAYITEM, [p0, c(0), i2], 3);
  const i5 = t.record(GETARRAYITEM_I, [p0, c(0)], 3);
  const i6 = t.record(GETARRAYITEM_I, [p0, c(1)], 3);
  t.record(SETARRAYITEM, [p0, c(1), i3], 3);
  const i7 = t.record(GETARRAYITEM_I, [p0, c(0)], 3);
  const i8 = t.record(GETARRAYITEM_I, [p0, c(1)], 3);
  t.record(SETARRAYITEM, [p0, c(1), i8], 3);
  t.record(SETARRAYITEM, [p0, i1, i6], 3);
  const i9 = t.record(GETARRAYITEM_I, [p0, c(1)], 4);
  const i10 = t.record(GETARRAYITEM_I, [p0, i1], 3);
  const i11 = t.record(GETARRAYITEM_I, [p0, c(1)], 3);
  const sum = [i4, i5, i7, i8, i9, i10, i11].reduce((acc: Value, v) => t.record(INT_ADD, [acc, v], -1), i3);
  t.record(JUMP, [p0, sum, i2], -1);
  new Optimizer([new HeapCache(new ExactItems())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, i1, i2]",
    "label(p0, i1, i2)",
    "i3 = getarrayitem_gc_i(p0, i1, descr=3)",
    "setarrayitem_gc(p0, 0, i2, descr=3)", // kept back (lazy) until the read of the same item
    "i4 = getarrayitem_gc_i(p0, 0, descr=3)", // index 0 not yet shown in range: read
    "i5 = getarrayitem_gc_i(p0, 1, descr=3)",
    "setarrayitem_gc(p0, 1, i3, descr=3)", // p0[0] stays known: another constant index; emitted before the write at i1, which may be 1
    "i6 = getarrayitem_gc_i(p0, 1, descr=4)", // another kind of array: the write at i1 stays kept back
    "setarrayitem_gc(p0, i1, i5, descr=3)", // p0[1] = i3 was known: the write of i3 goes; i1 may be 0 or 1
    "i7 = getarrayitem_gc_i(p0, 1, descr=3)", // the write at i1 may have changed it
    "i8 = int_add(i3, i3)",
    "i9 = int_add(i8, i4)",
    "i10 = int_add(i9, i4)", // p0[0] read again: the value read before
    "i11 = int_add(i10, i3)", // p0[1] read after the write of i3
    "i12 = int_add(i11, i6)",
    "i13 = int_add(i12, i5)", // p0[i1] is the i5 just written (i1 was shown in range)
    "i14 = int_add(i13, i7)",
    "jump(p0, i14, i2)",
    "",
  ].join("\n"));
});

test("heap cache: an int written to an array of unknown kind is read again (a narrow typed array wraps it)", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  t.record(GETARRAYITEM_I, [p0, c(0)], 7);
  t.record(SETARRAYITEM, [p0, c(0), i1], 7);
  const i3 = t.record(GETARRAYITEM_I, [p0, c(0)], 7);
  t.record(SETARRAYITEM, [p0, c(0), i3], 7);
  t.record(JUMP, [p0, i3], -1);
  new Optimizer([new HeapCache(new DescrInfo())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    "label(p0, i1)",
    "i2 = getarrayitem_gc_i(p0, 0, descr=7)",
    "setarrayitem_gc(p0, 0, i1, descr=7)",
    "i3 = getarrayitem_gc_i(p0, 0, descr=7)",
    "jump(p0, i3)", // the write of what was just read goes
    "",
  ].join("\n"));
});

test("dead operations: unused pure results and allocations go; reads (which check their index), fail arguments and effects stay", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, p1], -1);
  const i2 = t.record(INT_ADD, [i0, c(1)], -1);
  const i3 = t.record(INT_MUL, [i0, c(2)], -1);
  t.record(GETFIELD_I, [p1], 1);
  t.record(NEW, [], 6);
  const i6 = t.record(INT_LT, [i0, c(10)], -1);
  t.recordGuard(GUARD_TRUE, [i6], [i2]);
  t.record(CALL_I, [i0], 9);
  t.record(INT_ADD, [i3, c(1)], -1);
  const i9 = t.record(INT_SUB, [i0, c(1)], -1);
  t.record(JUMP, [i9, p1], -1);
  removeDeadOps(t);
  assert.fixture(printTrace(t), [
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_add(i0, 1)",
    "i3 = getfield_gc_i(p1, descr=1)",
    "i4 = int_lt(i0, 10)",
    "guard_true(i4) [i2]",
    "i5 = call_i(i0, descr=9)",
    "i6 = int_sub(i0, 1)",
    "jump(i6, p1)",
    "",
  ].join("\n"));
});

/** What a tracer records for a dispatch loop running one guest instruction: read the opcode
 *  from the code (a green, so promoted), dispatch, do the instruction on a tape. */
function dispatchLoop(): Trace {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT); // pc
  const p1 = t.addInput(TYPE_REF); // code
  const p2 = t.addInput(TYPE_REF); // tape
  const i3 = t.addInput(TYPE_INT); // pos
  t.record(LABEL, [i0, p1, p2, i3], -1);
  const op = t.record(GETARRAYITEM_I, [p1, i0], 2);
  t.recordGuard(GUARD_VALUE, [op, c(43)], [i0, p1, p2, i3]);
  const isPlus = t.record(INT_EQ, [op, c(43)], -1);
  t.recordGuard(GUARD_TRUE, [isPlus], [i0, p1, p2, i3]);
  const cell = t.record(GETARRAYITEM_I, [p2, i3], 3);
  const inc = t.record(INT_ADD, [cell, c(1)], -1);
  const wrapped = t.record(INT_AND, [inc, c(255)], -1);
  t.record(SETARRAYITEM, [p2, i3, wrapped], 3);
  const again = t.record(GETARRAYITEM_I, [p2, i3], 3);
  const nonzero = t.record(INT_NE, [again, c(0)], -1);
  t.recordGuard(GUARD_TRUE, [nonzero], [i0, p1, p2, i3, again]);
  const scaled = t.record(INT_MUL, [op, c(2)], -1);
  const pc = t.record(INT_ADD, [i0, c(1)], -1);
  const pc2 = t.record(INT_SUB, [pc, c(0)], -1);
  t.record(INT_ADD, [scaled, pc2], -1);
  t.record(JUMP, [pc2, p1, p2, i3], -1);
  return t;
}

test("optimizeLoop: the passes together on a dispatch loop", () => {
  const t = dispatchLoop();
  assert.fixture(printTrace(t), [
    "[i0, p1, p2, i3]",
    "label(i0, p1, p2, i3)",
    "i4 = getarrayitem_gc_i(p1, i0, descr=2)",
    "guard_value(i4, 43) [i0, p1, p2, i3]",
    "i5 = int_eq(i4, 43)",
    "guard_true(i5) [i0, p1, p2, i3]",
    "i6 = getarrayitem_gc_i(p2, i3, descr=3)",
    "i7 = int_add(i6, 1)",
    "i8 = int_and(i7, 255)",
    "setarrayitem_gc(p2, i3, i8, descr=3)",
    "i9 = getarrayitem_gc_i(p2, i3, descr=3)",
    "i10 = int_ne(i9, 0)",
    "guard_true(i10) [i0, p1, p2, i3, i9]",
    "i11 = int_mul(i4, 2)",
    "i12 = int_add(i0, 1)",
    "i13 = int_sub(i12, 0)",
    "i14 = int_add(i11, i13)",
    "jump(i13, p1, p2, i3)",
    "",
  ].join("\n"));
  optimizeLoop(t);
  assert.fixture(printTrace(t), [
    "[i0, p1, p2, i3]",
    "label(i0, p1, p2, i3)",
    "i4 = getarrayitem_gc_i(p1, i0, descr=2)",
    "guard_value(i4, 43) [i0, p1, p2, i3]",
    "i5 = getarrayitem_gc_i(p2, i3, descr=3)",
    "i6 = int_add(i5, 1)",
    "i7 = int_and(i6, 255)",
    "setarrayitem_gc(p2, i3, i7, descr=3)",
    "i8 = getarrayitem_gc_i(p2, i3, descr=3)", // the tape's kind is not known: it may wrap
    "i9 = int_ne(i8, 0)",
    "guard_true(i9) [i0, p1, p2, i3, i8]",
    "i10 = int_add(i0, 1)",
    "jump(i10, p1, p2, i3)",
    "",
  ].join("\n"));
});

test("optimizeLoop keeps the operation objects (resume data attached to a guard stays)", () => {
  const t = dispatchLoop();
  const guard = t.ops[11];
  assert.is(guard.opnum, GUARD_TRUE);
  optimizeLoop(t);
  assert.ok(t.ops.includes(guard));
  assert.is(t.ops[0].opnum, LABEL);
  assert.is(t.ops[t.ops.length - 1].opnum, JUMP);
});

// ---- The property. A random trace: inputs a counter, ints and floats; label; the counter
// incremented and a guard leaving at a limit (so every run ends); random operations, guards
// (their fail arguments every value so far) and repeated operations (for CSE); jump with the
// ints masked to 16 bits. The operations keep ints far below 2^53 for a dozen steps (small
// multipliers and shift counts), where the untranslated evaluator's doubles are exact.

const INT_BINARY = [INT_ADD, INT_SUB, INT_AND, INT_OR, INT_XOR, INT_LT, INT_LE, INT_GT, INT_GE, INT_EQ, INT_NE];
const FLOAT_BINARY = [FLOAT_ADD, FLOAT_SUB, FLOAT_MUL, FLOAT_DIV, FLOAT_LT];

const stepSpec = fc.record({ kind: fc.nat(9), op: fc.nat(), a: fc.nat(), b: fc.nat(), k: fc.integer({ min: -3, max: 3 }) });
const traceSpec = fc.record({
  limit: fc.integer({ min: 1, max: 12 }),
  ints: fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 3 }),
  floats: fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 2 }),
  steps: fc.array(stepSpec, { maxLength: 12 }),
  jump: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
});
type TraceSpec = typeof traceSpec extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(xs: T[], n: number): T {
  return xs[n % xs.length];
}

/** The trace a spec describes, and its input frame. */
function build(spec: TraceSpec): { trace: Trace; frame: JitFrame } {
  const t = new Trace();
  const frame = new JitFrame();
  const ints: Value[] = [];
  const floats: Value[] = [];
  const all: Value[] = [];
  const add = (v: Value, pool: Value[]) => { pool.push(v); all.push(v); return v; };
  const counter = add(t.addInput(TYPE_INT), ints);
  frame.setInt(0, 0);
  spec.ints.forEach((x, i) => { add(t.addInput(TYPE_INT), ints); frame.setInt(1 + i, x); });
  spec.floats.forEach((x, i) => { add(t.addInput(TYPE_FLOAT), floats); frame.setFloat(1 + spec.ints.length + i, x); });
  const label = t.record(LABEL, [...all], -1);
  const next = add(t.record(INT_ADD, [counter, c(1)], -1), ints);
  t.recordGuard(GUARD_TRUE, [add(t.record(INT_LT, [next, c(spec.limit)], -1), ints)], [...all]);
  const recorded: ResOp[] = [];
  const intArg = (n: number, k: number) => (n % 4 === 0 ? c(k) : pick(ints, n));
  for (const s of spec.steps) {
    let op: ResOp;
    switch (s.kind) {
      case 0: case 1: case 2:
        op = add(t.record(pick(INT_BINARY, s.op), [intArg(s.a, s.k), intArg(s.b, s.k + 1)], -1), ints) as ResOp;
        break;
      case 3:
        op = add(t.record(pick([INT_MUL, INT_LSHIFT, INT_RSHIFT], s.op), [pick(ints, s.a), c(Math.abs(s.k) % (s.op % 3 === 0 ? 4 : 3))], -1), ints) as ResOp;
        break;
      case 4:
        if (floats.length === 0) continue;
        op = t.record(pick(FLOAT_BINARY, s.op), [pick(floats, s.a), s.b % 3 === 0 ? cf(s.k / 2) : pick(floats, s.b)], -1);
        add(op, op.type === TYPE_FLOAT ? floats : ints);
        break;
      case 5:
        op = t.recordGuard(s.op % 2 === 0 ? GUARD_TRUE : GUARD_FALSE, [pick(ints, s.a)], [...all]);
        break;
      case 6:
        op = t.recordGuard(GUARD_VALUE, [pick(ints, s.a), c(s.k)], [...all]);
        break;
      case 7:
        op = add(t.record(SAME_AS_I, [pick(ints, s.a)], -1), ints) as ResOp;
        break;
      default: {
        // An earlier operation again, with the same arguments.
        if (recorded.length === 0) continue;
        const earlier = pick(recorded, s.a);
        op = earlier.failArgs.length > 0
          ? t.recordGuard(earlier.opnum, [...earlier.args], [...all])
          : add(t.record(earlier.opnum, [...earlier.args], -1), earlier.type === TYPE_FLOAT ? floats : ints) as ResOp;
      }
    }
    recorded.push(op);
  }
  const jumpArgs = label.args.map((v, i) => {
    if (v === counter) return next;
    if (v.type === TYPE_FLOAT) return pick(floats, spec.jump[i % 5]);
    return t.record(INT_AND, [pick(ints, spec.jump[i % 5]), c(65535)], -1);
  });
  t.record(JUMP, jumpArgs, -1);
  return { trace: t, frame };
}

/** Runs the trace on a copy of the frame: the exit it leaves by, and the values it hands back. */
function evaluate(trace: Trace, frame: JitFrame): { exit: ResOp; values: number[] } {
  const f = new JitFrame();
  frame.ints.forEach((x, i) => f.setInt(i, x));
  frame.floats.forEach((x, i) => { if (x !== 0) f.setFloat(i, x); });
  const exit = exitOps(trace)[evaluateLoop(trace, f)];
  const values = exitValues(exit);
  const slots = frameSlots(values);
  return { exit, values: values.map((v, i) => (v.type === TYPE_FLOAT ? f.floats[slots[i]] : f.ints[slots[i]])) };
}

test("property: a random loop trace leaves by the same guard with the same values after optimizeLoop", () => {
  fc.assert(
    fc.property(traceSpec, (spec) => {
      const { trace, frame } = build(spec);
      const printed = printTrace(trace);
      const before = evaluate(trace, frame);
      optimizeLoop(trace);
      const after = evaluate(trace, frame);
      if (after.exit !== before.exit || !Object.is(String(after.values), String(before.values))) {
        throw new Error(`before:\n${printed}${JSON.stringify(before.values)}\nafter:\n${printTrace(trace)}${JSON.stringify(after.values)}`);
      }
    }),
    { numRuns: Number(process.env.RTS_FUZZ_CASES ?? 300) },
  );
});

test.run();
