// The trace optimizer (v1): optimizeLoop(trace) rewrites a recorded loop trace (LABEL first,
// JUMP last) in place and returns it. One forward walk through the chain constant folding →
// integer bounds → guard removal → common subexpressions → heap cache (each can remove an operation and name
// the value that replaces it), then dead-operation removal. A kept guard's fail arguments may
// name constants afterwards (what a folded operation computed). `descrs` tells what the
// caller knows about the descriptors (by default: nothing).
import { Trace } from "../resop.ts";
import { DescrInfo } from "./descrs.ts";
import { removeDeadOps } from "./dce.ts";
import { ConstantFolding } from "./fold.ts";
import { GuardRemoval } from "./guards.ts";
import { HeapCache } from "./heap.ts";
import { IntBounds } from "./intbounds.ts";
import { Optimizer } from "./optimizer.ts";
import { PureCSE } from "./pure.ts";

export function optimizeLoop(trace: Trace, descrs: DescrInfo = new DescrInfo()): Trace {
  new Optimizer([new ConstantFolding(), new IntBounds(descrs), new GuardRemoval(descrs), new PureCSE(), new HeapCache(descrs)]).run(trace);
  return removeDeadOps(trace);
}
