// Reads of immutable fields of constant objects (rlib/jitrt/opt/immutable.ts) in the whole
// optimizer, run untranslated on a hand-written trace; the expected trace is reasoned out
// by hand from the input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  Const, ConstFloat, ConstInt, ConstRef, FLOAT_MUL, GETFIELD_F, GETFIELD_I, GETFIELD_R, GUARD_TRUE, GUARD_VALUE, INT_ADD, INT_LT, JUMP,
  LABEL, NEW, SETFIELD, Trace, TYPE_FLOAT, TYPE_INT, TYPE_REF,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { optimizeLoop } from "../rlib/jitrt/opt/index.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";

/** Field descriptors: 1 an immutable int, 2 an immutable ref, 3 a mutable int, 4 an
 *  immutable float. */
const VALUE = 1;
const NEXT = 2;
const COUNT = 3;
const RATIO = 4;

/** Two constant objects, as the JIT runtime would read their immutable fields from memory:
 *  the one at 1000 has value 7, next the one at 2000 (value 11), ratio 0.5. */
class TwoObjects extends DescrInfo {
  immutableField(obj: ConstRef, descr: number): Const | null {
    if (obj.address === 1000 && descr === VALUE) return new ConstInt(7);
    if (obj.address === 1000 && descr === NEXT) return new ConstRef(2000);
    if (obj.address === 1000 && descr === RATIO) return new ConstFloat(0.5);
    if (obj.address === 2000 && descr === VALUE) return new ConstInt(11);
    return null;
  }
}

test("immutable fields: a constant object's are its values (and then fold), a mutable field's read stays, a guard_value makes an object constant, a virtual's field is what was set", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  const f2 = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [p0, i1, f2], -1);
  const obj = new ConstRef(1000);
  const value = t.record(GETFIELD_I, [obj], VALUE); // 7
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [value, new ConstInt(10)], -1)], [p0]); // 7 < 10: removed
  const count = t.record(GETFIELD_I, [obj], COUNT); // mutable: kept
  const next = t.record(GETFIELD_R, [obj], NEXT); // ConstPtr(2000)
  const nextValue = t.record(GETFIELD_I, [next], VALUE); // 11
  t.recordGuard(GUARD_VALUE, [p0, obj], [p0]);
  const ratio = t.record(GETFIELD_F, [p0], RATIO); // p0 is the object at 1000: 0.5
  const v = t.record(NEW, [], -1);
  t.record(SETFIELD, [v, i1], VALUE);
  const fromVirtual = t.record(GETFIELD_I, [v], VALUE); // i1
  const sum = t.record(INT_ADD, [t.record(INT_ADD, [count, nextValue], -1), fromVirtual], -1);
  t.record(JUMP, [p0, sum, t.record(FLOAT_MUL, [f2, ratio], -1)], -1);
  optimizeLoop(t, new TwoObjects());
  assert.fixture(printTrace(t), [
    "[p0, i1, f2]",
    "label(p0, i1, f2)",
    "i3 = getfield_gc_i(ConstPtr(1000), descr=3)",
    "guard_value(p0, ConstPtr(1000)) [p0]",
    "i4 = int_add(i3, 11)",
    "i5 = int_add(i4, i1)",
    "f6 = float_mul(f2, 0.5)",
    "jump(ConstPtr(1000), i5, f6)",
    "",
  ].join("\n"));
});

test("without the runtime's answers (the default DescrInfo) no field read is folded", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  t.record(LABEL, [i0], -1);
  const value = t.record(GETFIELD_I, [new ConstRef(1000)], VALUE);
  t.record(JUMP, [t.record(INT_ADD, [i0, value], -1)], -1);
  optimizeLoop(t);
  assert.fixture(printTrace(t), [
    "[i0]",
    "label(i0)",
    "i1 = getfield_gc_i(ConstPtr(1000), descr=1)",
    "i2 = int_add(i0, i1)",
    "jump(i2)",
    "",
  ].join("\n"));
});

test.run();
