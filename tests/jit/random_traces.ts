// Runs loop traces described one per line in the file argv[0] (tests/jit-backend.test.ts
// generates them with fast-check) in the reference evaluator, compiled by the trace backend,
// and optimized then compiled, and prints "ok" and the exit for each, or the results when
// they differ.
// A line: `limit ints... ; floats... ; ops... ; jump values...` where an op is
// `name operands` (int_add v3 c7: value 3 and the constant 7; a float constant has a dot or
// an exponent) and the jump values name the new value of each label argument after the
// counter. Each trace: inputs counter, the ints, the floats; label; counter + 1; a guard
// leaving when it reaches `limit`; the ops (each guard's failArgs are every value so far);
// jump.
import { int } from "../../rlib/types.ts";
import { dontLookInside, JitDriver } from "../../rlib/jit.ts";
import { readFile } from "../../rlib/os.ts";
import { toInt } from "../../rlib/rarith.ts";
import { jitAvailable } from "../../rlib/lowlevel.ts";
import { compileTree, executeLoop } from "../../rlib/jitrt/backend/index.ts";
import { TraceCode, UNLINKED } from "../../rlib/jitrt/backend/function.ts";
import { exitOps, JitFrame } from "../../rlib/jitrt/frame.ts";
import { optimizeLoop } from "../../rlib/jitrt/opt/index.ts";
import { evaluateLoop } from "../../rlib/jitrt/traceeval.ts";
import { describeExit } from "./trace_support.ts";
import {
  ConstFloat, ConstInt, GUARD_TRUE, INT_ADD, INT_LT, isGuard, JUMP, LABEL, NUM_OPS, opName, Trace, TYPE_FLOAT, TYPE_INT, Value,
} from "../../rlib/jitrt/resop.ts";

function opNumber(name: string): int {
  for (let i = 0; i < NUM_OPS; i++) if (opName(i) === name) return i;
  throw new Error(`no operation ${name}`);
}

const UNARY = ["same_as_i", "cast_int_to_float", "float_neg", "float_abs"];

function words(part: string): string[] {
  const out: string[] = [];
  for (const w of part.split(" ")) if (w.length > 0) out.push(w);
  return out;
}

class Parsed {
  trace: Trace = new Trace();
  frame: JitFrame = new JitFrame();
  values: Value[] = [];

  /** Every value so far (a guard's failArgs). */
  live(): Value[] {
    const out: Value[] = [];
    for (const v of this.values) out.push(v);
    return out;
  }

  operand(w: string): Value {
    if (w.charAt(0) === "v") return this.values[toInt(parseInt(w.slice(1)))];
    const text = w.slice(1);
    if (text.includes(".") || text.includes("e")) return new ConstFloat(parseFloat(text));
    return new ConstInt(toInt(parseInt(text)));
  }
}

function parse(line: string): Parsed {
  const p = new Parsed();
  const t = p.trace;
  const parts = line.split(";");
  const ints = words(parts[0]);
  const floats = words(parts[1]);
  const limit = toInt(parseInt(ints[0]));
  const counter = t.addInput(TYPE_INT);
  p.values.push(counter);
  p.frame.setInt(0, 0);
  for (let i = 1; i < ints.length; i++) {
    p.values.push(t.addInput(TYPE_INT));
    p.frame.setInt(i, toInt(parseInt(ints[i])));
  }
  for (let i = 0; i < floats.length; i++) {
    p.values.push(t.addInput(TYPE_FLOAT));
    p.frame.setFloat(ints.length + i, parseFloat(floats[i]));
  }
  t.record(LABEL, p.live(), -1);
  const next = t.record(INT_ADD, [counter, new ConstInt(1)], -1);
  p.values.push(next);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [next, new ConstInt(limit)], -1)], p.live());
  const ops = words(parts[2]);
  let k = 0;
  while (k < ops.length) {
    const opnum = opNumber(ops[k]);
    const arity = (isGuard(opnum) && ops[k] !== "guard_value") || UNARY.includes(ops[k]) ? 1 : 2;
    const args: Value[] = [];
    for (let a = 1; a <= arity; a++) args.push(p.operand(ops[k + a]));
    if (isGuard(opnum)) t.recordGuard(opnum, args, p.live());
    else p.values.push(t.record(opnum, args, -1));
    k += arity + 1;
  }
  const jump: Value[] = [next];
  for (const w of words(parts[3])) jump.push(p.operand(w));
  t.record(JUMP, jump, -1);
  return p;
}

function runLine(line: string): void {
  const evaluated = parse(line);
  const expected = describeExit(evaluated.trace, evaluateLoop(evaluated.trace, evaluated.frame), evaluated.frame);
  const compiled = parse(line);
  const index = compileTree(new TraceCode(compiled.trace, UNLINKED));
  const actual = describeExit(compiled.trace, executeLoop(index, compiled.trace, compiled.frame), compiled.frame);
  const optimized = optimizedExit(line);
  if (actual !== expected) console.log(`MISMATCH compiled ${actual} evaluated ${expected}`);
  else if (optimized !== expected) console.log(`MISMATCH optimized and compiled ${optimized} evaluated ${expected}`);
  else console.log(`ok ${actual}`);
}

/** The exit the trace leaves by, optimized (optimizeLoop: its ints bounded to 32 bits are
 *  i32s in the compiled code) and compiled, named by its number in the trace as parsed (the
 *  optimizer keeps the guards' objects), with its values. */
function optimizedExit(line: string): string {
  const p = parse(line);
  const exits = exitOps(p.trace);
  optimizeLoop(p.trace);
  const exit = executeLoop(compileTree(new TraceCode(p.trace, UNLINKED)), p.trace, p.frame);
  const described = describeExit(p.trace, exit, p.frame);
  return `exit ${exits.indexOf(exitOps(p.trace)[exit])}:${described.slice(described.indexOf(":") + 1)}`;
}

// The lines run in a loop with a JitDriver only because --jit needs one; the tracer does not
// look inside them.
dontLookInside(runLine);
const driver = new JitDriver({ greens: ["k"], reds: ["lines"] });

export function main(argv: string[]): number {
  const text = readFile(argv[0]);
  if (text === null || !jitAvailable()) {
    console.log("usage: random_traces FILE (translated with --jit)");
    return 2;
  }
  const lines = text.trimEnd().split("\n");
  let k = 0;
  while (k < lines.length) {
    driver.jitMergePoint({ k, lines });
    runLine(lines[k]);
    k++;
  }
  return 0;
}
