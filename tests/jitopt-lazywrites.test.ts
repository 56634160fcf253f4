// Lazy writes in the heap cache (rlib/jitrt/opt/lazywrites.ts, heap.ts), run untranslated on
// hand-written traces: a write is kept back until something may see it (a read or write of
// a place that may be the same, a call, a pop, the jump), made on the failure path of each
// guard passed meanwhile, and dropped when the same place is written again. The expected
// traces are reasoned out by hand from the input (comments say why each write is where it is).
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CALL_N, ConstInt, GETFIELD_I, GETLISTITEM_I, GUARD_TRUE, INT_ADD, INT_LT, JUMP, LABEL, LIST_POP_I, SETARRAYITEM, SETFIELD, SETLISTITEM,
  Trace, TYPE_INT, TYPE_REF,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { Optimizer } from "../rlib/jitrt/opt/optimizer.ts";
import { HeapCache } from "../rlib/jitrt/opt/heap.ts";
import { ConstantFolding } from "../rlib/jitrt/opt/fold.ts";
import { PureCSE } from "../rlib/jitrt/opt/pure.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";

const c = (n: number) => new ConstInt(n);

test("lazy setfields: a second write of a field makes the first dead; guards make them on failure; a read of the descriptor, a call and the jump emit them, in order", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const p1 = t.addInput(TYPE_REF);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, p1, i2], -1);
  t.record(SETFIELD, [p0, i2], 7);
  const i3 = t.record(INT_ADD, [i2, c(1)], -1);
  t.record(SETFIELD, [p0, i3], 7); // the write of i2 is dead
  t.record(SETFIELD, [p1, i2], 8); // another field: no alias
  t.recordGuard(GUARD_TRUE, [i2], [p0]);
  const a = t.record(GETFIELD_I, [p0], 7); // i3, kept back but known
  const b = t.record(GETFIELD_I, [p1], 7); // p1 may be p0: p0's write first
  t.record(SETFIELD, [p1, i2], 7);
  t.record(CALL_N, [p0], 5); // it may read any of them
  t.record(SETFIELD, [p0, b], 8);
  t.record(JUMP, [p0, p1, t.record(INT_ADD, [a, b], -1)], -1);
  new Optimizer([new HeapCache(new DescrInfo())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, p1, i2]",
    "label(p0, p1, i2)",
    "i3 = int_add(i2, 1)",
    "guard_true(i2) [p0]",
    "    on failure: setfield_gc(p0, i3, descr=7)",
    "    on failure: setfield_gc(p1, i2, descr=8)",
    "setfield_gc(p0, i3, descr=7)",
    "i4 = getfield_gc_i(p1, descr=7)",
    "setfield_gc(p1, i2, descr=8)",
    "setfield_gc(p1, i2, descr=7)",
    "call_n(p0, descr=5)",
    "i5 = int_add(i3, i4)",
    "setfield_gc(p0, i4, descr=8)",
    "jump(p0, p1, i5)",
    "",
  ].join("\n"));
});

test("lazy item writes: a list write is kept back where its index is known in range; indices that differ for sure do not alias; a pop emits its descriptor's", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const p1 = t.addInput(TYPE_REF);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, p1, i2], -1);
  const x = t.record(GETLISTITEM_I, [p0, i2], 5); // p0[i2] in range
  t.record(SETLISTITEM, [p0, i2, t.record(INT_ADD, [x, c(1)], -1)], 5); // kept back
  const sp1 = t.record(INT_ADD, [i2, c(1)], -1);
  t.record(SETLISTITEM, [p0, sp1, c(7)], 5); // i2 + 1 not known in range: emitted
  t.record(SETLISTITEM, [p0, sp1, i2], 5); // now it is: kept back
  t.record(SETARRAYITEM, [p1, c(3), i2], 3); // typed arrays: always kept back (out of range it does nothing)
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, c(9)], -1)], [p0, i2]);
  t.record(SETLISTITEM, [p0, i2, c(4)], 5); // the write of x + 1 is dead
  const y = t.record(GETLISTITEM_I, [p1, t.record(INT_ADD, [i2, c(2)], -1)], 5); // i2 + 2 differs from both: nothing emitted
  const z = t.record(LIST_POP_I, [p1], 5); // reads an item of descriptor 5: emits them
  t.record(JUMP, [p0, p1, t.record(INT_ADD, [y, z], -1)], -1);
  new Optimizer([new ConstantFolding(), new PureCSE(), new HeapCache(new DescrInfo())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, p1, i2]",
    "label(p0, p1, i2)",
    "i3 = getlistitem_gc_i(p0, i2, descr=5)",
    "i4 = int_add(i3, 1)",
    "i5 = int_add(i2, 1)",
    "setlistitem_gc(p0, i5, 7, descr=5)",
    "i6 = int_lt(i2, 9)",
    "guard_true(i6) [p0, i2]",
    "    on failure: setlistitem_gc(p0, i2, i4, descr=5)",
    "    on failure: setlistitem_gc(p0, i5, i2, descr=5)",
    "    on failure: setarrayitem_gc(p1, 3, i2, descr=3)",
    "i7 = int_add(i2, 2)",
    "i8 = getlistitem_gc_i(p1, i7, descr=5)",
    "setlistitem_gc(p0, i5, i2, descr=5)",
    "setlistitem_gc(p0, i2, 4, descr=5)",
    "i9 = list_pop_i(p1, descr=5)",
    "i10 = int_add(i8, i9)",
    "setarrayitem_gc(p1, 3, i2, descr=3)",
    "jump(p0, p1, i10)",
    "",
  ].join("\n"));
});

test.run();
