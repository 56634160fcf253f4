// The JIT's Wasm trace backend (rlib/jitrt/backend/) on hand-written loop traces: each runs
// in the reference evaluator (rlib/jitrt/traceeval.ts) and, in a module translated with
// --jit, compiled; the program prints the exit taken and its values, and whether the two
// agree. Without a trace compiler (untranslated, or translated without --jit) the evaluator
// stands in for the compiled trace, so every mode prints the same.
import { int } from "../../rlib/types.ts";
import { dontLookInside, JitDriver } from "../../rlib/jit.ts";
import { jitAvailable } from "../../rlib/lowlevel.ts";
import { compileTree, executeLoop } from "../../rlib/jitrt/backend/index.ts";
import { TraceCode, UNLINKED } from "../../rlib/jitrt/backend/function.ts";
import { JitFrame } from "../../rlib/jitrt/frame.ts";
import { evaluateLoop } from "../../rlib/jitrt/traceeval.ts";
import { printTrace } from "../../rlib/jitrt/printer.ts";
import { describeExit } from "../jit/trace_support.ts";
import {
  ConstFloat, ConstInt, FINISH, FLOAT_ADD, FLOAT_LT, FLOAT_MUL, GUARD_FALSE, GUARD_TRUE, GUARD_VALUE, INT_ADD, INT_AND, INT_EQ,
  INT_GE, INT_LSHIFT, INT_LT, INT_MUL, INT_NE, INT_OR, INT_RSHIFT, INT_SUB, INT_XOR, JUMP, LABEL, SAME_AS_I, Trace, TYPE_FLOAT,
  TYPE_INT, TYPE_REF,
} from "../../rlib/jitrt/resop.ts";

/** for (i = start; i < n; i++) { acc += i * 3; if ((acc & 255) === stop) leave } */
function countingLoop(stop: int): Trace {
  const t = new Trace();
  const i = t.addInput(TYPE_INT);
  const n = t.addInput(TYPE_INT);
  const acc = t.addInput(TYPE_INT);
  t.record(LABEL, [i, n, acc], -1);
  const acc2 = t.record(INT_ADD, [acc, t.record(INT_MUL, [i, new ConstInt(3)], -1)], -1);
  const low = t.record(INT_AND, [acc2, new ConstInt(255)], -1);
  t.recordGuard(GUARD_FALSE, [t.record(INT_EQ, [low, new ConstInt(stop)], -1)], [i, acc2, low]);
  const i2 = t.record(INT_ADD, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, n], -1)], [i2, acc2]);
  t.record(JUMP, [i2, n, acc2], -1);
  return t;
}

/** Every int operation, mixed into a state that a guard_value checks each iteration (the
 *  label's last argument is a constant, as an optimizer may leave it). */
function bitsLoop(): Trace {
  const t = new Trace();
  const x = t.addInput(TYPE_INT);
  const k = t.addInput(TYPE_INT);
  t.record(LABEL, [x, k, new ConstInt(7)], -1);
  const a = t.record(INT_XOR, [t.record(INT_LSHIFT, [x, new ConstInt(5)], -1), t.record(INT_RSHIFT, [x, new ConstInt(3)], -1)], -1);
  const b = t.record(INT_OR, [t.record(INT_AND, [a, new ConstInt(0xffffff)], -1), new ConstInt(1)], -1);
  const c = t.record(INT_SUB, [b, t.record(INT_MUL, [k, new ConstInt(7)], -1)], -1);
  const d = t.record(SAME_AS_I, [c], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_NE, [d, new ConstInt(0)], -1)], [k, d]);
  const k2 = t.record(INT_ADD, [k, new ConstInt(1)], -1);
  t.recordGuard(GUARD_VALUE, [t.record(INT_GE, [k2, new ConstInt(40)], -1), new ConstInt(0)], [k2, d, x]);
  t.record(JUMP, [d, k2, new ConstInt(7)], -1);
  return t;
}

/** z = z * z + c on floats until it passes a bound; refs ride along unchanged. */
function floatLoop(): Trace {
  const t = new Trace();
  const z = t.addInput(TYPE_FLOAT);
  const p = t.addInput(TYPE_REF);
  const c = t.addInput(TYPE_FLOAT);
  const n = t.addInput(TYPE_INT);
  t.record(LABEL, [z, p, c, n], -1);
  const z2 = t.record(FLOAT_ADD, [t.record(FLOAT_MUL, [z, z], -1), c], -1);
  const n2 = t.record(INT_ADD, [n, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(FLOAT_LT, [z2, new ConstFloat(1e6)], -1)], [p, z2, n2, c]);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [n2, new ConstInt(1000)], -1)], [n2]);
  t.record(JUMP, [z2, p, c, n2], -1);
  return t;
}

/** A trace that leaves by FINISH on its first pass. */
function finishTrace(): Trace {
  const t = new Trace();
  const x = t.addInput(TYPE_INT);
  const y = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [x, y], -1);
  const s = t.record(INT_ADD, [x, new ConstInt(-7)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [s, new ConstInt(100)], -1)], [s]);
  t.record(FINISH, [s, t.record(FLOAT_ADD, [y, new ConstFloat(0.25)], -1), new ConstInt(5)], -1);
  t.record(JUMP, [s, y], -1);
  return t;
}

/** Runs `trace` from `inputs` (set by `fill`) in the evaluator and compiled, prints both. */
function run(name: string, trace: Trace, fill: (f: JitFrame) => void): void {
  console.log(`-- ${name}`);
  console.log(printTrace(trace));
  const reference = new JitFrame();
  fill(reference);
  const expected = describeExit(trace, evaluateLoop(trace, reference), reference, true);
  let actual = expected;
  if (jitAvailable()) {
    const compiled = new JitFrame();
    fill(compiled);
    const index = compileTree(new TraceCode(trace, UNLINKED));
    actual = describeExit(trace, executeLoop(index, trace, compiled), compiled, true);
  }
  console.log(actual);
  console.log(actual === expected ? "compiled = evaluated" : `MISMATCH: evaluated ${expected}`);
}

function runCase(k: int): void {
  if (k < 2) {
    const stop = k === 0 ? 77 : 300;
    run(`counting loop, stop ${stop}`, countingLoop(stop), (f) => {
      f.setInt(0, 1);
      f.setInt(1, 500);
      f.setInt(2, 10);
    });
  } else if (k === 2) {
    run("bits loop", bitsLoop(), (f) => {
      f.setInt(0, 123456789);
      f.setInt(1, 0);
    });
  } else if (k < 6) {
    const c = k === 3 ? 0.25 : k === 4 ? -1.5 : 0.3;
    run(`float loop, c ${c}`, floatLoop(), (f) => {
      f.setFloat(0, 0);
      f.setRef(0, 8);
      f.setFloat(1, c);
      f.setInt(2, 0);
    });
  } else {
    run("finish", finishTrace(), (f) => {
      f.setInt(0, 50);
      f.setFloat(1, 2.5);
    });
  }
}

// The cases run in a loop with a JitDriver only because --jit needs one; the tracer does not
// look inside them.
dontLookInside(runCase);
const driver = new JitDriver({ greens: ["k"], reds: [] });

export function main(argv: string[]): number {
  let k = 0;
  while (k < 7) {
    driver.jitMergePoint({ k });
    runCase(k);
    k++;
  }
  return 0;
}
