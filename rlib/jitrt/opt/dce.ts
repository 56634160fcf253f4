// Dead-operation removal: a backward walk that keeps every operation with an effect (guards,
// writes, calls, LABEL, JUMP) and an effect-free one only when a kept operation uses its
// result, as an argument or as a guard's fail argument (or in what its failure path builds).
import { ResOp, Trace, Value } from "../resop.ts";
import { removableIfUnused } from "./effects.ts";

export function removeDeadOps(trace: Trace): Trace {
  const used = new Set<Value>();
  const live: boolean[] = [];
  for (let i = trace.ops.length - 1; i >= 0; i--) {
    const op = trace.ops[i];
    const keep = !removableIfUnused(op.opnum) || used.has(op);
    live.push(keep);
    if (!keep) continue;
    for (const v of op.args) used.add(v);
    for (const v of op.failArgs) used.add(v);
    for (const m of op.onFailure) for (const v of m.args) used.add(v);
  }
  const kept: ResOp[] = [];
  for (let i = 0; i < trace.ops.length; i++) {
    if (live[trace.ops.length - 1 - i]) kept.push(trace.ops[i]);
  }
  trace.ops = kept;
  return trace;
}
