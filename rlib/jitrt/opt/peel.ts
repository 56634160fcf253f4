// Loop-invariant facts at the loop's label (a cheap form of RPython's loop peeling,
// optimizeopt/unroll.py). A loop trace optimized as one walk knows nothing at its label:
// every iteration checks again what the previous one established. But one iteration,
// optimized, shows what its jump passes back: values that are constants (a promoted object:
// the guard_value at the top of every iteration) and ints within intervals (a tape
// interpreter's pointer after its range checks). The loop is then optimized again from a fresh copy of the recorded
// iteration that assumes those facts at its label, and the facts are checked once, by entry
// guards before the loop starts.
//
// A fact must hold at every iteration, not only the first: the loop's own jump must pass the
// same constant, an int within the assumed interval. When it does not, the interval is
// widened (joined with the jump's) or the fact dropped, and the loop optimized again.
//
// The entry guards need resume data for the state at the label: they borrow that of the
// recorded trace's first operation when it is a guard whose fail arguments are only the
// inputs and constants (it resumes at the start of the iteration, before anything ran, with
// the inputs as they are at the label). Without one, the loop is optimized as one walk.
// Unlike full peeling, no copy of the iteration runs before the loop: the compiled code
// grows by the entry guards only (a full preamble made a tape interpreter's trace code 42%
// bigger, with a bridge for each copy of a guard, for the same saving).
//
// The trace: LABEL(inputs) entry guards JUMP(inputs) LABEL(loop args) loop JUMP(values). The
// first JUMP goes on into the LABEL right after it; the last goes back to that LABEL.
import {
  ConstInt, ConstRef, GUARD_TRUE, GUARD_VALUE, INT_GE, INT_LE, isGuard, JUMP, ResOp, Trace, TYPE_INT, Value,
} from "../resop.ts";
import { IntBound, LIMIT } from "./bound.ts";
import { optimizationChain } from "./chain.ts";
import { DescrInfo } from "./descrs.ts";
import { removeDeadOps } from "./dce.ts";
import { IntBounds } from "./intbounds.ts";
import { Optimizer } from "./optimizer.ts";
import { int } from "../../types.ts";

/** How often the loop is optimized again with weaker facts. */
const ATTEMPTS = 3;

export function peelLoop(trace: Trace, descrs: DescrInfo): Trace {
  const recorded = copyTrace(trace);
  // (Taken before the walk, which rewrites the operations.)
  const first = trace.ops.length > 1 ? trace.ops[1] : null;
  const resumable = first !== null && isGuard(first.opnum) && onlyInputs(first.failArgs, trace);
  const resumeFailArgs = resumable ? first!.failArgs.slice() : [];
  const resume = resumable ? first!.resume : -1;
  const preambleBounds = new IntBounds(descrs);
  const preambleOpt = optimizationChain(descrs, preambleBounds, trace);
  preambleOpt.run(trace);
  removeDeadOps(trace);
  if (!resumable) return trace;
  // What the loop assumes of each label argument: a constant, an interval, or nothing.
  const entry = trace.ops[trace.ops.length - 1].args;
  const consts: (Value | null)[] = [];
  const bounds: (IntBound | null)[] = [];
  for (const v of entry) {
    const constant = v instanceof ConstInt || v instanceof ConstRef;
    consts.push(constant ? v : null);
    const b = v.type === TYPE_INT && !constant ? preambleBounds.boundOf(v, preambleOpt) : null;
    bounds.push(b !== null && b.known() ? b : null);
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const loop = copyTrace(recorded);
    const loopBounds = new IntBounds(descrs);
    const loopOpt = optimizationChain(descrs, loopBounds, loop);
    for (let k = 0; k < loop.inputargs.length; k++) {
      const c = consts[k];
      const b = bounds[k];
      if (c !== null) loopOpt.replace(loop.inputargs[k], c);
      else if (b !== null) loopBounds.assume(loop.inputargs[k], b, loopOpt);
    }
    loopOpt.run(loop);
    if (!factsHold(loop, loopBounds, loopOpt, consts, bounds, attempt)) continue;
    removeDeadOps(loop);
    const guards = entryGuards(trace, resumeFailArgs, resume, consts, bounds);
    // Worth it when the loop got shorter by more than the entry guards cost.
    if (loop.ops.length + guards.length / 2 >= trace.ops.length) return trace;
    const label = trace.ops[0];
    trace.ops = [label];
    for (const g of guards) trace.ops.push(g);
    trace.ops.push(new ResOp(JUMP, label.args.slice(), -1));
    for (const op of loop.ops) trace.ops.push(op);
    return trace;
  }
  return trace;
}

/** Whether the loop's jump passes back what it assumed at its label; if not, weakens the
 *  facts that failed (an interval joined with what the jump passes, at the first attempt;
 *  else dropped). */
function factsHold(loop: Trace, bounds: IntBounds, opt: Optimizer, consts: (Value | null)[], assumed: (IntBound | null)[], attempt: int): boolean {
  const back = loop.ops[loop.ops.length - 1].args;
  let holds = true;
  for (let k = 0; k < back.length; k++) {
    const c = consts[k];
    const b = assumed[k];
    if (c !== null && opt.key(c) !== opt.key(back[k])) {
      consts[k] = null;
      holds = false;
    } else if (b !== null) {
      const next = bounds.boundOf(back[k], opt);
      if (!b.contains(next)) {
        const joined = b.union(next);
        assumed[k] = attempt === 0 && joined.known() ? joined : null;
        holds = false;
      }
    }
  }
  return holds;
}

/** The guards that check the facts on the trace's inputs, resuming at the label. */
function entryGuards(trace: Trace, failArgs: Value[], resume: int, consts: (Value | null)[], bounds: (IntBound | null)[]): ResOp[] {
  const guards: ResOp[] = [];
  const inputs = trace.inputargs;
  for (let k = 0; k < inputs.length; k++) {
    const c = consts[k];
    const b = bounds[k];
    if (c !== null) {
      guards.push(entryGuard(GUARD_VALUE, [inputs[k], c], failArgs, resume));
    } else if (b !== null) {
      if (b.lower > -LIMIT) {
        const test = new ResOp(INT_GE, [inputs[k], new ConstInt(b.lower)], -1);
        guards.push(test);
        guards.push(entryGuard(GUARD_TRUE, [test], failArgs, resume));
      }
      if (b.upper < LIMIT) {
        const test = new ResOp(INT_LE, [inputs[k], new ConstInt(b.upper)], -1);
        guards.push(test);
        guards.push(entryGuard(GUARD_TRUE, [test], failArgs, resume));
      }
    }
  }
  return guards;
}

function entryGuard(opnum: int, args: Value[], failArgs: Value[], resume: int): ResOp {
  const g = new ResOp(opnum, args, -1);
  g.failArgs = failArgs.slice();
  g.resume = resume;
  return g;
}

/** Whether the values are all inputs of the trace or constants. */
function onlyInputs(values: Value[], t: Trace): boolean {
  for (const v of values) {
    if (v.isConstant()) continue;
    let input = false;
    for (const a of t.inputargs) if (a === v) input = true;
    if (!input) return false;
  }
  return true;
}

/** A copy with fresh inputs and operations (the optimizer rewrites operations in place);
 *  guards keep their resume data. */
function copyTrace(t: Trace): Trace {
  const copy = new Trace();
  const map = new Map<Value, Value>();
  for (const a of t.inputargs) map.set(a, copy.addInput(a.type));
  for (const op of t.ops) {
    const c = new ResOp(op.opnum, mapped(op.args, map), op.descr);
    c.failArgs = mapped(op.failArgs, map);
    c.resume = op.resume;
    copy.ops.push(c);
    map.set(op, c);
  }
  return copy;
}

function mapped(values: Value[], map: Map<Value, Value>): Value[] {
  const out: Value[] = [];
  for (const v of values) out.push(map.get(v) ?? v);
  return out;
}
