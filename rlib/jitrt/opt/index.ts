// The trace optimizer: optimizeTrace(trace) rewrites a recorded trace in place and returns
// it: guards on an int made as strong as the later ones on it (strengthen.ts), then one
// forward walk through the chain (chain.ts: each optimization can remove an
// operation and name the value that replaces it), then dead-operation removal. A loop
// (LABEL first, JUMP last) starts knowing what one iteration establishes, checked once by
// entry guards, when that pays (peel.ts). A bridge starts knowing the intervals its inputs
// lay in where its guard is (`from`: the guard, whose failBounds the walk that optimized it
// kept). A kept guard's fail arguments may name constants afterwards (what a folded
// operation computed). `descrs` tells what the caller knows about the descriptors (by
// default: nothing).
import { int } from "../../types.ts";
import { JUMP, ResOp, Trace } from "../resop.ts";
import { IntBound } from "./bound.ts";
import { optimizationChain } from "./chain.ts";
import { DescrInfo } from "./descrs.ts";
import { removeDeadOps } from "./dce.ts";
import { IntBounds } from "./intbounds.ts";
import { peelLoop } from "./peel.ts";
import { strengthenGuards } from "./strengthen.ts";

export function optimizeTrace(trace: Trace, descrs: DescrInfo = new DescrInfo(), from: ResOp | null = null): Trace {
  strengthenGuards(trace);
  if (trace.ops.length > 0 && trace.ops[trace.ops.length - 1].opnum === JUMP) return peelLoop(trace, descrs);
  const bounds = new IntBounds(descrs);
  const opt = optimizationChain(descrs, bounds, trace, null);
  // (A guard whose failure path builds objects has more values than fail arguments: the
  // bridge's last inputs, materialize.ts.)
  if (from !== null && from.failBounds.length <= 2 * trace.inputargs.length) {
    const known: int[] = from.failBounds;
    for (let i = 0; 2 * i < known.length; i++) bounds.assume(trace.inputargs[i], new IntBound(known[2 * i], known[2 * i + 1]), opt);
  }
  opt.run(trace);
  return removeDeadOps(trace);
}

/** One walk over the trace as it is (a loop does not start knowing anything). */
export function optimizeLoop(trace: Trace, descrs: DescrInfo = new DescrInfo()): Trace {
  optimizationChain(descrs, new IntBounds(descrs), trace, null).run(trace);
  return removeDeadOps(trace);
}
