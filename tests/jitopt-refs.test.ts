// The trace optimizer on references: type tests (instanceof(x, lo, hi): x's type id in
// [lo, hi)) and the folding of reference comparisons, run untranslated on hand-written
// traces; the expected traces are reasoned out by hand.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  ConstInt, ConstRef, GUARD_CLASS, GUARD_FALSE, GUARD_TRUE, INSTANCEOF, INT_ADD, JUMP, LABEL, PTR_EQ, PTR_IS_OBJECT, PTR_NE, Trace,
  TYPE_REF, Value,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { Optimizer } from "../rlib/jitrt/opt/optimizer.ts";
import { GuardRemoval } from "../rlib/jitrt/opt/guards.ts";
import { PureCSE } from "../rlib/jitrt/opt/pure.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";
import { removeDeadOps } from "../rlib/jitrt/opt/dce.ts";
import { ConstantFolding } from "../rlib/jitrt/opt/fold.ts";

const c = (n: number) => new ConstInt(n);

/** Constant objects at 1000 and 2000 whose type ids are 40 and 50 (as the JIT runtime reads
 *  them from their headers). */
class KnownObjects extends DescrInfo {
  typeIdOf(obj: ConstRef): number {
    return obj.address === 1000 ? 40 : obj.address === 2000 ? 50 : -1;
  }
}

test("type tests: a guard on one gives the class range, which decides later ones; guard_class the exact class; constants", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const p1 = t.addInput(TYPE_REF);
  const p2 = t.addInput(TYPE_REF);
  t.record(LABEL, [p0, p1, p2], -1);
  const sub = (x: Value, lo: number, hi: number) => t.record(INSTANCEOF, [x, c(lo), c(hi)], -1);
  // p0 is in [40, 45): a class with subclasses.
  t.recordGuard(GUARD_TRUE, [sub(p0, 40, 45)], [p0]);
  const a = sub(p0, 40, 45); // the same test: 1 (CSE would also give it)
  const b = sub(p0, 30, 50); // a superclass: 1
  const d = sub(p0, 45, 46); // a class outside: 0
  const e = sub(p0, 42, 43); // a subclass: not known
  // p1: its exact class.
  t.recordGuard(GUARD_CLASS, [p1, c(42)], [p1]);
  const f = sub(p1, 40, 45);
  const g = sub(p1, 43, 44);
  t.recordGuard(GUARD_CLASS, [p1, c(42)], [p1]); // known: removed
  // p2 is not in [40, 45): nothing follows (it may be null).
  t.recordGuard(GUARD_FALSE, [sub(p2, 40, 45)], [p2]);
  const h = sub(p2, 40, 45); // the same test: 0
  const k = sub(p2, 46, 47);
  // Constants: null, objects whose class is known, and one whose class is not.
  const m = sub(new ConstRef(8), 40, 45);
  const n = sub(new ConstRef(1000), 40, 45);
  const o = sub(new ConstRef(2000), 40, 45);
  const q = sub(new ConstRef(3000), 40, 45);
  const sum = [b, d, e, f, g, h, k, m, n, o, q].reduce((acc: Value, v) => t.record(INT_ADD, [acc, v], -1), a);
  t.record(JUMP, [p0, p1, sum], -1);
  new Optimizer([new GuardRemoval(new KnownObjects()), new PureCSE()]).run(t);
  removeDeadOps(t);
  assert.fixture(printTrace(t), [
    "[p0, p1, p2]",
    "label(p0, p1, p2)",
    "i3 = instanceof(p0, 40, 45)",
    "guard_true(i3) [p0]",
    "i4 = instanceof(p0, 42, 43)",
    "guard_class(p1, 42) [p1]",
    "i5 = instanceof(p2, 40, 45)",
    "guard_false(i5) [p2]",
    "i6 = instanceof(p2, 46, 47)",
    "i7 = instanceof(ConstPtr(3000), 40, 45)",
    "i8 = int_add(1, 1)",
    "i9 = int_add(i8, 0)",
    "i10 = int_add(i9, i4)",
    "i11 = int_add(i10, 1)",
    "i12 = int_add(i11, 0)",
    "i13 = int_add(i12, 0)",
    "i14 = int_add(i13, i6)",
    "i15 = int_add(i14, 0)",
    "i16 = int_add(i15, 1)",
    "i17 = int_add(i16, 0)",
    "i18 = int_add(i17, i7)",
    "jump(p0, p1, i18)",
    "",
  ].join("\n"));
});

test("constant folding: references compare by address, a constant is an object or not, a reference equals itself", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  t.record(LABEL, [p0], -1);
  const r = (a: number) => new ConstRef(a);
  const ops = [
    t.record(PTR_EQ, [r(1000), r(1000)], -1), // 1
    t.record(PTR_EQ, [r(1000), r(2000)], -1), // 0
    t.record(PTR_NE, [r(1000), r(2000)], -1), // 1
    t.record(PTR_EQ, [p0, p0], -1), // 1
    t.record(PTR_NE, [p0, p0], -1), // 0
    t.record(PTR_EQ, [p0, r(1000)], -1), // kept
    t.record(PTR_IS_OBJECT, [r(8)], -1), // 0: null
    t.record(PTR_IS_OBJECT, [r(1000)], -1), // 1
  ];
  t.recordGuard(GUARD_TRUE, [ops.reduce((acc: Value, v) => t.record(INT_ADD, [acc, v], -1), c(0))], [p0]);
  t.record(JUMP, [p0], -1);
  new Optimizer([new ConstantFolding()]).run(t);
  removeDeadOps(t);
  assert.fixture(printTrace(t), [
    "[p0]",
    "label(p0)",
    "i1 = ptr_eq(p0, ConstPtr(1000))",
    "i2 = int_add(3, i1)",
    "i3 = int_add(i2, 1)",
    "guard_true(i3) [p0]",
    "jump(p0)",
    "",
  ].join("\n"));
});

test.run();
