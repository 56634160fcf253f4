// The trace optimizer: optimizeTrace(trace) rewrites a recorded trace in place and returns
// it: one forward walk through the chain (chain.ts: each optimization can remove an
// operation and name the value that replaces it), then dead-operation removal. A loop
// (LABEL first, JUMP last) is peeled when that pays (peel.ts): it becomes a preamble, one
// iteration, followed by the loop proper, which knows what the preamble established. A kept
// guard's fail arguments may name constants afterwards (what a folded operation computed).
// `descrs` tells what the caller knows about the descriptors (by default: nothing).
import { JUMP, Trace } from "../resop.ts";
import { optimizationChain } from "./chain.ts";
import { DescrInfo } from "./descrs.ts";
import { removeDeadOps } from "./dce.ts";
import { IntBounds } from "./intbounds.ts";
import { peelLoop } from "./peel.ts";

export function optimizeTrace(trace: Trace, descrs: DescrInfo = new DescrInfo()): Trace {
  if (trace.ops.length > 0 && trace.ops[trace.ops.length - 1].opnum === JUMP) return peelLoop(trace, descrs);
  return optimizeLoop(trace, descrs);
}

/** One walk over the trace as it is (a loop is not peeled). */
export function optimizeLoop(trace: Trace, descrs: DescrInfo = new DescrInfo()): Trace {
  optimizationChain(descrs, new IntBounds(descrs), trace).run(trace);
  return removeDeadOps(trace);
}
