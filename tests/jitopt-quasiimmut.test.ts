// guard_not_invalidated in the whole optimizer (rlib/jitrt/opt/quasiimmut.ts), run
// untranslated on hand-written traces: the tracer records one at every read of a
// quasi-immutable field it takes as a constant; one check stands for the next ones until
// something may have written such a field. The expected traces are reasoned out by hand.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CALL_I, CALL_N, ConstInt, GUARD_NOT_INVALIDATED, INT_ADD, JUMP, LABEL, SETFIELD, SETLISTITEM, Trace, TYPE_INT, TYPE_REF, Value,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { optimizeLoop } from "../rlib/jitrt/opt/index.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";

/** The trace's flag (quasiimmut.ts), its guards' descr. */
const FLAG = 1;
/** Call descriptors: one whose callee writes no quasi-immutable field, one whose may. */
const PLAIN_CALL = 2;
const WRITING_CALL = 3;
/** Field descriptors: a quasi-immutable field, a mutable one. */
const QUASI = 4;
const MUTABLE = 5;

class Descrs extends DescrInfo {
  callMayInvalidate(call: number): boolean {
    return call === WRITING_CALL;
  }
  isQuasiImmutableField(descr: number): boolean {
    return descr === QUASI;
  }
}

/** A loop over (p0, i1) with a guard_not_invalidated before and after each of `between`
 *  (recorded by `record`), then one more at the end. */
function loopWith(record: (t: Trace, p0: Value, i1: Value) => void): Trace {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  t.recordGuard(GUARD_NOT_INVALIDATED, [], [p0, i1]).descr = FLAG;
  t.recordGuard(GUARD_NOT_INVALIDATED, [], [p0, i1]).descr = FLAG;
  record(t, p0, i1);
  t.recordGuard(GUARD_NOT_INVALIDATED, [], [p0, i1]).descr = FLAG;
  t.record(JUMP, [p0, t.record(INT_ADD, [i1, new ConstInt(1)], -1)], -1);
  return t;
}

test("guard_not_invalidated: one check per iteration while nothing may write a quasi-immutable field", () => {
  const t = loopWith((t, p0, i1) => {
    t.record(CALL_I, [i1], PLAIN_CALL);
    t.record(SETFIELD, [p0, i1], MUTABLE);
    t.record(SETLISTITEM, [p0, new ConstInt(0), i1], 6);
  });
  optimizeLoop(t, new Descrs());
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    "label(p0, i1)",
    "guard_not_invalidated(descr=1) [p0, i1]",
    "i2 = call_i(i1, descr=2)",
    "setlistitem_gc(p0, 0, i1, descr=6)", // (index 0 not known in range: not kept back)
    "i3 = int_add(i1, 1)",
    "setfield_gc(p0, i1, descr=5)", // kept back until the jump
    "jump(p0, i3)",
    "",
  ].join("\n"));
});

test("guard_not_invalidated: checked again after a call that may write a quasi-immutable field, and after the write of one", () => {
  const t = loopWith((t, p0, i1) => {
    t.record(CALL_N, [p0], WRITING_CALL);
    t.recordGuard(GUARD_NOT_INVALIDATED, [], [p0, i1]).descr = FLAG;
    t.recordGuard(GUARD_NOT_INVALIDATED, [], [p0, i1]).descr = FLAG;
    t.record(SETFIELD, [p0, i1], QUASI);
  });
  optimizeLoop(t, new Descrs());
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    "label(p0, i1)",
    "guard_not_invalidated(descr=1) [p0, i1]",
    "call_n(p0, descr=3)",
    "guard_not_invalidated(descr=1) [p0, i1]",
    "guard_not_invalidated(descr=1) [p0, i1]", // after the write, which it makes if it fails
    "    on failure: setfield_gc(p0, i1, descr=4)",
    "i2 = int_add(i1, 1)",
    "setfield_gc(p0, i1, descr=4)",
    "jump(p0, i2)",
    "",
  ].join("\n"));
});

test("guard_not_invalidated: without the runtime's answers (the default DescrInfo) every residual call may write one", () => {
  const t = loopWith((t, p0, i1) => {
    t.record(CALL_I, [i1], PLAIN_CALL);
  });
  optimizeLoop(t);
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    "label(p0, i1)",
    "guard_not_invalidated(descr=1) [p0, i1]",
    "i2 = call_i(i1, descr=2)",
    "guard_not_invalidated(descr=1) [p0, i1]",
    "i3 = int_add(i1, 1)",
    "jump(p0, i3)",
    "",
  ].join("\n"));
});

test.run();
