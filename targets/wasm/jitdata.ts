// The jitcodes in the data segment (with --jit), for the meta-interpreter (rlib/jitrt/) to
// read. Everything is a prebuilt typed array object (walkable, never freed); a table holds
// the others' addresses. The exported global `rts_jit_info` is the address of that table,
// an Int32Array:
//   [0] code      Uint8Array: every jitcode's bytes
//   [1] opcodes   string: the opcode table, "name/argcodes" entries separated by "\n"
//   [2] jitcodes  Int32Array: one JITCODE_WORDS record per jitcode, the portal first
//   [3] descrs    Int32Array: the descriptor table, each entry's offset in [4]
//   [4] descr data Int32Array: the entries (a tag, then the fields below)
//   [5] runtime   Int32Array: the table slots of the JIT_RUNTIME functions
// A jitcode record: code offset, length, registers i, r, f, the parameters (Uint8Array of
// kind, register pairs), and the constant pools: ints (Int32Array of low, high words), refs
// (Int32Array of addresses), floats (Float64Array).
// Functions that residual calls name get a slot in the module's function table (exported as
// `rts_jit_table`); a call descriptor holds the slot (a trace will call_indirect them).
import { FunctionDesc, ImportedFunction, TYPED_ARRAYS, TypedArrayKind } from "../../translator/frontend/program.ts";
import { JitCodes } from "../../translator/jit/index.ts";
import {
  ArrayDescr, CallDescr, Descr, DriverDescr, FieldDescr, JitCodeDescr, Kind, ListDescr, SwitchDescr,
} from "../../translator/jit/descr.ts";
import { LLType } from "../../translator/rtyper/lltype.ts";
import { FieldKey } from "../../translator/jit/effects.ts";
import { DataSegment } from "./memory.ts";

export const JITCODE_WORDS = 11;
export const DESCR_TAG = { field: 1, array: 2, call: 3, jitcode: 4, dispatch: 5, switch: 6, driver: 7, static: 8, list: 9 } as const;
export const LLTYPE_CODE: Record<LLType, number> = { void: 0, i64: 1, i32: 2, f64: 3, ptr: 4 };
export const KIND_CODE: Record<Kind, number> = { i: 0, r: 1, f: 2 };
const ELEM_CODE = Object.fromEntries(Object.values(TYPED_ARRAYS).map((k, i) => [k, i])) as Record<TypedArrayKind, number>;

export interface JitData {
  /** Address of the info table. */
  info: number;
}

/** Runtime functions compiled traces call (through the table): rlib/runtime.ts's write
 *  barrier slow path, index error of an array read out of range, a full list's growth, error
 *  of an empty list's pop and allocation (NEW); rlib/jitrt/entry.ts's failure path of a
 *  guard with virtuals (jitMaterialize). Their slots are info [5]. */
export const JIT_RUNTIME = ["rememberObject", "indexError", "listGrow", "emptyPop", "allocate", "jitMaterialize"];

export function layOutJitCodes(
  jc: JitCodes,
  data: DataSegment,
  tableIndex: (fn: FunctionDesc | ImportedFunction) => number,
  runtime: FunctionDesc[],
): JitData {
  const i32 = (values: number[]) => data.typedArray(Int32Array.from(values));
  const code = data.typedArray(jc.code);
  const opcodes = data.string(jc.opcodes.join("\n"));
  const records: number[] = [];
  for (const c of jc.jitcodes) {
    const params = data.typedArray(Uint8Array.from(c.inputs.flatMap((p) => [KIND_CODE[p.kind], p.reg])));
    const ints = i32(c.consts.i.flatMap((x) => {
      const big = BigInt.asUintN(64, BigInt(x));
      return [Number(big & 0xffffffffn) | 0, Number(big >> 32n) | 0];
    }));
    const refs = i32(c.consts.r.map((x) => data.pointer(x)));
    const floats = data.typedArray(Float64Array.from(c.consts.f));
    records.push(c.offset, c.length, c.numRegs.i, c.numRegs.r, c.numRegs.f, params, ints, refs, floats, c.consts.i.length, c.inputs.length);
  }
  const offsets: number[] = [];
  const words: number[] = [];
  const indexOf = (d: Descr) => jc.descrs.indexOf(d);
  // A call descriptor names the fields its callee may write by their field descriptors;
  // a field no jitcode reads or writes has none, and no trace caches it.
  const fieldIndex = new Map<string, number>();
  jc.descrs.forEach((d, i) => {
    if (d instanceof FieldDescr) fieldIndex.set(new FieldKey(d.offset, d.type, d.immutable, d.mutate, d.vable).key(), i);
  });
  const fieldsOf = (keys: FieldKey[]) => keys.map((k) => fieldIndex.get(k.key())).filter((i) => i !== undefined) as number[];
  for (const d of jc.descrs) {
    offsets.push(words.length);
    words.push(...encodeDescr(d, data, tableIndex, indexOf, fieldsOf));
  }
  const info = i32([code, opcodes, i32(records), i32(offsets), i32(words), i32(runtime.map(tableIndex))]);
  return { info };
}

function encodeDescr(
  d: Descr,
  data: DataSegment,
  tableIndex: (fn: FunctionDesc | ImportedFunction) => number,
  indexOf: (d: Descr) => number,
  fieldsOf: (keys: FieldKey[]) => number[],
): number[] {
  if (d instanceof FieldDescr) return [DESCR_TAG.field, d.offset, LLTYPE_CODE[d.type], d.immutable ? 1 : 0, d.mutate, d.vable];
  if (d instanceof ArrayDescr) return [DESCR_TAG.array, ELEM_CODE[d.elem]];
  if (d instanceof ListDescr) return [DESCR_TAG.list, LLTYPE_CODE[d.item]];
  if (d instanceof CallDescr) {
    const fields = d.writes === null ? null : fieldsOf(d.writes);
    const writes = fields === null ? [-1] : [fields.length, ...fields];
    return [DESCR_TAG.call, tableIndex(d.fn), d.effect === "elidable" ? 1 : 0, LLTYPE_CODE[d.resultType], d.argTypes.length, ...d.argTypes.map((t) => LLTYPE_CODE[t]), ...writes, d.lists ? 1 : 0];
  }
  if (d instanceof JitCodeDescr) return [DESCR_TAG.jitcode, d.index];
  if (d instanceof SwitchDescr) return [DESCR_TAG.switch, d.defaultTarget, d.targets.size, ...[...d.targets].flat()];
  if (d instanceof DriverDescr) {
    const kinds = [...d.greenKinds, ...d.redKinds].map((k) => KIND_CODE[k]);
    return [DESCR_TAG.driver, d.driver.threshold, d.driver.traceLimit, d.greenKinds.length, d.redKinds.length, ...kinds];
  }
  return [DESCR_TAG.static, d.values.length, ...d.values.map((v) => staticValue(v, data))];
}

/** A StaticDescr value: numbers as they are, booleans 0/1, strings by address. */
function staticValue(v: unknown, data: DataSegment): number {
  if (typeof v === "number") return v | 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return data.string(v);
  throw new Error(`jit data: cannot encode the static operand ${String(v)}`);
}
