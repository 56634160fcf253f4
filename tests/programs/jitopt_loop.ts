// The JIT's trace optimizer (rlib/jitrt/opt/) is RTS: optimize recorded loop traces and print
// them before and after, the same in every mode (folding with exact i64/f64 results, guards,
// common subexpressions, the heap cache, dead operations).
import { printTrace } from "../../rlib/jitrt/printer.ts";
import { optimizeLoop } from "../../rlib/jitrt/opt/index.ts";
import {
  CALL_N, CALL_PURE_I, ConstFloat, ConstInt, FLOAT_ADD, FLOAT_DIV, FLOAT_MUL, GETARRAYITEM_I, GETFIELD_I, GETFIELD_R,
  GUARD_CLASS, GUARD_TRUE, GUARD_VALUE, INT_ADD, INT_AND, INT_EQ, INT_LSHIFT, INT_LT, INT_MUL, INT_NE, INT_RSHIFT, INT_SUB,
  JUMP, LABEL, SETARRAYITEM, SETFIELD, Trace, TYPE_FLOAT, TYPE_INT, TYPE_REF, Value,
} from "../../rlib/jitrt/resop.ts";

function c(n: number): ConstInt {
  return new ConstInt(n);
}

/** A dispatch loop over `steps` guest instructions on a tape, as a tracer records it. */
function dispatchLoop(steps: number): Trace {
  const t = new Trace();
  const pc = t.addInput(TYPE_INT);
  const code = t.addInput(TYPE_REF);
  const tape = t.addInput(TYPE_REF);
  const pos = t.addInput(TYPE_INT);
  t.record(LABEL, [pc, code, tape, pos], -1);
  let i: Value = pc;
  let p: Value = pos;
  for (let k = 0; k < steps; k++) {
    const op = t.record(GETARRAYITEM_I, [code, i], 2);
    t.recordGuard(GUARD_VALUE, [op, c(43 + (k % 2) * 19)], [i, code, tape, p]);
    const isPlus = t.record(INT_EQ, [op, c(43)], -1);
    t.recordGuard(GUARD_TRUE, [isPlus], [i, code, tape, p]);
    const cell = t.record(GETARRAYITEM_I, [tape, p], 3);
    const inc = t.record(INT_ADD, [cell, c(1)], -1);
    t.record(SETARRAYITEM, [tape, p, t.record(INT_AND, [inc, c(255)], -1)], 3);
    const again = t.record(GETARRAYITEM_I, [tape, p], 3);
    t.recordGuard(GUARD_TRUE, [t.record(INT_NE, [again, c(0)], -1)], [i, code, tape, p, again]);
    i = t.record(INT_ADD, [i, c(1)], -1);
    p = t.record(INT_ADD, [p, c(k % 3)], -1);
  }
  t.record(JUMP, [i, code, tape, p], -1);
  return t;
}

/** Object fields, calls and arithmetic on constants that fold exactly (or must not fold). */
function objectLoop(): Trace {
  const t = new Trace();
  const frame = t.addInput(TYPE_REF);
  const n = t.addInput(TYPE_INT);
  const acc = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [frame, n, acc], -1);
  t.recordGuard(GUARD_CLASS, [frame, c(12)], [frame, n, acc]);
  const stack = t.record(GETFIELD_R, [frame], 5);
  const sp = t.record(GETFIELD_I, [frame], 6);
  t.recordGuard(GUARD_CLASS, [frame, c(12)], [frame, n, acc]);
  const sp2 = t.record(GETFIELD_I, [frame], 6);
  const top = t.record(GETARRAYITEM_I, [stack, t.record(INT_SUB, [sp2, c(1)], -1)], 3);
  const h = t.record(CALL_PURE_I, [top], 7);
  const h2 = t.record(CALL_PURE_I, [top], 7);
  t.record(SETFIELD, [frame, t.record(INT_ADD, [sp, c(1)], -1)], 6);
  const sp3 = t.record(GETFIELD_I, [frame], 6);
  t.record(CALL_N, [frame], 8);
  const sp4 = t.record(GETFIELD_I, [frame], 6);
  const big = t.record(INT_LSHIFT, [c(1), c(50)], -1);
  const huge = t.record(INT_MUL, [big, big], -1);
  const shifted = t.record(INT_RSHIFT, [c(-1000000007), c(3)], -1);
  const f = t.record(FLOAT_ADD, [acc, t.record(FLOAT_DIV, [new ConstFloat(1), new ConstFloat(3)], -1)], -1);
  const g = t.record(FLOAT_MUL, [f, new ConstFloat(-0.5)], -1);
  const more = t.record(INT_LT, [t.record(INT_ADD, [n, c(1)], -1), c(1000)], -1);
  t.recordGuard(GUARD_TRUE, [more], [frame, n, h2, sp3, sp4, big, huge, shifted]);
  t.recordGuard(GUARD_TRUE, [t.record(INT_EQ, [h, h2], -1)], [frame]);
  t.record(JUMP, [frame, t.record(INT_ADD, [n, c(1)], -1), g], -1);
  return t;
}

function show(name: string, t: Trace): void {
  console.log(`-- ${name}: before (${t.ops.length} operations)`);
  console.log(printTrace(t));
  optimizeLoop(t);
  console.log(`-- ${name}: after (${t.ops.length} operations)`);
  console.log(printTrace(t));
}

/** argv[0]: the long loop's guest instructions (the differential test passes fewer under
 *  --gc-stress, where a collection at every allocation makes the run quadratic). */
export function main(argv: string[]): number {
  show("dispatch loop", dispatchLoop(3));
  show("object loop", objectLoop());
  const long = dispatchLoop(argv.length > 0 ? parseInt(argv[0]) : 400);
  const before = long.ops.length;
  optimizeLoop(long);
  console.log("long dispatch loop:", before, "->", long.ops.length, "operations");
  return 0;
}
