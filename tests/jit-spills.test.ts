// The refs a compiled trace spills to the shadow stack around an operation that may collect
// (rlib/jitrt/backend/function.ts refsLiveAcross), run untranslated on a hand-written
// peeled loop. A spilled ref is a root: the collector follows it and writes back where the
// object went, so a local that holds no live ref must never be spilled.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CALL_I, GUARD_TRUE, InputArg, JUMP, LABEL, Trace, TYPE_INT, TYPE_REF, Value } from "../rlib/jitrt/resop.ts";
import { FunctionCode, TraceCode, UNLINKED } from "../rlib/jitrt/backend/function.ts";

const CALL_DESCR = 0;

/** A peeled loop whose preamble and body each make a call that may collect:
 *    [i0, p1]
 *    label(i0, p1)
 *    i2 = call_i(i0)            (preamble, position 1)
 *    guard_true(i2) [i0, p1]
 *    jump(i0, p1)
 *    label(i3, p4)              (the header, position 4)
 *    i5 = call_i(i3)            (body, position 5)
 *    guard_true(i5) [i3, p4]
 *    jump(i3, p4) */
function peeledLoop(): { trace: Trace; p1: Value; p4: Value; preambleCall: number; bodyCall: number } {
  const t = new Trace();
  const i0 = t.addInput(TYPE_INT);
  const p1 = t.addInput(TYPE_REF);
  t.record(LABEL, [i0, p1], -1);
  const i2 = t.record(CALL_I, [i0], CALL_DESCR);
  t.recordGuard(GUARD_TRUE, [i2], [i0, p1]);
  t.record(JUMP, [i0, p1], -1);
  const i3 = new InputArg(TYPE_INT);
  const p4 = new InputArg(TYPE_REF);
  t.record(LABEL, [i3, p4], -1);
  const i5 = t.record(CALL_I, [i3], CALL_DESCR);
  t.recordGuard(GUARD_TRUE, [i5], [i3, p4]);
  t.record(JUMP, [i3, p4], -1);
  return { trace: t, p1, p4, preambleCall: t.ops.indexOf(i2), bodyCall: t.ops.indexOf(i5) };
}

test("a peeled loop's preamble spills its own refs, not the header's inputs it has not assigned yet", () => {
  const { trace, p1, p4, preambleCall } = peeledLoop();
  const f = new FunctionCode(new TraceCode(trace, UNLINKED), true);
  // Before the preamble's jump assigns p4, p4's local holds the previous iteration's ref
  // when a bridge compiled into the tree went back to the preamble: possibly a moved or
  // freed object's old address, which the collector must not follow.
  const live = f.refsLiveAcross(preambleCall);
  assert.equal(live.indexOf(p4), -1, "p4 is not live in the preamble");
  assert.ok(live.indexOf(p1) >= 0, "p1, used by the preamble's guard and jump, is spilled");
});

test("a peeled loop's body spills the header's inputs it uses after the call", () => {
  const { trace, p1, p4, bodyCall } = peeledLoop();
  const f = new FunctionCode(new TraceCode(trace, UNLINKED), true);
  const live = f.refsLiveAcross(bodyCall);
  assert.ok(live.indexOf(p4) >= 0, "p4, used by the body's guard and jump, is spilled");
  assert.equal(live.indexOf(p1), -1, "p1 is dead past the preamble");
});

test.run();
