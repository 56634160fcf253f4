// The chain of optimizations one forward walk runs (optimizer.ts): constant folding →
// immutable fields of constant objects → redundant guard_not_invalidated → integer bounds
// → guard removal → common subexpressions → virtuals (allocation removal and lazy list
// appends) → heap cache. The
// caller passes the IntBounds, to tell it what holds at the start (peel.ts) or ask what held
// at the end, the trace to be walked (one that neither allocates nor appends gives the
// virtuals nothing to do: they are left out), and what the virtuals do at its JUMP (null:
// force what is virtual there; peel.ts unrolling), and what the heap cache carries across
// it (null: nothing; vable.ts).
import { DescrInfo } from "./descrs.ts";
import { ConstantFolding } from "./fold.ts";
import { GuardRemoval } from "./guards.ts";
import { HeapCache } from "./heap.ts";
import { ImmutableFields } from "./immutable.ts";
import { IntBounds } from "./intbounds.ts";
import { Optimization, Optimizer } from "./optimizer.ts";
import { InvalidationGuards } from "./quasiimmut.ts";
import { PureCSE } from "./pure.ts";
import { JumpExport, Virtuals } from "./virtuals.ts";
import { VableCarry } from "./vable.ts";
import { LIST_APPEND, NEW, Trace } from "../resop.ts";

export function optimizationChain(descrs: DescrInfo, bounds: IntBounds, trace: Trace, jumpExport: JumpExport | null, carry: VableCarry | null = null): Optimizer {
  const chain: Optimization[] = [new ConstantFolding(), new ImmutableFields(descrs), new InvalidationGuards(descrs), bounds, new GuardRemoval(descrs), new PureCSE()];
  if (allocatesOrAppends(trace)) chain.push(new Virtuals(descrs, jumpExport));
  chain.push(new HeapCache(descrs, carry));
  return new Optimizer(chain);
}

function allocatesOrAppends(trace: Trace): boolean {
  for (const op of trace.ops) if (op.opnum === NEW || op.opnum === LIST_APPEND) return true;
  return false;
}
