// Guard strengthening (rlib/jitrt/opt/strengthen.ts) in the whole optimizer, run
// untranslated on hand-written traces; the expected traces are reasoned out by hand.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  ConstInt, FINISH, GUARD_FALSE, GUARD_TRUE, INT_AND, INT_GE, INT_GT, INT_LE, INT_LT, INT_SUB, JUMP, LABEL, Trace, TYPE_INT, TYPE_REF,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { optimizeTrace } from "../rlib/jitrt/opt/index.ts";
import { strengthenGuards } from "../rlib/jitrt/opt/strengthen.ts";

const SAFE = 9007199254740991; // 2^53 - 1

/** An interpreter's checks on a subtraction's result: it stays a safe integer, then it is
 *  small enough for a cache of boxed numbers. Each guard names its own condition among
 *  its fail arguments (the interpreter's condition register). */
function boxedResult(t: Trace, x: ReturnType<Trace["addInput"]>, p: ReturnType<Trace["addInput"]>) {
  const r = t.record(INT_SUB, [x, new ConstInt(1)], -1);
  const c1 = t.record(INT_LE, [r, new ConstInt(SAFE)], -1);
  t.recordGuard(GUARD_TRUE, [c1], [x, c1, p]);
  const c2 = t.record(INT_GE, [r, new ConstInt(-SAFE)], -1);
  t.recordGuard(GUARD_TRUE, [c2], [x, c2, p]);
  const c3 = t.record(INT_LT, [r, new ConstInt(-128)], -1);
  t.recordGuard(GUARD_FALSE, [c3], [r, c3, p]);
  const c4 = t.record(INT_LE, [r, new ConstInt(1023)], -1);
  t.recordGuard(GUARD_TRUE, [c4], [r, c4, p]);
  return r;
}

test("a side bounded by two later guards: the stronger is checked right after the first guard on the value, with its resume data, and both later ones go; a side bounded once stays where it is", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  const r = boxedResult(t, i0, p1);
  t.record(FINISH, [r, p1], -1);
  const anchorResume = 7;
  t.ops[2].resume = anchorResume;
  optimizeTrace(t);
  assert.fixture(printTrace(t), [
    "[i0, p1]",
    "i2 = int_sub(i0, 1)",
    "i3 = int_le(i2, 9007199254740991)",
    "guard_true(i3) [i0, 0, p1]",
    "i4 = int_lt(i2, -128)",
    "guard_false(i4) [i0, 1, p1]",
    "i5 = int_le(i2, 1023)",
    "guard_true(i5) [i2, 0, p1]",
    "finish(i2, p1)",
    "",
  ].join("\n"));
  const guards = t.ops.filter((op) => op.opnum === GUARD_TRUE || op.opnum === GUARD_FALSE);
  assert.equal(guards.map((g) => g.resume), [anchorResume, anchorResume, -1], "the copy resumes where the first guard does");
});

test("a loop's iterations check their own values: nothing is moved across its LABEL", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const c0 = t.record(INT_LE, [i0, new ConstInt(SAFE)], -1);
  t.recordGuard(GUARD_TRUE, [c0], [i0, c0]);
  t.record(LABEL, [i0], -1);
  const c1 = t.record(INT_LE, [i0, new ConstInt(100)], -1);
  t.recordGuard(GUARD_TRUE, [c1], [i0, c1]);
  t.record(JUMP, [i0], -1);
  const before = printTrace(t);
  strengthenGuards(t);
  assert.fixture(printTrace(t), before);
});

test("a comparison with a constant beyond the kept magnitude is decided where the value is bounded (the check that a result stays a safe integer)", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const small = t.record(INT_AND, [i0, new ConstInt(255)], -1);
  const c1 = t.record(INT_LE, [small, new ConstInt(SAFE)], -1); // small <= 255: holds
  t.recordGuard(GUARD_TRUE, [c1], [i0]);
  const c2 = t.record(INT_GT, [small, new ConstInt(-SAFE)], -1); // small >= 0: holds
  t.recordGuard(GUARD_TRUE, [c2], [i0]);
  const c3 = t.record(INT_LE, [i0, new ConstInt(SAFE)], -1); // i0 unknown: kept
  t.recordGuard(GUARD_TRUE, [c3], [i0]);
  t.record(FINISH, [small], -1);
  optimizeTrace(t);
  assert.fixture(printTrace(t), [
    "[i0]",
    "i1 = int_and(i0, 255)",
    "i2 = int_le(i0, 9007199254740991)",
    "guard_true(i2) [i0]",
    "finish(i1)",
    "",
  ].join("\n"));
});

test.run();
