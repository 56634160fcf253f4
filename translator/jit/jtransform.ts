// Low-level operations -> jitcode instructions (RPython's codewriter/jtransform.py). Each
// instruction's name says what the tracer records; static operands become descriptors:
//   getfield(obj, 8)                 getfield_r %r0, <Field +8 ptr> -> %r1
//   typed_get("u8", a, i)            getarrayitem_i %r0, %i1, <Array u8> -> %i2
//   list_get(l, i)                   getlistitem_r %r0, %i1, <List ptr> -> %r2
//   list_reserve(l, 4)               list_reserve %r0, $4
//   list_append(l, x)                list_append_r %r0, %r1, <List ptr> -> %i2
//   list_pop(l)                      list_pop_r %r0, <List ptr> -> %r1
//   malloc(16, 42)                   new <malloc 16 42> -> %r0   (a fresh instance, zeroed)
//   direct_call(f, ...)              inline_call_i <JitCode f>, I[..], R[..], F[..]   (f traced into)
//                                    residual_call_i <Call f ...>, I[..], R[..], F[..] (f called)
//   jit_promote(x)                   int_guard_value %i0 ; int_copy %i0 -> %i1
//   jit_merge_point(d, greens, reds) jit_merge_point <Driver d>, I[greens], R[..], F[..], I[reds], R[..], F[..]
//   can_enter_jit(d, greens, reds)   loop_header <Driver d>, I[greens], R[..], F[..], I[reds], R[..], F[..]
// The operations the meta-interpreter executes and records itself (NATIVE_OPS: integer and
// float arithmetic and comparisons, fields, typed-array and list items, list appends and
// pops, instanceof (its type-id bounds are int operands), the pending exception) keep their low-level names or become the instructions above.
// An instance allocation is the `new` instruction (recorded as NEW, which the optimizer can
// keep virtual); its size and type id are a StaticDescr.
// Every other operation (string and other list operations, allocation, checks that
// raise...) becomes a residual call of a one-operation helper function
// (helpers.ts), which the backend compiles like any function: the tracer records a call,
// and the operation keeps exactly the main module's semantics.
import { Constant, Operation, Value, Variable } from "../flowgraph/model.ts";
import { FunctionDesc, ImportedFunction, JitDriverDesc, TypedArrayKind } from "../frontend/program.ts";
import { LLType } from "../rtyper/lltype.ts";
import {
  ArrayDescr, CallDescr, Descr, DriverDescr, FieldDescr, JitCodeDescr, Kind, ListDescr, StaticDescr,
} from "./descr.ts";
import { FieldKey, fieldKeyOf } from "./effects.ts";
import { Insn, kindOf, ListOperand } from "./ssarepr.ts";

/** The operations rlib/jitrt executes itself (keep in step with its opcode handlers). */
export const NATIVE_OPS = new Set([
  "int_add", "int_sub", "int_mul", "int_lt", "int_le", "int_gt", "int_ge", "int_eq",
  "float_add", "float_sub", "float_mul", "float_div", "float_lt",
  "exc_occurred", "exc_fetch", "exc_raise",
  "int32_and", "int32_or", "int32_xor", "int32_lshift", "int32_rshift", "int32_urshift", "int32_not",
  "bool_not", "bool_eq", "int_is_true", "int_neg", "ptr_eq", "ptr_is_true", "ptr_is_nullish",
  "str_len", "list_len", "typed_len", "cast_int_to_float",
  "float_le", "float_gt", "float_ge", "float_eq", "float_neg", "float_abs", "instanceof",
]);

const KIND_NAME: Record<Kind, string> = { i: "int", r: "ref", f: "float" };

/** Interns descriptors: equal descriptors are one table entry. */
export class DescrTable {
  readonly descrs: Descr[] = [];
  private byKey = new Map<string, Descr>();
  private ids = new Map<object, number>();
  /** Distinguishes functions that share a name in descriptor keys. */
  idOf(x: object): number {
    if (!this.ids.has(x)) this.ids.set(x, this.ids.size);
    return this.ids.get(x)!;
  }
  intern<D extends Descr>(d: D, key = d.describe()): D {
    const known = this.byKey.get(key);
    if (known) return known as D;
    this.byKey.set(key, d);
    this.descrs.push(d);
    return d;
  }
}

export class JTransformer {
  /** The loop_header instruction of each can_enter_jit operation (where tracing starts). */
  readonly enterSites = new Map<Operation, Insn>();
  constructor(
    private descrs: DescrTable,
    /** The jitcode of a function the tracer follows, or null for a residual call. */
    private jitcodeOf: (fn: FunctionDesc) => JitCodeDescr | null,
    private isElidable: (fn: FunctionDesc) => boolean,
    /** The helper function that performs one operation (see helpers.ts). */
    private helperFor: (op: Operation) => FunctionDesc,
    /** The fields a call of the function may write (effects.ts), or null: any. */
    private fieldsWritten: (fn: FunctionDesc | ImportedFunction) => FieldKey[] | null,
    /** Whether a call of the function may see or change an existing list (effects.ts). */
    private touchesLists: (fn: FunctionDesc | ImportedFunction) => boolean,
  ) {}

  copy(from: Value, to: Variable): Insn | null {
    const k = kindOf(to);
    return k ? new Insn(`${KIND_NAME[k]}_copy`, [from], to) : null;
  }

  transform(op: Operation): Insn[] {
    const a = op.args;
    const result = kindOf(op.result) ? op.result : null;
    const rk = kindOf(op.result) ?? "v";
    const constant = (i: number) => (a[i] as Constant).value;
    switch (op.opname) {
      case "same_as": {
        const c = this.copy(a[0], op.result);
        return c ? [c] : [];
      }
      case "jit_promote": {
        const k = kindOf(a[0])!;
        return [new Insn(`${KIND_NAME[k]}_guard_value`, [a[0]]), this.copy(a[0], op.result)!];
      }
      case "jit_merge_point":
      case "can_enter_jit": {
        const driver = constant(0) as JitDriverDesc;
        const values = a.slice(1);
        const greens = values.slice(0, driver.greens.length);
        const reds = values.slice(driver.greens.length);
        const d = this.descrs.intern(new DriverDescr(driver, greens.map((v) => kindOf(v)!), reds.map((v) => kindOf(v)!)));
        const insn = new Insn(op.opname === "can_enter_jit" ? "loop_header" : "jit_merge_point", [d, ...byKind(greens), ...byKind(reds)]);
        if (op.opname === "can_enter_jit") this.enterSites.set(op, insn);
        return [insn];
      }
      case "getfield":
        return [new Insn(`getfield_${rk}`, [a[0], this.field(op)], result)];
      case "setfield":
        return [new Insn(`setfield_${kindOf(a[2])}`, [a[0], a[2], this.field(op)])];
      case "typed_get":
        return [new Insn(`getarrayitem_${rk}`, [a[1], a[2], this.descrs.intern(new ArrayDescr(constant(0) as TypedArrayKind))], result)];
      case "typed_set":
        return [new Insn(`setarrayitem_${kindOf(a[3])}`, [a[1], a[2], a[3], this.descrs.intern(new ArrayDescr(constant(0) as TypedArrayKind))])];
      // (A list of void items has no item register: its operations stay helper calls.)
      case "list_get":
        if (result) return [new Insn(`getlistitem_${rk}`, [a[0], a[1], this.listDescr(op.result)], result)];
        break;
      case "list_set":
        if (kindOf(a[2])) return [new Insn(`setlistitem_${kindOf(a[2])}`, [a[0], a[1], a[2], this.listDescr(a[2])])];
        break;
      // Room for one more item (a list of void items has none to make).
      case "list_reserve":
        if (Number(constant(1)) > 0) return [new Insn("list_reserve", [a[0], a[1]])];
        break;
      // The new length (the list_reserve before it made room for the item).
      case "list_append":
        if (kindOf(a[1])) return [new Insn(`list_append_${kindOf(a[1])}`, [a[0], a[1], this.listDescr(a[1])], result)];
        break;
      case "list_pop":
        if (result) return [new Insn(`list_pop_${rk}`, [a[0], this.listDescr(op.result)], result)];
        break;
      case "malloc":
        return [new Insn("new", [this.descrs.intern(new StaticDescr("malloc", [constant(0), constant(1)]))], result)];
      case "direct_call": {
        const fn = constant(0) as FunctionDesc;
        const args = a.slice(1).filter((v) => kindOf(v));
        const inline = this.jitcodeOf(fn);
        if (inline) return [new Insn(`inline_call_${rk}`, [inline, ...byKind(args)], result)];
        return [new Insn(`residual_call_${rk}`, [this.call(fn, args, op.result), ...byKind(args)], result)];
      }
      case "call_import": {
        const args = a.slice(1).filter((v) => kindOf(v));
        return [new Insn(`residual_call_${rk}`, [this.call(constant(0) as ImportedFunction, args, op.result), ...byKind(args)], result)];
      }
    }
    const regs = a.filter((v) => kindOf(v));
    if (NATIVE_OPS.has(op.opname)) {
      // exc_raise's flag (keep the stack trace or start one) is a static operand.
      const statics = a.filter((v) => !kindOf(v)).map((v) => (v as Constant).value);
      if (statics.length === 0) return [new Insn(op.opname, regs, result)];
      return [new Insn(op.opname, [...regs, this.descrs.intern(new StaticDescr(op.opname, statics))], result)];
    }
    // The helper keeps the constant operands; the variables are its parameters.
    const params = a.filter((v) => v instanceof Variable && kindOf(v));
    const helper = this.helperFor(op);
    return [new Insn(`residual_call_${rk}`, [this.call(helper, params, op.result), ...byKind(params)], result)];
  }

  private field(op: Operation): FieldDescr {
    const k = fieldKeyOf(op);
    return this.descrs.intern(new FieldDescr(k.offset, k.type, k.immutable, k.mutate, k.vable));
  }

  private listDescr(item: Value): ListDescr {
    return this.descrs.intern(new ListDescr(item.concretetype as LLType));
  }

  private call(fn: FunctionDesc | ImportedFunction, args: Value[], result: Variable): CallDescr {
    const effect = fn instanceof FunctionDesc && this.isElidable(fn) ? "elidable" : "residual";
    const d = new CallDescr(fn, args.map((v) => v.concretetype as LLType), result.concretetype as LLType, effect, this.fieldsWritten(fn), this.touchesLists(fn));
    return this.descrs.intern(d, `${d.describe()}#${this.descrs.idOf(fn)}`);
  }
}

/** Values split by register kind: the I, R and F lists of calls and markers. */
function byKind(values: Value[]): ListOperand[] {
  return (["i", "r", "f"] as const).map((k) => new ListOperand(k, values.filter((v) => kindOf(v) === k)));
}
