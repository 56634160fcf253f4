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
// Lists apart: whether a call may read or write any existing list (a list operation other
// than making a new one, or any of the above), so that the trace optimizer may keep a
// list's appends pending across a call that cannot see them (rlib/jitrt/opt/virtuals.ts).
import { Constant, Operation } from "../flowgraph/model.ts";
import { FunctionDesc, ImportedFunction } from "../frontend/program.ts";
import { LLType } from "../rtyper/lltype.ts";

/** Operations after which any field may have been written. */
const WRITES_ANY = new Set([
  "call_indirect", "dispatch", "call_import", "jitCall", "callTrace",
  "store8", "store16", "store32", "store64", "storeFloat32", "storeFloat64", "memCopy", "memFill",
]);

/** A field as the codewriter names it (FieldDescr: offset, low-level type, whether it is
 *  immutable, written only while its object is made, a quasi-immutable one's hidden word,
 *  else -1, and whether it is a virtualizable's: VABLE_FIELD, VABLE_ARRAY or 0). */
export class FieldKey {
  constructor(
    public offset: number,
    public type: LLType,
    public immutable: boolean,
    public mutate = -1,
    public vable = 0,
  ) {}
  key(): string {
    return `${this.offset} ${this.type}${this.immutable ? " immutable" : ""}${this.mutate >= 0 ? ` quasi ${this.mutate}` : ""}${this.vable > 0 ? ` vable ${this.vable}` : ""}`;
  }
}

/** A virtualizable's field (FieldKey.vable; rlib/jitrt/jitcodes.ts has the same numbers):
 *  its value, or the items of the array it holds, live in a trace's registers. */
export const VABLE_FIELD = 1;
export const VABLE_ARRAY = 2;

/** The field of a getfield(obj, offset[, flag]) or setfield(obj, offset, value[, flag])
 *  operation: the rtyper's flag is `true` for an immutable field (FieldLayout.immutable),
 *  the hidden word's offset for a quasi-immutable one (FieldLayout.mutate), "vable" or
 *  "vable[*]", after "immutable " for a readonly one, for a virtualizable's
 *  (FieldLayout.vable). */
export function fieldKeyOf(op: Operation): FieldKey {
  const get = op.opname === "getfield";
  const flag = op.args[get ? 2 : 3];
  const type = (get ? op.result.concretetype : op.args[2].concretetype) as LLType;
  const value = flag instanceof Constant ? flag.value : undefined;
  const offset = Number((op.args[1] as Constant).value);
  if (typeof value === "string") {
    return new FieldKey(offset, type, value.startsWith("immutable "), -1, value.endsWith("vable[*]") ? VABLE_ARRAY : VABLE_FIELD);
  }
  return new FieldKey(offset, type, value === true, typeof value === "number" ? value : -1);
}

/** What one function does itself. */
class DirectEffects {
  fields = new Map<string, FieldKey>();
  any = false;
  lists = false;
  callees: FunctionDesc[] = [];
}

/** List operations on a list the function did not just make. */
function touchesList(opname: string): boolean {
  return opname.startsWith("list_") && opname !== "list_new" && opname !== "list_init";
}

export class EffectAnalysis {
  private direct = new Map<FunctionDesc, DirectEffects>();

  /** The fields a call of `fn` may write, or null for any. */
  fieldsWritten(fn: FunctionDesc | ImportedFunction): FieldKey[] | null {
    if (fn instanceof ImportedFunction) return null;
    const fields = new Map<string, FieldKey>();
    for (const e of this.reachable(fn)) {
      if (e.any) return null;
      for (const [k, field] of e.fields) fields.set(k, field);
    }
    return [...fields.keys()].sort().map((k) => fields.get(k)!);
  }

  /** Whether a call of `fn` may read or write a list that exists before it. */
  touchesLists(fn: FunctionDesc | ImportedFunction): boolean {
    if (fn instanceof ImportedFunction) return true;
    return this.reachable(fn).some((e) => e.any || e.lists);
  }

  /** What `fn` and the functions it calls directly, transitively, do themselves. */
  private reachable(fn: FunctionDesc): DirectEffects[] {
    const all: DirectEffects[] = [];
    const seen = new Set<FunctionDesc>([fn]);
    const work = [fn];
    for (let f = work.pop(); f; f = work.pop()) {
      const e = this.effectsOf(f);
      all.push(e);
      for (const c of e.callees) {
        if (!seen.has(c)) {
          seen.add(c);
          work.push(c);
        }
      }
    }
    return all;
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
          const field = fieldKeyOf(op);
          e.fields.set(field.key(), field);
        } else if (op.opname === "direct_call") {
          e.callees.push((op.args[0] as Constant).value as FunctionDesc);
        } else if (WRITES_ANY.has(op.opname)) {
          e.any = true;
        } else if (touchesList(op.opname)) {
          e.lists = true;
        }
      }
    }
    return e;
  }
}
