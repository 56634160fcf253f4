// The values going into and out of a loop trace, as the compiled trace (rlib/jitrt/backend/)
// and the reference evaluator (traceeval.ts) exchange them. Values are numbered per kind
// group, as a compiled trace's memory frame holds them: ints and floats share one sequence
// of 8-byte slots (the frame), refs have their own sequence of 4-byte slots (on the shadow
// stack, where the collector updates them). Inputs go in in the order of the trace's
// inputargs; when the trace leaves by an exit (a guard that fails, or FINISH), the exit's
// values (a guard's failArgs, FINISH's arguments) come out in their order.
import { float, int } from "../types.ts";
import { GUARD_NO_EXCEPTION, isExit, isGuard, ResOp, Trace, TYPE_REF, Value } from "./resop.ts";

/** Refs are held as addresses, which the collector does not update: a JitFrame holds refs
 *  only while nothing allocates (tests use prebuilt objects). */
export class JitFrame {
  /** Slot k of the frame: ints[k] holds it when it is an int, floats[k] when a float. */
  ints: int[] = [];
  floats: float[] = [];
  refs: int[] = [];

  setInt(slot: int, v: int): void {
    this.grow(slot);
    this.ints[slot] = v;
  }

  setFloat(slot: int, v: float): void {
    this.grow(slot);
    this.floats[slot] = v;
  }

  setRef(slot: int, v: int): void {
    while (this.refs.length <= slot) this.refs.push(0);
    this.refs[slot] = v;
  }

  private grow(slot: int): void {
    while (this.ints.length <= slot) {
      this.ints.push(0);
      this.floats.push(0);
    }
  }
}

/** The exits of a trace in order: the guard index a compiled trace returns indexes this. */
export function exitOps(trace: Trace): ResOp[] {
  const exits: ResOp[] = [];
  for (const op of trace.ops) if (isExit(op.opnum)) exits.push(op);
  return exits;
}

/** Whether a bridge may be attached to the exit: a guard, but not guard_no_exception (the
 *  blackhole takes its pending exception; a trace never records the raising path). */
export function takesBridge(opnum: int): boolean {
  return isGuard(opnum) && opnum !== GUARD_NO_EXCEPTION;
}

/** Whether a compiled exit stores the value in its slot: a guard leaves its constant fail
 *  arguments out (whoever reads the exit takes them from the trace: less code to compile),
 *  FINISH stores all of its values (they are its target loop's inputs). */
export function storedAtExit(exit: ResOp, v: Value): boolean {
  return !isGuard(exit.opnum) || !v.isConstant();
}

/** The values an exit hands back (a guard's failArgs, FINISH's arguments). */
export function exitValues(exit: ResOp): Value[] {
  return isGuard(exit.opnum) ? exit.failArgs : exit.args;
}

/** How many of the values are refs (they take ref slots; the others frame slots). */
export function countRefs(values: Value[]): int {
  let n = 0;
  for (const v of values) if (v.type === TYPE_REF) n++;
  return n;
}

/** Each value's slot: its position among the refs of `values` for a ref, else among the others. */
export function frameSlots(values: Value[]): int[] {
  const slots: int[] = [];
  let refs = 0;
  let others = 0;
  for (const v of values) {
    if (v.type === TYPE_REF) {
      slots.push(refs);
      refs++;
    } else {
      slots.push(others);
      others++;
    }
  }
  return slots;
}
