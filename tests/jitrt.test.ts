// The trace IR of the meta-tracing JIT (rlib/jitrt/resop.ts, printer.ts), run untranslated;
// tests/programs/jitrt_trace.ts runs the same code translated.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  ConstFloat, ConstInt, ConstRef, FLOAT_ADD, GETFIELD_R, GUARD_TRUE, GUARD_VALUE, INT_ADD, INT_LT, isGuard, JUMP, LABEL, opName,
  SETFIELD, Trace, TYPE_FLOAT, TYPE_INT, TYPE_REF, TYPE_VOID,
} from "../rlib/jitrt/resop.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { fatalMessage } from "./support/fatal.ts";

function loopTrace(): Trace {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  const f2 = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [i0, p1, f2], -1);
  const i3 = t.record(INT_ADD, [i0, new ConstInt(1)], -1);
  const f4 = t.record(FLOAT_ADD, [f2, new ConstFloat(0.5)], -1);
  const p5 = t.record(GETFIELD_R, [p1], 7);
  t.record(SETFIELD, [p5, i3], 8);
  const i6 = t.record(INT_LT, [i3, new ConstInt(100)], -1);
  t.recordGuard(GUARD_TRUE, [i6], [i3, p1, f4]);
  t.recordGuard(GUARD_VALUE, [p5, new ConstRef(4096)], [i3]);
  t.record(JUMP, [i3, p1, f4], -1);
  return t;
}

test("a recorded loop prints in the JIT log format", () => {
  assert.fixture(printTrace(loopTrace()), [
    "[i0, p1, f2]",
    "label(i0, p1, f2)",
    "i3 = int_add(i0, 1)",
    "f4 = float_add(f2, 0.5)",
    "p5 = getfield_gc_r(p1, descr=7)",
    "setfield_gc(p5, i3, descr=8)",
    "i6 = int_lt(i3, 100)",
    "guard_true(i6) [i3, p1, f4]",
    "guard_value(p5, ConstPtr(4096)) [i3]",
    "jump(i3, p1, f4)",
    "",
  ].join("\n"));
});

test("operations are their values: types follow the operation", () => {
  const t = loopTrace();
  assert.equal(t.ops.map((op) => op.type), [TYPE_VOID, TYPE_INT, TYPE_FLOAT, TYPE_REF, TYPE_VOID, TYPE_INT, TYPE_VOID, TYPE_VOID, TYPE_VOID]);
  assert.is(t.ops[2].args[0], t.inputargs[2]);
  assert.is(t.ops[4].args[0], t.ops[3]);
  assert.ok(new ConstInt(3).isConstant() && !t.inputargs[0].isConstant() && !t.ops[1].isConstant());
});

test("guards are recognised and keep their fail arguments", () => {
  const t = loopTrace();
  const guards = t.ops.filter((op) => isGuard(op.opnum));
  assert.equal(guards.map((g) => opName(g.opnum)), ["guard_true", "guard_value"]);
  assert.is(guards[0].failArgs.length, 3);
  assert.not.ok(isGuard(JUMP) || isGuard(INT_ADD));
});

test("recording an operation with the wrong number of arguments is a fatal error", () => {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  assert.is(fatalMessage(() => t.record(INT_ADD, [i0], -1)), "rts: runtime error: jit: int_add takes 2 arguments, got 1\n");
});

test.run();
