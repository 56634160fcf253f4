// Loop-invariant facts at the loop's label (a cheap form of RPython's loop peeling,
// optimizeopt/unroll.py). A loop trace optimized as one walk knows nothing at its label:
// every iteration checks again what the previous one established. But one iteration,
// optimized, shows what its jump passes back: values that are constants (a promoted object:
// the guard_value at the top of every iteration) and ints within intervals (a tape
// interpreter's pointer after its range checks). The loop is then optimized again from a
// fresh copy of the recorded iteration that assumes those facts at its label, and the facts
// are checked once, by entry guards before the loop starts.
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
// A loop whose JUMP carries virtual objects, or a virtualizable's fields and items (vable.ts),
// is unrolled instead (`unroll` below): a full optimized iteration as the preamble, then the
// loop.
import {
  ConstInt, ConstRef, GETFIELD_F, GETFIELD_I, GETFIELD_R, GUARD_TRUE, GUARD_VALUE, INT_GE, INT_LE, isGuard, JUMP, LABEL, NEW, ResOp, SETFIELD, Trace, TYPE_INT, Value,
} from "../resop.ts";
import { JumpExport, Shape } from "./virtuals.ts";
import { VableCarry } from "./vable.ts";
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
  const recorded = copyTrace(trace, new Map<Value, Value>());
  if ((allocates(trace) || touchesVable(trace, descrs)) && unroll(trace, recorded, descrs)) return trace;
  // (Taken before the walk, which rewrites the operations.)
  const first = trace.ops.length > 1 ? trace.ops[1] : null;
  const resumable = first !== null && isGuard(first.opnum) && onlyInputs(first.failArgs, trace);
  const resumeFailArgs = resumable ? first!.failArgs.slice() : [];
  const resume = resumable ? first!.resume : -1;
  const preambleBounds = new IntBounds(descrs);
  const preambleOpt = optimizationChain(descrs, preambleBounds, trace, null);
  preambleOpt.run(trace);
  removeDeadOps(trace);
  if (!resumable) return trace;
  const facts = new Facts(trace.ops[trace.ops.length - 1].args, preambleBounds, preambleOpt);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const loop = copyTrace(recorded, new Map<Value, Value>());
    const loopBounds = new IntBounds(descrs);
    const loopOpt = optimizationChain(descrs, loopBounds, loop, null);
    facts.assume(loop, loopBounds, loopOpt);
    loopOpt.run(loop);
    if (!facts.hold(loop, loopBounds, loopOpt, attempt)) continue;
    removeDeadOps(loop);
    const guards = entryGuards(trace, resumeFailArgs, resume, facts.consts, facts.bounds);
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

/** Unrolling for the virtual state a loop carries (RPython's unroll.py keeps virtuals
 *  across the jump the same way). An interpreter with boxed numbers and heap frames
 *  allocates, in every iteration, the objects the next one reads: one optimized iteration
 *  ends with them still virtual at its JUMP, which then forces them. Instead, that iteration
 *  becomes the preamble, its JUMP passing the virtuals' field values (their leaves,
 *  virtuals.ts JumpExport); the loop after it takes the leaves as its label's arguments and
 *  starts by building the same objects from them (NEW and SETFIELD, which stay virtual), so
 *  its reads of their fields are the leaves themselves, and its own JUMP must pass objects
 *  of the same shapes, as leaves again. No object is allocated in the loop unless it
 *  escapes. The preamble is a full iteration: entered from the interpreter with real
 *  objects, it is what makes the loop's objects fresh (nothing else can see them, which is
 *  what leaving them virtual assumes). Facts at the label (constants, intervals of the
 *  leaves) are what the preamble's JUMP passes: true on entry without entry guards, and
 *  kept only if the loop's JUMP passes them back. False (the trace untouched) when the
 *  preamble exports no virtual or the loop's JUMP does not match its shapes. */
function unroll(trace: Trace, recorded: Trace, descrs: DescrInfo): boolean {
  const preamble = copyTrace(recorded, new Map<Value, Value>());
  const exported = new JumpExport(null);
  const carry = new VableCarry(null);
  const preambleBounds = new IntBounds(descrs);
  const preambleOpt = optimizationChain(descrs, preambleBounds, preamble, exported, carry);
  preambleOpt.run(preamble);
  if (exported.failed || carry.failed || (!exported.exported() && carry.entries.length === 0)) return false;
  removeDeadOps(preamble);
  const leaves = preamble.ops[preamble.ops.length - 1].args;
  const facts = new Facts(leaves, preambleBounds, preambleOpt);
  for (let attempt = 0; attempt <= ATTEMPTS; attempt++) {
    if (attempt === ATTEMPTS) facts.forget();
    const seeded = new SeededLoop(recorded, exported.shapes, leaves);
    const loop = seeded.loop;
    const loopBounds = new IntBounds(descrs);
    const expected = new JumpExport(exported.shapes);
    const carried = new VableCarry(carry.entries);
    const loopOpt = optimizationChain(descrs, loopBounds, loop, expected, carried);
    facts.assume(loop, loopBounds, loopOpt);
    loopOpt.run(loop);
    if (carried.dirtied.length > 0 && attempt < ATTEMPTS) {
      // Written in the loop, carried as a value memory holds: carried as a kept write.
      for (const k of carried.dirtied) carry.entries[k].written = true;
      continue;
    }
    if (carried.failed) return false;
    // An object the loop lets escape is allocated in it all the same: unrolled, the loop
    // would only be longer (an interpreter's recursion: each call's frame names the last).
    if (expected.failed || seeded.escaped()) return false;
    if (!facts.hold(loop, loopBounds, loopOpt, attempt)) continue;
    removeDeadOps(loop);
    trace.inputargs = preamble.inputargs;
    trace.unrolled = true;
    trace.ops = preamble.ops;
    for (const op of loop.ops) trace.ops.push(op);
    return true;
  }
  return false;
}

/** The recorded iteration as the loop after the preamble: a LABEL of the leaves (inputs of
 *  the leaves' types), the objects of the shapes built from them, then the iteration on
 *  those objects instead of the inputs they replace. */
class SeededLoop {
  loop = new Trace();
  /** The NEW and SETFIELD operations that build the objects. */
  built: ResOp[] = [];
  private next = 0;

  constructor(recorded: Trace, shapes: (Shape | null)[], private leaves: Value[]) {
    const map = new Map<Value, Value>();
    for (let k = 0; k < recorded.inputargs.length; k++) {
      // (No shapes at all when the trace allocates nothing: the virtuals did not run.)
      const shape = k < shapes.length ? shapes[k] : null;
      map.set(recorded.inputargs[k], shape !== null ? this.build(shape) : this.leaf());
    }
    // The virtualizables' carried values (vable.ts) come last.
    while (this.next < leaves.length) this.leaf();
    const body = copyTrace(recorded, map);
    this.loop.ops.push(new ResOp(LABEL, this.loop.inputargs.slice(), -1));
    for (const op of this.built) this.loop.ops.push(op);
    for (let i = 1; i < body.ops.length; i++) this.loop.ops.push(body.ops[i]);
  }

  /** After the walk: whether an object it builds was forced (its NEW emitted). */
  escaped(): boolean {
    for (const op of this.built) if (op.opnum === NEW && this.loop.ops.indexOf(op) >= 0) return true;
    return false;
  }

  private leaf(): Value {
    const input = this.loop.addInput(this.leaves[this.next].type);
    this.next++;
    return input;
  }

  private build(shape: Shape): ResOp {
    const obj = new ResOp(NEW, [], shape.descr);
    this.built.push(obj);
    for (let i = 0; i < shape.fields.length; i++) {
      const nested = shape.nested[i];
      const value = nested !== null ? this.build(nested) : this.leaf();
      this.built.push(new ResOp(SETFIELD, [obj, value], shape.fields[i]));
    }
    return obj;
  }
}

/** Whether the trace reads or writes a virtualizable's field (only then can its JUMP carry
 *  what vable.ts carries). */
function touchesVable(trace: Trace, descrs: DescrInfo): boolean {
  for (const op of trace.ops) {
    const field = op.opnum === SETFIELD || op.opnum === GETFIELD_I || op.opnum === GETFIELD_R || op.opnum === GETFIELD_F;
    if (field && descrs.vableKind(op.descr) !== 0) return true;
  }
  return false;
}

/** Whether the trace allocates (only then can its JUMP carry virtuals). */
function allocates(trace: Trace): boolean {
  for (const op of trace.ops) if (op.opnum === NEW) return true;
  return false;
}

/** What the loop assumes of each label argument: a constant, an interval, or nothing, from
 *  what the first iteration's JUMP passes. */
class Facts {
  consts: (Value | null)[] = [];
  bounds: (IntBound | null)[] = [];

  constructor(entry: Value[], bounds: IntBounds, opt: Optimizer) {
    for (const v of entry) {
      const constant = v instanceof ConstInt || v instanceof ConstRef;
      this.consts.push(constant ? v : null);
      const b = v.type === TYPE_INT && !constant ? bounds.boundOf(v, opt) : null;
      this.bounds.push(b !== null && b.known() ? b : null);
    }
  }

  forget(): void {
    for (let k = 0; k < this.consts.length; k++) {
      this.consts[k] = null;
      this.bounds[k] = null;
    }
  }

  /** Tells the loop's walk the facts of its label's arguments (its inputs). */
  assume(loop: Trace, bounds: IntBounds, opt: Optimizer): void {
    for (let k = 0; k < loop.inputargs.length; k++) {
      const c = this.consts[k];
      const b = this.bounds[k];
      if (c !== null) opt.replace(loop.inputargs[k], c);
      else if (b !== null) bounds.assume(loop.inputargs[k], b, opt);
    }
  }

  /** Whether the loop's jump passes back what it assumed at its label; if not, weakens the
   *  facts that failed (an interval joined with what the jump passes, at the first attempt;
   *  else dropped). */
  hold(loop: Trace, bounds: IntBounds, opt: Optimizer, attempt: int): boolean {
    const back = loop.ops[loop.ops.length - 1].args;
    let holds = true;
    for (let k = 0; k < back.length; k++) {
      const c = this.consts[k];
      const b = this.bounds[k];
      if (c !== null && opt.key(c) !== opt.key(back[k])) {
        this.consts[k] = null;
        holds = false;
      } else if (b !== null) {
        const next = bounds.boundOf(back[k], opt);
        if (!b.contains(next)) {
          const joined = b.union(next);
          this.bounds[k] = attempt === 0 && joined.known() ? joined : null;
          holds = false;
        }
      }
    }
    return holds;
  }
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

/** A copy with fresh operations (the optimizer rewrites operations in place), and fresh
 *  inputs for those `map` does not give a value; guards keep their resume data. */
function copyTrace(t: Trace, map: Map<Value, Value>): Trace {
  const copy = new Trace();
  for (const a of t.inputargs) if (!map.has(a)) map.set(a, copy.addInput(a.type));
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
