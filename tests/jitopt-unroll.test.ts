// Unrolling for the virtual state a loop carries (rlib/jitrt/opt/peel.ts unroll, virtuals.ts
// JumpExport), run untranslated on hand-written traces; the expected traces are reasoned out
// by hand from the input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CALL_N, ConstInt, GETFIELD_I, GETFIELD_R, GUARD_TRUE, INT_ADD, INT_LT, JUMP, LABEL, NEW, SETFIELD, Trace, TYPE_INT, TYPE_REF } from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { optimizeTrace } from "../rlib/jitrt/opt/index.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";

const c = (n: number) => new ConstInt(n);

/** A NEW's descriptor 100 + k makes objects of type id k. */
class Classes extends DescrInfo {
  newTypeId(descr: number): number {
    return descr >= 100 ? descr - 100 : -1;
  }
}

/** A counting loop on a boxed int: each iteration reads the box the last one allocated and
 *  allocates the next (an interpreter's fixnum); `escape` also passes the box to a call. */
function boxedLoop(escape: boolean): Trace {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  const x = t.record(GETFIELD_I, [p0], 7);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [x, i1], -1)], [p0, i1]).resume = 0;
  const box = t.record(NEW, [], 140);
  t.record(SETFIELD, [box, t.record(INT_ADD, [x, c(1)], -1)], 7);
  if (escape) t.record(CALL_N, [box], 5);
  t.record(JUMP, [box, i1], -1);
  return t;
}

test("unroll: the box the jump carries becomes its field; the loop after the preamble allocates nothing", () => {
  const t = optimizeTrace(boxedLoop(false), new Classes());
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    // The preamble: the first iteration, on the box it was given; its jump passes the new
    // box's field instead of the box.
    "label(p0, i1)",
    "i2 = getfield_gc_i(p0, descr=7)",
    "i3 = int_lt(i2, i1)",
    "guard_true(i3) [p0, i1]",
    "i4 = int_add(i2, 1)",
    "jump(i4, i1)",
    // The loop: the box is its label's int; a guard's failure builds it.
    "label(i5, i6)",
    "i7 = int_lt(i5, i6)",
    "guard_true(i7) [p8, i6]",
    "    on failure: p8 = new(descr=140)",
    "    on failure: setfield_gc(p8, i5, descr=7)",
    "i9 = int_add(i5, 1)",
    "jump(i9, i6)",
    "",
  ].join("\n"));
  assert.ok(t.unrolled);
});

test("unroll: not when the box escapes (it is allocated in the loop all the same)", () => {
  const t = optimizeTrace(boxedLoop(true), new Classes());
  assert.not.ok(t.unrolled);
  assert.is(t.ops.filter((op) => op.opnum === LABEL).length, 1, printTrace(t));
  assert.is(t.ops.filter((op) => op.opnum === NEW).length, 1, printTrace(t));
});

test("unroll: nested boxes become their leaves, in order; a box seen twice is not exported", () => {
  // The jump carries a pair (descr 101) of a box (descr 140) and an int.
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  t.record(LABEL, [p0], -1);
  const inner = t.record(GETFIELD_R, [p0], 8);
  const x = t.record(GETFIELD_I, [inner], 7);
  const k = t.record(GETFIELD_I, [p0], 9);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [x, k], -1)], [p0]).resume = 0;
  const box = t.record(NEW, [], 140);
  t.record(SETFIELD, [box, t.record(INT_ADD, [x, c(1)], -1)], 7);
  const pair = t.record(NEW, [], 101);
  t.record(SETFIELD, [pair, box], 8);
  t.record(SETFIELD, [pair, k], 9);
  t.record(JUMP, [pair], -1);
  optimizeTrace(t, new Classes());
  assert.ok(t.unrolled, printTrace(t));
  const lines = printTrace(t).split("\n");
  assert.ok(lines.includes("jump(i5, i3)"), printTrace(t));
  assert.ok(lines.includes("label(i6, i7)"), printTrace(t));
  assert.ok(lines.includes("i8 = int_lt(i6, i7)"), printTrace(t));
  assert.is(t.ops.filter((op) => op.opnum === NEW).length, 0, printTrace(t));

  const twice = new Trace();
  const q0 = twice.addInput(TYPE_REF);
  const q1 = twice.addInput(TYPE_REF);
  twice.record(LABEL, [q0, q1], -1);
  const y = twice.record(GETFIELD_I, [q0], 7);
  twice.recordGuard(GUARD_TRUE, [twice.record(INT_LT, [y, c(10)], -1)], [q0, q1]).resume = 0;
  const b = twice.record(NEW, [], 140);
  twice.record(SETFIELD, [b, twice.record(INT_ADD, [y, c(1)], -1)], 7);
  twice.record(JUMP, [b, b], -1);
  optimizeTrace(twice, new Classes());
  assert.not.ok(twice.unrolled, printTrace(twice));
});

test.run();
