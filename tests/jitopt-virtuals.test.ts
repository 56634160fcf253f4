// Allocation removal (rlib/jitrt/opt/virtuals.ts) in the whole optimizer, run untranslated on
// hand-written traces; the expected traces are reasoned out by hand from the input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CALL_N, ConstInt, FINISH, GETFIELD_I, GETFIELD_R, GETLISTITEM_R, GUARD_CLASS, GUARD_TRUE, INSTANCEOF, INT_ADD, INT_LT, INT_SUB, JUMP,
  LABEL, LIST_APPEND, LIST_LEN, LIST_POP_R, NEW, PTR_EQ, PTR_IS_OBJECT, SETFIELD, Trace, TYPE_INT, TYPE_REF,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { optimizeLoop } from "../rlib/jitrt/opt/index.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";

const c = (n: number) => new ConstInt(n);

/** A NEW's descriptor 100 + k makes objects of type id k. */
class Classes extends DescrInfo {
  newTypeId(descr: number): number {
    return descr >= 100 ? descr - 100 : -1;
  }
}

test("virtuals: fields forwarded, comparisons and class tests folded, a guard's failure builds the virtual, JUMP forces it", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, p1], -1);
  const v = t.record(NEW, [], 140);
  t.record(SETFIELD, [v, i0], 7);
  const a = t.record(GETFIELD_I, [v], 7); // i0
  const z = t.record(GETFIELD_I, [v], 8); // never set: 0
  const eq = t.record(PTR_EQ, [v, p1], -1); // 0: nothing else holds v
  const isObj = t.record(PTR_IS_OBJECT, [v], -1); // 1
  const cls = t.record(INSTANCEOF, [v, c(40), c(41)], -1); // 1: a NEW's class is known
  t.record(GUARD_CLASS, [v, c(40)], -1); // holds: removed
  const s1 = t.record(INT_ADD, [a, z], -1);
  const s2 = t.record(INT_ADD, [s1, eq], -1);
  const s3 = t.record(INT_ADD, [s2, isObj], -1);
  const s4 = t.record(INT_ADD, [s3, cls], -1);
  const lt = t.record(INT_LT, [s4, c(100)], -1);
  t.recordGuard(GUARD_TRUE, [lt], [s4, v]);
  t.record(SETFIELD, [v, s4], 7);
  t.record(JUMP, [s4, v], -1);
  optimizeLoop(t, new Classes());
  assert.fixture(printTrace(t), [
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_add(i0, 2)",
    "i3 = int_lt(i2, 100)",
    "guard_true(i3) [i2, p4]",
    "    on failure: p4 = new(descr=140)",
    "    on failure: setfield_gc(p4, i0, descr=7)",
    "p5 = new(descr=140)",
    "setfield_gc(p5, i2, descr=7)",
    "jump(i2, p5)",
    "",
  ].join("\n"));
});

test("virtuals: nested ones (and a cycle) built by a guard's failure, all allocated first; a call forces them, fields first", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, p1], -1);
  const outer = t.record(NEW, [], 101);
  const inner = t.record(NEW, [], 102);
  t.record(SETFIELD, [inner, i0], 7);
  t.record(SETFIELD, [inner, outer], 9); // a cycle: inner -> outer -> inner
  t.record(SETFIELD, [outer, inner], 8);
  t.record(SETFIELD, [outer, p1], 10);
  const back = t.record(GETFIELD_R, [inner], 9); // outer
  const x = t.record(GETFIELD_R, [back], 8); // inner
  const y = t.record(GETFIELD_I, [x], 7); // i0
  const lt = t.record(INT_LT, [y, c(10)], -1);
  t.recordGuard(GUARD_TRUE, [lt], [y, outer]);
  t.record(CALL_N, [x], 5); // inner escapes, and with it outer
  const w = t.record(GETFIELD_I, [x], 7); // read from memory now (the heap cache knows it)
  t.record(FINISH, [w, p1], -1);
  optimizeLoop(t, new Classes());
  assert.fixture(printTrace(t), [
    "[i0, p1]",
    "label(i0, p1)",
    "i2 = int_lt(i0, 10)",
    "guard_true(i2) [i0, p3]",
    "    on failure: p3 = new(descr=101)",
    "    on failure: p4 = new(descr=102)",
    "    on failure: setfield_gc(p3, p4, descr=8)",
    "    on failure: setfield_gc(p3, p1, descr=10)",
    "    on failure: setfield_gc(p4, i0, descr=7)",
    "    on failure: setfield_gc(p4, p3, descr=9)",
    "p5 = new(descr=102)",
    "p6 = new(descr=101)",
    "setfield_gc(p6, p5, descr=8)",
    "setfield_gc(p6, p1, descr=10)",
    "setfield_gc(p5, i0, descr=7)",
    "setfield_gc(p5, p6, descr=9)",
    "call_n(p5, descr=5)",
    "i7 = getfield_gc_i(p5, descr=7)",
    "finish(i7, p1)",
    "",
  ].join("\n"));
});

test("lazy list appends: a push then a read of the top and a pop vanish; pending appends (and the virtual items) on a guard's failure path; emitted before a call, in order", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  const v = t.record(NEW, [], 140);
  t.record(SETFIELD, [v, i1], 7);
  const n1 = t.record(LIST_APPEND, [p0, v], 9);
  const n2 = t.record(LIST_APPEND, [p0, i1], 9);
  const top = t.record(GETLISTITEM_R, [p0, t.record(INT_SUB, [n2, c(2)], -1)], 9); // v
  const below = t.record(GETLISTITEM_R, [p0, t.record(INT_SUB, [n1, c(2)], -1)], 9); // an item already there: read
  const x = t.record(GETFIELD_I, [top], 7); // i1
  const lt = t.record(INT_LT, [x, c(10)], -1);
  t.recordGuard(GUARD_TRUE, [lt], [p0, below]);
  const popped = t.record(LIST_POP_R, [p0], 9); // i1, as appended
  const len = t.record(LIST_LEN, [p0], -1); // the length before the appends, plus 1
  t.record(CALL_N, [popped, len], 5);
  t.record(JUMP, [p0, len], -1);
  optimizeLoop(t, new Classes());
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    "label(p0, i1)",
    "i2 = list_len(p0)",
    "i3 = int_add(i2, -1)",
    "p4 = getlistitem_gc_r(p0, i3, descr=9)",
    "i5 = int_lt(i1, 10)",
    "guard_true(i5) [p0, p4]",
    "    on failure: p6 = new(descr=140)",
    "    on failure: setfield_gc(p6, i1, descr=7)",
    "    on failure: i7 = list_append(p0, p6, descr=9)",
    "    on failure: i8 = list_append(p0, i1, descr=9)",
    "i9 = int_add(i2, 1)",
    "p10 = new(descr=140)",
    "i11 = list_append(p0, p10, descr=9)",
    "setfield_gc(p10, i1, descr=7)", // kept back (lazy) until the call
    "call_n(i1, i9, descr=5)",
    "jump(p0, i9)",
    "",
  ].join("\n"));
});

test.run();
