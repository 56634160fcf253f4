// The call graph of low-level graphs, which the transforms' whole-program analyses walk.
import { Constant, Operation } from "../flowgraph/model.ts";
import { FunctionDesc } from "../frontend/program.ts";
import { DispatchCase, IndirectCall } from "../rtyper/index.ts";

/** The functions a low-level operation may call. */
export function callees(op: Operation): FunctionDesc[] {
  const callee = (op.args[0] as Constant | undefined)?.value;
  if (op.opname === "direct_call") return [callee as FunctionDesc];
  if (op.opname === "dispatch") return (callee as DispatchCase[]).map((c) => c.fn);
  if (op.opname === "call_indirect") return (callee as IndirectCall).members;
  return [];
}

/** The functions that contain an operation with the property, or call (transitively) one
 *  that does: a fixpoint over the call graph. */
export function functionsReaching(fns: FunctionDesc[], has: (op: Operation) => boolean): Set<FunctionDesc> {
  const result = new Set<FunctionDesc>();
  const callers = new Map<FunctionDesc, Set<FunctionDesc>>();
  const work: FunctionDesc[] = [];
  for (const fn of fns) {
    for (const b of fn.graph.blocks()) {
      for (const op of b.operations) {
        if (has(op) && !result.has(fn)) {
          result.add(fn);
          work.push(fn);
        }
        for (const c of callees(op)) {
          if (!callers.has(c)) callers.set(c, new Set());
          callers.get(c)!.add(fn);
        }
      }
    }
  }
  while (work.length > 0) {
    for (const caller of callers.get(work.pop()!) ?? []) {
      if (!result.has(caller)) {
        result.add(caller);
        work.push(caller);
      }
    }
  }
  return result;
}
