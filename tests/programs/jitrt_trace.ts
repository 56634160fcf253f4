// The JIT's trace IR (rlib/jitrt/) is RTS: record a small loop trace and print it, the same
// in every mode.
import { printTrace } from "../../rlib/jitrt/printer.ts";
import {
  ConstFloat, ConstInt, FLOAT_MUL, GETARRAYITEM_I, GUARD_FALSE, GUARD_TRUE, INT_ADD, INT_EQ, INT_LT, isGuard, JUMP, LABEL, Trace,
  TYPE_FLOAT, TYPE_INT, TYPE_REF,
} from "../../rlib/jitrt/resop.ts";

function record(steps: number): Trace {
  const t = new Trace();
  const pc = t.addInput(TYPE_INT);
  const tape = t.addInput(TYPE_REF);
  const acc = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [pc, tape, acc], -1);
  let i = pc;
  let f = acc;
  for (let k = 0; k < steps; k++) {
    const cell = t.record(GETARRAYITEM_I, [tape, i], 2);
    const zero = t.record(INT_EQ, [cell, new ConstInt(0)], -1);
    t.recordGuard(GUARD_FALSE, [zero], [i, tape, f]);
    f = t.record(FLOAT_MUL, [f, new ConstFloat(1.5)], -1);
    i = t.record(INT_ADD, [i, new ConstInt(k + 1)], -1);
  }
  const more = t.record(INT_LT, [i, new ConstInt(30000)], -1);
  t.recordGuard(GUARD_TRUE, [more], [i, tape, f]);
  t.record(JUMP, [i, tape, f], -1);
  return t;
}

export function main(argv: string[]): number {
  const t = record(3);
  console.log(printTrace(t));
  let guards = 0;
  for (const op of t.ops) if (isGuard(op.opnum)) guards++;
  console.log("operations", t.ops.length, "guards", guards);
  return 0;
}
