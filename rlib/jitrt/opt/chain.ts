// The chain of optimizations one forward walk runs (optimizer.ts): constant folding →
// integer bounds → guard removal → common subexpressions → heap cache. The caller passes the
// IntBounds, to tell it what holds at the start (peel.ts) or ask what held at the end.
import { DescrInfo } from "./descrs.ts";
import { ConstantFolding } from "./fold.ts";
import { GuardRemoval } from "./guards.ts";
import { HeapCache } from "./heap.ts";
import { IntBounds } from "./intbounds.ts";
import { Optimizer } from "./optimizer.ts";
import { PureCSE } from "./pure.ts";

export function optimizationChain(descrs: DescrInfo, bounds: IntBounds): Optimizer {
  return new Optimizer([new ConstantFolding(), bounds, new GuardRemoval(descrs), new PureCSE(), new HeapCache(descrs)]);
}
