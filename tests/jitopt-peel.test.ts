// Loop-invariant facts at a loop's label (rlib/jitrt/opt/peel.ts) and typed-array accesses
// proven in range (intbounds.ts, ResOp.inBounds), and the intervals a bridge starts knowing
// from its guard (ResOp.failBounds), run untranslated on hand-written traces;
// the expected traces are reasoned out by hand. Then a property: a random loop trace,
// optimized with optimizeTrace, leaves by the same guard with the same values, or by an
// entry guard with the values it was entered with (which resumes the interpreter there),
// or by an earlier guard on the same value with the same values (strengthen.ts made the
// later check there: the interpreter resumed there makes it again).
import { test } from "uvu";
import fc from "fast-check";
import * as assert from "uvu/assert";
import {
  ConstInt, ConstRef, FINISH, GETARRAYITEM_I, GUARD_FALSE, GUARD_TRUE, GUARD_VALUE, INT_ADD, INT_AND, INT_GE, INT_LT, INT_NE, JUMP, LABEL,
  loopHeader, ResOp, SETARRAYITEM, Trace, TYPE_INT, TYPE_REF, Value,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { evaluateLoop } from "../rlib/jitrt/traceeval.ts";
import { exitOps, exitValues, frameSlots, JitFrame } from "../rlib/jitrt/frame.ts";
import { optimizeLoop, optimizeTrace } from "../rlib/jitrt/opt/index.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";
import { IntBound } from "../rlib/jitrt/opt/bound.ts";

const c = (n: number) => new ConstInt(n);
const TAPE = new ConstRef(4096);

/** Descriptor 8 reads a Uint8Array (items 0..255); the constant array at 4096 has 30000. */
class Tape extends DescrInfo {
  arrayItemBound(descr: number): IntBound {
    return descr === 8 ? new IntBound(0, 255) : super.arrayItemBound(descr);
  }
  typedLengthOf(obj: ConstRef, descr: number): number {
    return descr === 8 && obj.address === TAPE.address ? 30000 : -1;
  }
}

/** BF's `[->>>>>>>>>+<<<<<<<<<]`-like loop moving by `step` per iteration: the tape promoted
 *  at the top (guard_value), the pointer's range checked after each move. */
function bfLoop(step: number): Trace {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, p1], -1);
  t.recordGuard(GUARD_VALUE, [p1, TAPE], [i0, p1]).resume = 0;
  const moved = t.record(INT_ADD, [i0, c(step)], -1);
  t.recordGuard(GUARD_FALSE, [t.record(INT_LT, [moved, c(0)], -1)], [moved, TAPE]).resume = 1;
  t.recordGuard(GUARD_FALSE, [t.record(INT_GE, [moved, c(30000)], -1)], [moved, TAPE]).resume = 2;
  const cell = t.record(GETARRAYITEM_I, [TAPE, moved], 8);
  t.record(SETARRAYITEM, [TAPE, moved, t.record(INT_AND, [t.record(INT_ADD, [cell, c(1)], -1), c(255)], -1)], 8);
  t.recordGuard(GUARD_TRUE, [t.record(INT_NE, [cell, c(0)], -1)], [moved, TAPE]).resume = 3;
  t.record(JUMP, [moved, p1], -1);
  return t;
}

test("typed arrays: an access to a constant array whose index is proven in range has no bounds check", () => {
  const t = bfLoop(-9);
  optimizeLoop(t, new Tape());
  assert.fixture(printTrace(t), [
    // After 0 <= i2 < 30000 the read and the write of the 30000 items need no check.
    "[i0, p1]",
    "label(i0, p1)",
    "guard_value(p1, ConstPtr(4096)) [i0, p1]",
    "i2 = int_add(i0, -9)",
    "i3 = int_lt(i2, 0)",
    "guard_false(i3) [i2, ConstPtr(4096)]",
    "i4 = int_ge(i2, 30000)",
    "guard_false(i4) [i2, ConstPtr(4096)]",
    "i5 = getarrayitem_gc_i(ConstPtr(4096), i2, descr=8, in bounds)",
    "i6 = int_add(i5, 1)",
    "i7 = int_and(i6, 255)",
    "i8 = int_ne(i5, 0)",
    "guard_true(i8) [i2, ConstPtr(4096)]", // the cell's write is kept back (lazy): made if the guard fails, else before the jump
    "    on failure: setarrayitem_gc(ConstPtr(4096), i2, i7, descr=8, in bounds)",
    "setarrayitem_gc(ConstPtr(4096), i2, i7, descr=8, in bounds)",
    "jump(i2, ConstPtr(4096))",
    "",
  ].join("\n"));
});

test("loop facts: the promoted constant and the pointer's range hold at the label; entry guards check them once", () => {
  const t = bfLoop(-9);
  optimizeTrace(t, new Tape());
  assert.fixture(printTrace(t), [
    // One iteration passes back the constant tape and i2 in 0..29999 (it was checked
    // against 0 and 30000). From 0..29999, i0 - 9 is below 30000 always: the loop checks
    // only i0 - 9 >= 0 (and passes back 0..29990). The entry guards resume as the first
    // guard does.
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_ge(i0, 0)",
    "guard_true(i2) [i0, p1]",
    "i3 = int_le(i0, 29999)",
    "guard_true(i3) [i0, p1]",
    "guard_value(p1, ConstPtr(4096)) [i0, p1]",
    "jump(i0, p1)",
    "label(i4, ConstPtr(4096))",
    "i5 = int_add(i4, -9)",
    "i6 = int_lt(i5, 0)",
    "guard_false(i6) [i5, ConstPtr(4096)]",
    "i7 = getarrayitem_gc_i(ConstPtr(4096), i5, descr=8, in bounds)",
    "i8 = int_add(i7, 1)",
    "i9 = int_and(i8, 255)",
    "i10 = int_ne(i7, 0)",
    "guard_true(i10) [i5, ConstPtr(4096)]",
    "    on failure: setarrayitem_gc(ConstPtr(4096), i5, i9, descr=8, in bounds)",
    "setarrayitem_gc(ConstPtr(4096), i5, i9, descr=8, in bounds)",
    "jump(i5, ConstPtr(4096))",
    "",
  ].join("\n"));
  const guards = t.ops.filter((op) => op.failArgs.length > 0);
  assert.equal(guards.map((g) => g.resume), [0, 0, 0, 1, 3]);
});

test("loop facts: the other direction; without a first guard to resume at, no facts", () => {
  // Moving by +1: from 0..29999 the loop checks i0 + 1 < 30000 only.
  const up = bfLoop(1);
  optimizeTrace(up, new Tape());
  const header = loopHeader(up);
  assert.ok(header > 0);
  assert.is(up.ops[header].args[1], TAPE);
  assert.equal(up.ops.slice(header).filter((op) => op.failArgs.length > 0).map((g) => g.resume), [2, 3]);
  // The same loop without the guard_value at the top: one walk, no second label.
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  t.record(LABEL, [i0], -1);
  const moved = t.record(INT_ADD, [i0, c(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [moved, c(100)], -1)], [moved]);
  t.record(JUMP, [moved], -1);
  optimizeTrace(t, new Tape());
  assert.is(loopHeader(t), 0);
});

test("bridges: a guard keeps its fail arguments' intervals (before its own test); a bridge from it starts knowing them", () => {
  const t = bfLoop(-9);
  optimizeLoop(t, new Tape());
  // The loop's test fails with i2 (the pointer after the move) in 0..29999.
  const exit = t.ops.filter((op) => op.failArgs.length > 0).pop()!;
  assert.equal(exit.failBounds.slice(0, 2), [0, 29999]);
  // The pointer's own checks: before guard_false(i2 < 0) nothing is known of i2.
  assert.equal(t.ops.filter((op) => op.failArgs.length > 0)[1].failBounds, []);
  const bridge = new Trace();
  const ptr = bridge.addInput(TYPE_INT);
  bridge.addInput(TYPE_REF);
  const moved = bridge.record(INT_ADD, [ptr, c(9)], -1);
  bridge.recordGuard(GUARD_FALSE, [bridge.record(INT_LT, [moved, c(0)], -1)], [moved]);
  bridge.recordGuard(GUARD_FALSE, [bridge.record(INT_GE, [moved, c(30000)], -1)], [moved]);
  bridge.record(FINISH, [moved, TAPE], -1);
  optimizeTrace(bridge, new Tape(), exit);
  // From 0..29999, ptr + 9 is at least 9: only the upper check is left.
  assert.fixture(printTrace(bridge), [
    "[i0, p1]",
    "i2 = int_add(i0, 9)",
    "i3 = int_ge(i2, 30000)",
    "guard_false(i3) [i2]",
    "finish(i2, ConstPtr(4096))",
    "",
  ].join("\n"));
});

// ---- The property.

const spec = fc.record({
  start: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 2, maxLength: 2 }),
  limit: fc.integer({ min: 1, max: 8 }),
  steps: fc.array(fc.record({ which: fc.nat(1), k: fc.integer({ min: -3, max: 3 }), lo: fc.integer({ min: -10, max: 10 }), span: fc.nat(25) }), { maxLength: 4 }),
  mask: fc.integer({ min: 0, max: 31 }),
});

/** A loop over two ints: a guard at the top on a flag that stays 1 (resume data the entry
 *  guards can borrow), a counter, moves of the ints checked against ranges (as an
 *  interpreter checks indices). */
function randomLoop(s: typeof spec extends fc.Arbitrary<infer T> ? T : never): Trace {
  const t = new Trace();
  const counter = t.addInput(TYPE_INT);
  const flag = t.addInput(TYPE_INT);
  const xs: Value[] = [t.addInput(TYPE_INT), t.addInput(TYPE_INT)];
  const inputs = [counter, flag, ...xs];
  t.record(LABEL, [...inputs], -1);
  let resume = 0;
  const guard = (opnum: number, arg: Value, failArgs: Value[]) => {
    t.recordGuard(opnum, [arg], failArgs).resume = resume++;
  };
  guard(GUARD_TRUE, flag, [...inputs]);
  const next = t.record(INT_ADD, [counter, c(1)], -1);
  guard(GUARD_TRUE, t.record(INT_LT, [next, c(s.limit)], -1), [next, ...xs]);
  for (const step of s.steps) {
    const x = t.record(INT_ADD, [xs[step.which], c(step.k)], -1);
    guard(GUARD_FALSE, t.record(INT_LT, [x, c(step.lo)], -1), [next, x, xs[1 - step.which]]);
    guard(GUARD_FALSE, t.record(INT_GE, [x, c(step.lo + step.span)], -1), [next, x, xs[1 - step.which]]);
    xs[step.which] = x;
  }
  t.record(JUMP, [next, flag, s.mask % 2 === 0 ? xs[0] : t.record(INT_AND, [xs[0], c(s.mask)], -1), xs[1]], -1);
  return t;
}

/** Whether the guards of the trace with these resume numbers test the same value (each a
 *  comparison of it with a constant), and have the same fail arguments. */
function checksSameValue(t: Trace, first: number, second: number): boolean {
  const a = t.ops.find((op) => op.resume === first);
  const b = t.ops.find((op) => op.resume === second);
  if (a === undefined || b === undefined || !(a.args[0] instanceof ResOp) || !(b.args[0] instanceof ResOp)) return false;
  const sameArgs = a.failArgs.length === b.failArgs.length && a.failArgs.every((v, i) => v === b.failArgs[i]);
  return a.args[0].args[0] === b.args[0].args[0] && sameArgs;
}

function run(t: Trace, start: number[]): { exit: ResOp; values: number[] } {
  const f = new JitFrame();
  [0, 1, ...start].forEach((x, i) => f.setInt(i, x));
  const exit = exitOps(t)[evaluateLoop(t, f)];
  const slots = frameSlots(exitValues(exit));
  return { exit, values: exitValues(exit).map((_, i) => f.ints[slots[i]]) };
}

test("property: a peeled random loop leaves as before, or at its entry with the values it was given", () => {
  fc.assert(
    fc.property(spec, (s) => {
      const t = randomLoop(s);
      const printed = printTrace(t);
      const before = run(t, s.start);
      optimizeTrace(t, new Tape());
      const after = run(t, s.start);
      const atEntry = t.ops.indexOf(after.exit) < loopHeader(t);
      const same = after.exit.resume === before.exit.resume && String(after.values) === String(before.values);
      const entered = atEntry && after.exit.resume === 0 && String(after.values) === String([0, 1, ...s.start]);
      const sooner = () => after.exit.resume < before.exit.resume && checksSameValue(randomLoop(s), after.exit.resume, before.exit.resume) &&
        String(after.values) === String(before.values);
      if (!same && !entered && !sooner()) {
        throw new Error(`before:\n${printed}${JSON.stringify(before.values)}\nafter:\n${printTrace(t)}${JSON.stringify(after.values)}`);
      }
    }),
    { numRuns: Number(process.env.RTS_FUZZ_CASES ?? 500) },
  );
});

test.run();
