// What a residual call may write (RPython's codewriter/effectinfo.py, for fields): the
// codewriter knows every function's graph, so per callee it collects the fields its
// `setfield` operations write, through the functions it calls directly, transitively. A call
// descriptor carries that set (as field descriptors), and the trace optimizer's heap cache
// keeps across the call what the callee cannot write: an interpreter that rereads a flag
// after each call of a helper that never sets it reads it once.
// Conservative: a function that calls through a function value or a method dispatch, calls
// the host, writes raw memory (store intrinsics, memCopy, memFill: a field could be
// anywhere), or runs the JIT runtime (jitCall, callTrace: it runs the interpreter itself)
// may write any field. Allocation, strings, lists and typed arrays are not fields (the heap
// cache forgets their items at every residual call anyway); the collector moves objects
// but keeps their fields' values.
import { Constant } from "../flowgraph/model.ts";
import { FunctionDesc, ImportedFunction } from "../frontend/program.ts";
import { LLType } from "../rtyper/lltype.ts";

/** Operations after which any field may have been written. */
const WRITES_ANY = new Set([
  "call_indirect", "dispatch", "call_import", "jitCall", "callTrace",
  "store8", "store16", "store32", "store64", "storeFloat32", "storeFloat64", "memCopy", "memFill",
]);

/** A field as the codewriter names it (FieldDescr: offset and low-level type). */
export class FieldKey {
  constructor(
    public offset: number,
    public type: LLType,
  ) {}
}

/** What one function does itself. */
class DirectEffects {
  fields = new Map<string, FieldKey>();
  any = false;
  callees: FunctionDesc[] = [];
}

export class EffectAnalysis {
  private direct = new Map<FunctionDesc, DirectEffects>();

  /** The fields a call of `fn` may write, or null for any. */
  fieldsWritten(fn: FunctionDesc | ImportedFunction): FieldKey[] | null {
    if (fn instanceof ImportedFunction) return null;
    const fields = new Map<string, FieldKey>();
    const seen = new Set<FunctionDesc>([fn]);
    const work = [fn];
    for (let f = work.pop(); f; f = work.pop()) {
      const e = this.effectsOf(f);
      if (e.any) return null;
      for (const [k, field] of e.fields) fields.set(k, field);
      for (const c of e.callees) {
        if (!seen.has(c)) {
          seen.add(c);
          work.push(c);
        }
      }
    }
    return [...fields.keys()].sort().map((k) => fields.get(k)!);
  }

  private effectsOf(fn: FunctionDesc): DirectEffects {
    let e = this.direct.get(fn);
    if (e) return e;
    e = new DirectEffects();
    this.direct.set(fn, e);
    if (!fn.graph) {
      e.any = true;
      return e;
    }
    for (const b of fn.graph.blocks()) {
      for (const op of b.operations) {
        if (op.opname === "setfield") {
          const field = new FieldKey(Number((op.args[1] as Constant).value), op.args[2].concretetype as LLType);
          e.fields.set(`${field.offset} ${field.type}`, field);
        } else if (op.opname === "direct_call") {
          e.callees.push((op.args[0] as Constant).value as FunctionDesc);
        } else if (WRITES_ANY.has(op.opname)) {
          e.any = true;
        }
      }
    }
    return e;
  }
}
