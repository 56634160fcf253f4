// Virtualizables in the trace optimizer (rlib/jitrt/opt/vable.ts, heap.ts, lazywrites.ts,
// peel.ts), run untranslated on hand-written traces: an owned list (the value of a
// VABLE_ARRAY field) is apart from other lists, a call not passed the frame leaves its
// fields and items known and their writes kept, and a loop carries them across its jump.
// The expected traces are reasoned out by hand from the input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CALL_N, ConstInt, GETFIELD_I, GETFIELD_R, GETLISTITEM_I, GUARD_TRUE, INT_ADD, INT_LT, JUMP, LABEL, SETFIELD, SETLISTITEM, Trace, TYPE_INT, TYPE_REF,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { Optimizer } from "../rlib/jitrt/opt/optimizer.ts";
import { HeapCache } from "../rlib/jitrt/opt/heap.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";
import { optimizeTrace } from "../rlib/jitrt/opt/index.ts";
import { VABLE_ARRAY, VABLE_FIELD } from "../rlib/jitrt/opt/vable.ts";

const c = (n: number) => new ConstInt(n);

/** Field 20 holds a frame's list (of list descriptor 5), field 21 is a frame's int, and
 *  field 22 holds its second list; field 7 is an ordinary field. Calls may write anything. */
class Frames extends DescrInfo {
  vableKind(descr: number): number {
    return descr === 20 || descr === 22 ? VABLE_ARRAY : descr === 21 ? VABLE_FIELD : 0;
  }
}

test("an owned list is apart from other lists and from its frame's other list; a call not passed the frame keeps its items and field known and their writes kept; one passed it sees them", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF); // the frame
  const p1 = t.addInput(TYPE_REF); // another list of the same item type
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, p1, i2], -1);
  const stack = t.record(GETFIELD_R, [p0], 20);
  const vars = t.record(GETFIELD_R, [p0], 22);
  const x = t.record(GETLISTITEM_I, [stack, c(0)], 5); // shown in range
  t.record(SETLISTITEM, [stack, c(0), t.record(INT_ADD, [x, c(1)], -1)], 5); // kept
  const y = t.record(GETLISTITEM_I, [p1, i2], 5); // another list: the kept write stays kept
  t.record(SETLISTITEM, [p1, i2, y], 5); // the same item: dropped (a read gave it)
  t.record(SETLISTITEM, [p1, c(0), i2], 5); // at 0, but not the frame's list: index 0 of it stays known
  const v = t.record(GETLISTITEM_I, [vars, c(0)], 5); // the frame's other list: apart too
  t.record(SETFIELD, [p0, v], 21); // kept
  t.record(SETFIELD, [p1, i2], 7); // an ordinary field: kept
  t.record(CALL_N, [p1], 9); // not passed the frame: the ordinary write is made
  const x2 = t.record(GETLISTITEM_I, [stack, c(0)], 5); // x + 1, known
  const f = t.record(GETFIELD_I, [p0], 21); // v, known
  t.record(CALL_N, [p0], 9); // passed the frame: its writes are made, its items forgotten
  const x3 = t.record(GETLISTITEM_I, [stack, c(0)], 5); // read again
  t.record(JUMP, [p0, p1, t.record(INT_ADD, [t.record(INT_ADD, [x2, f], -1), x3], -1)], -1);
  new Optimizer([new HeapCache(new Frames())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, p1, i2]",
    "label(p0, p1, i2)",
    "p3 = getfield_gc_r(p0, descr=20)",
    "p4 = getfield_gc_r(p0, descr=22)",
    "i5 = getlistitem_gc_i(p3, 0, descr=5)",
    "i6 = int_add(i5, 1)",
    "i7 = getlistitem_gc_i(p1, i2, descr=5)",
    "setlistitem_gc(p1, 0, i2, descr=5)",
    "i8 = getlistitem_gc_i(p4, 0, descr=5)",
    "setfield_gc(p1, i2, descr=7)",
    "call_n(p1, descr=9)",
    "setlistitem_gc(p3, 0, i6, descr=5)",
    "setfield_gc(p0, i8, descr=21)",
    "call_n(p0, descr=9)",
    "i9 = getlistitem_gc_i(p3, 0, descr=5)",
    "i10 = int_add(i6, i8)",
    "i11 = int_add(i10, i9)",
    "jump(p0, p1, i11)",
    "",
  ].join("\n"));
});

/** A loop on a frame: its counter is a frame field (21), its sum an item of its list (20);
 *  a guard leaves when the counter reaches the input's bound. */
function frameLoop(): Trace {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  const n = t.record(GETFIELD_I, [p0], 21);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [n, i1], -1)], [p0, i1]).resume = 0;
  const stack = t.record(GETFIELD_R, [p0], 20);
  const sum = t.record(GETLISTITEM_I, [stack, c(1)], 5);
  t.record(SETLISTITEM, [stack, c(1), t.record(INT_ADD, [sum, n], -1)], 5);
  t.record(SETFIELD, [p0, t.record(INT_ADD, [n, c(1)], -1)], 21);
  t.record(JUMP, [p0, i1], -1);
  return t;
}

test("unroll: the loop's label takes the frame's field, its list and the item; the loop reads and writes no memory, its guard writes them back", () => {
  const t = optimizeTrace(frameLoop(), new Frames());
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    // The preamble: one iteration on the frame as memory holds it; its jump passes the
    // frame's field, its list and the item instead of writing them.
    "label(p0, i1)",
    "i2 = getfield_gc_i(p0, descr=21)",
    "i3 = int_lt(i2, i1)",
    "guard_true(i3) [p0, i1]",
    "p4 = getfield_gc_r(p0, descr=20)",
    "i5 = getlistitem_gc_i(p4, 1, descr=5)",
    "i6 = int_add(i5, i2)",
    "i7 = int_add(i2, 1)",
    "jump(p0, i1, i7, p4, i6)",
    // The loop: the field and the item are registers; the guard's failure path writes
    // both back (the list field, which memory holds, is not written).
    "label(p8, i9, i10, p11, i12)",
    "i13 = int_lt(i10, i9)",
    "guard_true(i13) [p8, i9]",
    "    on failure: setfield_gc(p8, i10, descr=21)",
    "    on failure: setlistitem_gc(p11, 1, i12, descr=5)",
    "i14 = int_add(i12, i10)",
    "i15 = int_add(i10, 1)",
    "jump(p8, i9, i15, p11, i14)",
    "",
  ].join("\n"));
  assert.ok(t.unrolled);
});

test("unroll: without the hint (no virtualizable fields) the same loop is not unrolled and writes every iteration", () => {
  const t = optimizeTrace(frameLoop(), new DescrInfo());
  assert.not.ok(t.unrolled);
  assert.ok(t.ops.some((op) => op.opnum === SETLISTITEM), printTrace(t));
});

test.run();
