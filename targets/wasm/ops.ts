// Low-level operation -> Wasm instructions. Operands are always locals or constants, so
// reading one twice is free; but a binaryen expression is a tree node that may appear only
// once, so operands are passed around as thunks (`Ex`) that build a fresh node per use. Operations that need the runtime (errors,
// allocation, list growth) call rlib functions translated with the program.
import binaryen from "binaryen";
import { Constant, Operation, Value, Variable } from "../../translator/flowgraph/model.ts";
import { FunctionDesc, ImportedFunction, TypedArrayKind } from "../../translator/frontend/program.ts";
import {
  CLOSURE, GC_TRACK_YOUNG, LIST, LIST_ITEMS, LLType, sizeOf, STR, TYPED, TYPEID, typedElemSize, typedIsFloat,
} from "../../translator/rtyper/lltype.ts";
import { DispatchCase, IndirectCall } from "../../translator/rtyper/index.ts";
import {
  DATA_BASE, DataSegment, EXC_TRACE, FIRST_OBJECT_ADDRESS, GLOBALS, JIT_EXCHANGE_BASE, NURSERY, RUNTIME_STATE_BASE, SCRATCH_BASE, SHADOW_STACK_BASE,
  SHADOW_STACK_SIZE,
} from "./memory.ts";
import { Locals, typeOfValue, wasmType } from "./functions.ts";

type X = binaryen.ExpressionRef;
type Ex = () => X;

/** What the op emitter needs from the module being built. */
export interface ModuleContext {
  m: binaryen.Module;
  data: DataSegment;
  /** The generational collector: inline nursery allocation and write barriers. */
  generational: boolean;
  /** Translated with --jit: the host's trace compiler is imported. */
  jit: boolean;
  functionName(fn: FunctionDesc): string;
  runtimeName(name: string): string;
  importName(fn: ImportedFunction): string;
  importSignature(fn: ImportedFunction): { params: binaryen.Type[]; result: binaryen.Type };
  /** The slot of a function called through function values in the function table. */
  tableIndex(fn: FunctionDesc): number;
}

/** With --jit: the global holding the jitcode info table's address (targets/wasm/jitdata.ts),
 *  and the function through which rlib/jitrt makes residual calls (jitcall.ts). */
export const JIT_INFO_GLOBAL = "rts_jit_info";
export const JIT_CALL_FUNCTION = "__jit_call";

/** The Wasm table of the functions that closures call (call_indirect). */
export const FUNCTION_TABLE = "functions";
/** The internal names of the host's trace compiler imports (rts_jit.compile, and the
 *  background one's rts_jit.submit and rts_jit.collect), with --jit. */
export const JIT_COMPILE = "rts_jit.compile";
export const JIT_SUBMIT = "rts_jit.submit";
export const JIT_COLLECT = "rts_jit.collect";

export class OpEmitter {
  constructor(private ctx: ModuleContext) {}
  forFunction(locals: Locals): FunctionOps {
    return new FunctionOps(this.ctx, locals);
  }
}

/** Dispatch cases with each implementation's parameter and result types. */
type TypedCase = DispatchCase & { params: LLType[]; ret: LLType };

export class FunctionOps {
  private m: binaryen.Module;
  constructor(
    private ctx: ModuleContext,
    private locals: Locals,
  ) {
    this.m = ctx.m;
  }

  value(v: Value): X {
    const t = typeOfValue(v);
    if (v instanceof Variable) return this.m.local.get(this.locals.of(v), wasmType(t));
    return this.constant((v as Constant).value, t);
  }

  private constant(value: unknown, t: LLType): X {
    const m = this.m;
    switch (t) {
      case "i64":
        return m.i64.const(BigInt(value as number));
      case "f64":
        return m.f64.const(value as number);
      case "i32":
        return m.i32.const(value === true ? 1 : value === false ? 0 : (value as number));
      case "ptr":
        return m.i32.const(this.ctx.data.pointer(value));
    }
    throw new Error(`constant of type ${t}`);
  }

  /** The statement for one operation: computes it and stores the result local. */
  operation(op: Operation): X {
    const rt = typeOfValue(op.result);
    const e = this.expression(op);
    if (rt === "void") return binaryen.getExpressionType(e) === binaryen.none ? e : this.m.drop(e);
    return this.m.local.set(this.locals.of(op.result), e);
  }

  private wrap(x: X): X {
    return this.m.i32.wrap(x);
  }

  private addr(base: X, offset: X, scale: number): X {
    const m = this.m;
    const scaled = scale === 1 ? this.wrap(offset) : m.i32.mul(this.wrap(offset), m.i32.const(scale));
    return m.i32.add(base, scaled);
  }

  /** A call of the host's trace compiler import `name` (its i32 arguments and result, the
   *  result widened), or, in a module translated without --jit, the runtime's failure. */
  private hostCompilerCall(name: string, args: Ex[]): X {
    if (!this.ctx.jit) return this.m.block(null, [this.runtimeFailure("jitUnavailable")], binaryen.i64);
    return this.m.i64.extend_u(this.call(name, args.map((x) => this.wrap(x())), binaryen.i32));
  }

  private call(name: string, args: X[], result: binaryen.Type): X {
    return this.m.call(name, args, result);
  }

  /** Calls an rlib error reporter, which exits. */
  runtimeFailure(reporter: string): X {
    return this.m.block(null, [this.call(this.ctx.runtimeName(reporter), [], binaryen.none), this.m.unreachable()]);
  }

  /** Calls an rlib error reporter (which exits) when `bad` holds. */
  private check(bad: X, reporter: string, args: X[]): X {
    return this.m.if(bad, this.m.block(null, [this.call(this.ctx.runtimeName(reporter), args, binaryen.none), this.m.unreachable()]));
  }

  private boundsCheck(idx: Ex, len: Ex): X {
    return this.check(this.m.i64.ge_u(idx(), len()), "indexError", [idx(), len()]);
  }

  private loadTyped(t: LLType, addr: X): X {
    const m = this.m;
    switch (t) {
      case "i64":
        return m.i64.load(0, 8, addr);
      case "f64":
        return m.f64.load(0, 8, addr);
      default:
        return m.i32.load(0, 4, addr);
    }
  }

  private storeTyped(t: LLType, addr: X, v: X): X {
    const m = this.m;
    switch (t) {
      case "i64":
        return m.i64.store(0, 8, addr, v);
      case "f64":
        return m.f64.store(0, 8, addr, v);
      default:
        return m.i32.store(0, 4, addr, v);
    }
  }

  private len32(ptr: Ex, offset: number): Ex {
    return () => this.m.i64.load32_u(offset, 4, ptr());
  }

  private expression(op: Operation): X {
    const m = this.m;
    const a = op.args.map((v): Ex => () => this.value(v));
    const rt = typeOfValue(op.result);
    switch (op.opname) {
      case "same_as":
      case "jit_promote": // a guard only in a trace
        return a[0]();
      case "jit_merge_point": // only the codewriter reads the markers
      case "can_enter_jit":
        return m.nop();
      case "int_add":
        return m.i64.add(a[0](), a[1]());
      case "int_sub":
        return m.i64.sub(a[0](), a[1]());
      case "int_mul":
        return m.i64.mul(a[0](), a[1]());
      case "int_mod":
        return m.i64.rem_s(a[0](), a[1]());
      case "int_neg":
        return m.i64.sub(m.i64.const(0n), a[0]());
      case "int_div":
        return m.i64.div_s(a[0](), a[1]());
      case "int_div_checked":
        return m.block(null, [this.check(m.i64.eqz(a[1]()), "divisionByZero", []), m.i64.div_s(a[0](), a[1]())], binaryen.i64);
      case "int_mod_checked":
        return m.block(null, [this.check(m.i64.eqz(a[1]()), "divisionByZero", []), m.i64.rem_s(a[0](), a[1]())], binaryen.i64);
      case "int_lt":
        return m.i64.lt_s(a[0](), a[1]());
      case "int_le":
        return m.i64.le_s(a[0](), a[1]());
      case "int_gt":
        return m.i64.gt_s(a[0](), a[1]());
      case "int_ge":
        return m.i64.ge_s(a[0](), a[1]());
      case "int_eq":
        return m.i64.eq(a[0](), a[1]());
      case "int_abs":
        return m.select(m.i64.lt_s(a[0](), m.i64.const(0n)), m.i64.sub(m.i64.const(0n), a[0]()), a[0]());
      case "int_min":
        return m.select(m.i64.lt_s(a[0](), a[1]()), a[0](), a[1]());
      case "int_max":
        return m.select(m.i64.gt_s(a[0](), a[1]()), a[0](), a[1]());
      case "float_floor":
        return m.f64.floor(a[0]());
      case "float_ceil":
        return m.f64.ceil(a[0]());
      case "float_trunc":
        return m.f64.trunc(a[0]());
      case "float_abs":
        return m.f64.abs(a[0]());
      case "float_sqrt":
        return m.f64.sqrt(a[0]());
      case "float_min":
        return m.f64.min(a[0](), a[1]());
      case "float_max":
        return m.f64.max(a[0](), a[1]());
      case "int_is_true":
        return m.i64.ne(a[0](), m.i64.const(0n));
      case "float_add":
        return m.f64.add(a[0](), a[1]());
      case "float_sub":
        return m.f64.sub(a[0](), a[1]());
      case "float_mul":
        return m.f64.mul(a[0](), a[1]());
      case "float_div":
        return m.f64.div(a[0](), a[1]());
      case "float_neg":
        return m.f64.neg(a[0]());
      case "float_lt":
        return m.f64.lt(a[0](), a[1]());
      case "float_le":
        return m.f64.le(a[0](), a[1]());
      case "float_gt":
        return m.f64.gt(a[0](), a[1]());
      case "float_ge":
        return m.f64.ge(a[0](), a[1]());
      case "float_eq":
        return m.f64.eq(a[0](), a[1]());
      case "float_is_true":
        return m.i32.and(m.f64.ne(a[0](), m.f64.const(0)), m.f64.eq(a[0](), a[0]()));
      case "cast_int_to_float":
        return m.f64.convert_s.i64(a[0]());
      case "cast_float_to_int":
        return m.i64.trunc_s_sat.f64(a[0]());
      case "float_to_index": {
        const t = this.locals.fresh(binaryen.i64);
        return m.block(null, [
          m.local.set(t, m.i64.trunc_s_sat.f64(a[0]())),
          this.check(m.f64.ne(m.f64.convert_s.i64(m.local.get(t, binaryen.i64)), a[0]()), "notAnIndex", [a[0]()]),
          m.local.get(t, binaryen.i64),
        ], binaryen.i64);
      }
      case "int32_and":
        return m.i64.extend_s(m.i32.and(this.wrap(a[0]()), this.wrap(a[1]())));
      case "int32_or":
        return m.i64.extend_s(m.i32.or(this.wrap(a[0]()), this.wrap(a[1]())));
      case "int32_xor":
        return m.i64.extend_s(m.i32.xor(this.wrap(a[0]()), this.wrap(a[1]())));
      case "int32_lshift":
        return m.i64.extend_s(m.i32.shl(this.wrap(a[0]()), this.wrap(a[1]())));
      case "int32_rshift":
        return m.i64.extend_s(m.i32.shr_s(this.wrap(a[0]()), this.wrap(a[1]())));
      case "int32_urshift":
        return m.i64.extend_u(m.i32.shr_u(this.wrap(a[0]()), this.wrap(a[1]())));
      case "int32_not":
        return m.i64.extend_s(m.i32.xor(this.wrap(a[0]()), m.i32.const(-1)));
      case "bool_not":
        return m.i32.eqz(a[0]());
      case "bool_eq":
        return m.i32.eq(a[0](), a[1]());
      case "ptr_eq":
        return m.i32.eq(a[0](), a[1]());
      case "ptr_is_true":
        return this.isObject(a[0]());
      case "ptr_is_nullish":
        return m.i32.eqz(this.isObject(a[0]()));
      case "str_is_true":
        return m.if(this.isObject(a[0]()), m.i32.ne(m.i32.load(STR.length, 4, a[0]()), m.i32.const(0)), m.i32.const(0));
      case "instanceof": {
        const lo = Number((op.args[1] as Constant).value);
        const hi = Number((op.args[2] as Constant).value);
        const tid = m.i32.sub(m.i32.load(0, 4, a[0]()), m.i32.const(lo));
        return m.if(this.isObject(a[0]()), m.i32.lt_u(tid, m.i32.const(hi - lo)), m.i32.const(0));
      }
      case "downcast_checked": {
        // null and undefined pass (as in TS); anything else must be an instance of the class.
        const lo = Number((op.args[1] as Constant).value);
        const hi = Number((op.args[2] as Constant).value);
        const bad = m.i32.ge_u(m.i32.sub(m.i32.load(0, 4, a[0]()), m.i32.const(lo)), m.i32.const(hi - lo));
        return m.block(null, [m.if(this.isObject(a[0]()), this.check(bad, "badCast", [])), a[0]()], binaryen.i32);
      }
      case "getfield": {
        const off = Number((op.args[1] as Constant).value);
        return this.loadTyped(rt, m.i32.add(a[0](), m.i32.const(off)));
      }
      case "setfield": {
        const off = Number((op.args[1] as Constant).value);
        const store = this.storeTyped(typeOfValue(op.args[2]), m.i32.add(a[0](), m.i32.const(off)), a[2]());
        return this.withBarrier(a[0], op.args[2], store);
      }
      case "exc_raise": {
        const set = m.global.set(GLOBALS.exception, a[0]());
        return (op.args[1] as Constant).value === 1 ? set : m.block(null, [set, m.i32.store(0, 4, m.i32.const(EXC_TRACE.base), m.i32.const(0))]);
      }
      case "exc_occurred":
        return m.i32.ne(m.global.get(GLOBALS.exception, binaryen.i32), m.i32.const(0));
      case "exc_fetch": {
        const t = this.locals.fresh(binaryen.i32);
        return m.block(null, [
          m.local.set(t, m.global.get(GLOBALS.exception, binaryen.i32)),
          m.global.set(GLOBALS.exception, m.i32.const(0)),
          m.local.get(t, binaryen.i32),
        ], binaryen.i32);
      }
      case "exc_record_frame":
        return this.call(EXC_TRACE.recordFunction, [a[0]()], binaryen.none);
      case "excTraceLength":
        return m.i64.load32_u(0, 4, m.i32.const(EXC_TRACE.base));
      case "excTraceFrame":
        return m.i32.load(4, 4, m.i32.add(m.i32.const(EXC_TRACE.base), m.i32.mul(this.wrap(a[0]()), m.i32.const(4))));
      case "str_len":
        return this.len32(a[0], STR.length)();
      case "list_len":
        return this.len32(a[0], LIST.length)();
      case "typed_len":
        return this.len32(a[0], TYPED.length)();
      case "str_char":
        return m.block(null, [
          this.boundsCheck(a[1], this.len32(a[0], STR.length)),
          m.i64.load16_u(STR.chars, 2, this.addr(a[0](), a[1](), 2)),
        ], binaryen.i64);
      case "list_new": {
        const itemsTypeid = typeOfValue(op.args[2]) === "void" && (op.args[2] as Constant).value === "ptr" ? TYPEID.listItemsPtr : TYPEID.listItems;
        return this.wrap(this.call(this.ctx.runtimeName("listNew"), [m.i64.const(BigInt(itemsTypeid)), a[0](), a[1]()], binaryen.i64));
      }
      case "list_init":
      case "list_set":
        return this.listStore(a[0], a[1], op.args[2], typeOfValue(op.args[2]), op.opname === "list_set");
      case "list_get":
        return m.block(null, [
          this.boundsCheck(a[1], this.len32(a[0], LIST.length)),
          this.loadTyped(rt, this.itemAddr(a[0], a[1], rt)),
        ], wasmType(rt));
      case "list_reserve":
        return this.listReserve(a[0], a[1]);
      case "list_append":
        return this.listAppend(a[0], op.args[1]);
      case "list_pop":
        return this.listPop(a[0], rt);
      case "typed_new": {
        const kind = (op.args[0] as Constant).value as TypedArrayKind;
        const args = [m.i64.const(BigInt(TYPEID[kind])), m.i64.const(BigInt(typedElemSize(kind))), a[1]()];
        return this.wrap(this.call(this.ctx.runtimeName("typedNew"), args, binaryen.i64));
      }
      case "typed_get":
        return this.typedAccess((op.args[0] as Constant).value as TypedArrayKind, a[1], a[2], null);
      case "typed_set":
        return this.typedAccess((op.args[0] as Constant).value as TypedArrayKind, a[1], a[2], a[3]);
      case "malloc":
        return this.malloc(Number((op.args[0] as Constant).value), Number((op.args[1] as Constant).value));
      case "direct_call": {
        const fn = (op.args[0] as Constant).value as FunctionDesc;
        const args = op.args.slice(1).filter((v) => typeOfValue(v) !== "void").map((v) => this.value(v));
        return this.call(this.ctx.functionName(fn), args, wasmType(rt));
      }
      case "call_import":
        return this.callImport((op.args[0] as Constant).value as ImportedFunction, op.args.slice(1).map((v) => this.value(v)));
      case "dispatch":
        return this.dispatch((op.args[0] as Constant).value as TypedCase[], op, rt);
      case "closure_init":
        return m.i32.store(CLOSURE.fn, 4, a[0](), m.i32.const(this.ctx.tableIndex((op.args[1] as Constant).value as FunctionDesc)));
      case "call_indirect": {
        const { sig } = (op.args[0] as Constant).value as IndirectCall;
        const args = op.args.slice(1).filter((v) => typeOfValue(v) !== "void").map((v) => this.value(v));
        const params = binaryen.createType([binaryen.i32, ...sig.params.filter((t) => t !== "void").map(wasmType)]);
        return m.call_indirect(FUNCTION_TABLE, m.i32.load(CLOSURE.fn, 4, a[1]()), args, params, wasmType(sig.result));
      }
      case "trap":
        return m.block(null, [
          this.call(this.ctx.runtimeName("fatal"), [this.constant((op.args[0] as Constant).value, "ptr")], binaryen.none),
          m.unreachable(),
        ]);
      case "jit_exchange_set": {
        const at = m.i32.const(JIT_EXCHANGE_BASE + 8 * Number((op.args[0] as Constant).value));
        const t = typeOfValue(op.args[1]);
        return t === "i32" ? m.i64.store(0, 8, at, m.i64.extend_u(a[1]())) : this.storeTyped(t, at, a[1]());
      }
      case "jit_green_bits": {
        // A green's bits as the JIT hashes its key (rlib/jitrt/warmstate.ts): as the exchange area holds it.
        const t = typeOfValue(op.args[0]);
        return t === "f64" ? m.i64.reinterpret(a[0]()) : t === "i64" ? a[0]() : m.i64.extend_u(a[0]());
      }
      case "jit_exchange_get": {
        const at = m.i32.const(JIT_EXCHANGE_BASE + 8 * Number((op.args[0] as Constant).value));
        return rt === "i32" ? m.i32.wrap(m.i64.load(0, 8, at)) : this.loadTyped(rt, at);
      }
      // rlib/lowlevel.ts intrinsics
      case "loadFloat32":
        return m.f64.promote(m.f32.load(0, 4, this.wrap(a[0]())));
      case "storeFloat32":
        return m.f32.store(0, 4, this.wrap(a[0]()), m.f32.demote(a[1]()));
      case "jitInfo":
        if (!this.ctx.jit) return m.block(null, [this.runtimeFailure("jitUnavailable")], binaryen.i64);
        return m.i64.extend_u(m.global.get(JIT_INFO_GLOBAL, binaryen.i32));
      case "jitExchangeBase":
        return m.i64.const(BigInt(JIT_EXCHANGE_BASE));
      case "collectYoung":
        return this.call(this.ctx.runtimeName("collectYoung"), [], binaryen.none);
      case "quasi_invalidate":
        // A quasi-immutable field's hidden word (rlib/jitrt/quasiimmut.ts): nonzero once a
        // trace depends on the field, which only happens with --jit.
        if (!this.ctx.jit) return m.nop();
        return m.if(a[0](), this.call(this.ctx.runtimeName("jitInvalidate"), [m.i64.extend_u(a[0]())], binaryen.none));
      case "jitCall":
        if (!this.ctx.jit) return this.runtimeFailure("jitUnavailable");
        return this.call(JIT_CALL_FUNCTION, [this.wrap(a[0]()), this.wrap(a[1]())], binaryen.none);
      case "excTake": {
        const t = this.locals.fresh(binaryen.i32);
        return m.block(null, [
          m.local.set(t, m.global.get(GLOBALS.exception, binaryen.i32)),
          m.global.set(GLOBALS.exception, m.i32.const(0)),
          m.i64.extend_u(m.local.get(t, binaryen.i32)),
        ], binaryen.i64);
      }
      case "excSet":
        return m.global.set(GLOBALS.exception, this.wrap(a[0]()));
      case "load8":
        return m.i64.load8_u(0, 1, this.wrap(a[0]()));
      case "load16":
        return m.i64.load16_u(0, 2, this.wrap(a[0]()));
      case "load32":
        return m.i64.load32_u(0, 4, this.wrap(a[0]()));
      case "store8":
        return m.i64.store8(0, 1, this.wrap(a[0]()), a[1]());
      case "store16":
        return m.i64.store16(0, 2, this.wrap(a[0]()), a[1]());
      case "store32":
        return m.i64.store32(0, 4, this.wrap(a[0]()), a[1]());
      case "memorySize":
        return m.i64.extend_u(m.memory.size());
      case "memoryGrow":
        return m.i64.extend_s(m.memory.grow(this.wrap(a[0]())));
      case "heapBase":
        return m.global.get(GLOBALS.heapBase, binaryen.i64);
      case "dataBase":
        return m.i64.const(BigInt(DATA_BASE));
      case "dataEnd":
        return m.i64.extend_u(m.global.get(GLOBALS.dataEnd, binaryen.i32));
      case "typeInfoBase":
        return m.i64.extend_u(m.global.get(GLOBALS.typeInfo, binaryen.i32));
      case "shadowStackBase":
        return m.i64.const(BigInt(SHADOW_STACK_BASE));
      case "shadowStackTop":
        return m.i64.extend_u(m.global.get(GLOBALS.shadowStackPointer, binaryen.i32));
      case "setShadowStackTop":
        return m.global.set(GLOBALS.shadowStackPointer, this.wrap(a[0]()));
      case "shadowStackLimit":
        return m.i64.const(BigInt(SHADOW_STACK_BASE + SHADOW_STACK_SIZE));
      case "gcMode":
        return m.i64.extend_u(m.global.get(GLOBALS.gcMode, binaryen.i32));
      case "gcStress":
        return m.i32.ne(m.global.get(GLOBALS.gcStress, binaryen.i32), m.i32.const(0));
      case "maxHeapSetting":
        return m.global.get(GLOBALS.maxHeap, binaryen.i64);
      case "memFill":
        return m.memory.fill(this.wrap(a[0]()), this.wrap(a[1]()), this.wrap(a[2]()));
      case "stateBase":
        return m.i64.const(BigInt(RUNTIME_STATE_BASE));
      case "scratchBase":
        return m.i64.const(BigInt(SCRATCH_BASE));
      case "strNew": {
        const p = this.locals.fresh(binaryen.i32);
        const size = m.i64.add(m.i64.const(BigInt(STR.chars)), m.i64.mul(a[0](), m.i64.const(2n)));
        return m.block(null, [
          m.local.set(p, this.wrap(this.call(this.ctx.runtimeName("allocate"), [size, m.i64.const(BigInt(TYPEID.str))], binaryen.i64))),
          m.i64.store32(STR.length, 4, m.local.get(p, binaryen.i32), a[0]()),
          m.local.get(p, binaryen.i32),
        ], binaryen.i32);
      }
      case "strHashCache":
        return m.i64.load32_u(STR.hash, 4, a[0]());
      case "setStrHashCache":
        return m.i64.store32(STR.hash, 4, a[0](), a[1]());
      case "identity_hash": {
        // null and undefined (addresses below 16) hash as 0; the load is harmless for them.
        const off = Number((op.args[1] as Constant).value);
        return m.select(this.isObject(a[0]()), m.i64.load(off, 8, a[0]()), m.i64.const(0n));
      }
      case "ptr_to_int":
        return m.i64.extend_u(a[0]());
      case "sameObject":
        return m.i32.eq(a[0](), a[1]());
      case "memCopy":
        return m.memory.copy(this.wrap(a[0]()), this.wrap(a[1]()), this.wrap(a[2]()));
      case "floatTrunc":
        return m.f64.trunc(a[0]());
      case "floatHighWord":
        return m.i64.shr_s(m.i64.reinterpret(a[0]()), m.i64.const(32n));
      case "floatLowWord":
        return m.i64.and(m.i64.reinterpret(a[0]()), m.i64.const(0xffffffffn));
      case "floatFromWords":
        return m.f64.reinterpret(m.i64.or(m.i64.shl(a[0](), m.i64.const(32n)), m.i64.and(a[1](), m.i64.const(0xffffffffn))));
      case "load64":
        return m.i64.load(0, 8, this.wrap(a[0]()));
      case "store64":
        return m.i64.store(0, 8, this.wrap(a[0]()), a[1]());
      case "loadFloat64":
        return m.f64.load(0, 8, this.wrap(a[0]()));
      case "storeFloat64":
        return m.f64.store(0, 8, this.wrap(a[0]()), a[1]());
      case "typedDataAddress":
        return m.i64.extend_u(m.i32.add(a[0](), m.i32.const(TYPED.data)));
      case "objectAddress":
        return m.i64.extend_u(a[0]());
      case "jitAvailable":
        return m.i32.const(this.ctx.jit ? 1 : 0);
      case "jitCompile":
        return this.hostCompilerCall(JIT_COMPILE, a);
      case "jitSubmit":
        return this.hostCompilerCall(JIT_SUBMIT, a);
      case "jitCollect":
        return this.hostCompilerCall(JIT_COLLECT, a);
      case "callTrace": {
        const params = binaryen.createType([binaryen.i32, binaryen.i32]);
        return m.i64.extend_s(m.call_indirect(FUNCTION_TABLE, this.wrap(a[0]()), [this.wrap(a[1]()), this.wrap(a[2]())], params, binaryen.i32));
      }
      case "strSetChar":
        return m.i64.store16(STR.chars, 2, this.addr(a[0](), a[1](), 2), a[2]());
      case "strCopy":
        return m.memory.copy(
          m.i32.add(this.addr(a[2](), a[3](), 2), m.i32.const(STR.chars)),
          m.i32.add(this.addr(a[0](), a[1](), 2), m.i32.const(STR.chars)),
          m.i32.mul(this.wrap(a[4]()), m.i32.const(2)),
        );
    }
    throw new Error(`backend: no lowering for ${op.opname}`);
  }

  /** Whether a pointer is an object (not null or undefined, which are addresses below 16). */
  private isObject(p: X): X {
    return this.m.i32.ge_u(p, this.m.i32.const(FIRST_OBJECT_ADDRESS));
  }

  /** A new instance of a fixed size. The generational collector's nursery allocation is
   *  inlined: bump NURSERY_FREE unless that passes NURSERY_TOP (memory there is zeroed). */
  private malloc(size: number, typeid: number): X {
    const m = this.m;
    const slow = () => this.wrap(this.call(this.ctx.runtimeName("allocate"), [m.i64.const(BigInt(size)), m.i64.const(BigInt(typeid))], binaryen.i64));
    const n = Math.max(NURSERY.minObject, Math.ceil(size / 8) * 8);
    if (!this.ctx.generational || n > NURSERY.largeObject) return slow();
    const p = this.locals.fresh(binaryen.i32);
    const pX = () => m.local.get(p, binaryen.i32);
    const end = () => m.i32.add(pX(), m.i32.const(n));
    return m.block(null, [
      m.local.set(p, m.i32.load(0, 4, m.i32.const(NURSERY.free))),
      m.if(m.i32.gt_u(end(), m.i32.load(0, 4, m.i32.const(NURSERY.top))),
        m.local.set(p, slow()),
        m.block(null, [
          m.i32.store(0, 4, m.i32.const(NURSERY.free), end()),
          m.i32.store(0, 4, pX(), m.i32.const(typeid)),
          m.i32.store(4, 4, pX(), m.i32.const(n)),
        ])),
      pX(),
    ], binaryen.i32);
  }

  /** `store` writes `value` into the object `obj`: with the generational collector, a GC
   *  pointer stored into an old object (flag TRACK_YOUNG set) records the object first. A
   *  constant (null, a prebuilt object) never points into the nursery. */
  private withBarrier(obj: Ex, value: Value, store: X): X {
    if (!this.ctx.generational || typeOfValue(value) !== "ptr" || value instanceof Constant) return store;
    const m = this.m;
    const flagged = m.i32.and(m.i32.load(4, 4, obj()), m.i32.const(GC_TRACK_YOUNG));
    const remember = this.call(this.ctx.runtimeName("rememberObject"), [m.i64.extend_u(obj())], binaryen.none);
    return m.block(null, [m.if(flagged, remember), store]);
  }

  private itemAddr(list: Ex, idx: Ex, t: LLType): X {
    const items = this.m.i32.load(LIST.items, 4, list());
    return this.m.i32.add(this.addr(items, idx(), sizeOf(t)), this.m.i32.const(LIST_ITEMS.data));
  }

  private listStore(list: Ex, idx: Ex, value: Value, t: LLType, checked: boolean): X {
    const store = this.withBarrier(() => this.m.i32.load(LIST.items, 4, list()), value, this.storeTyped(t, this.itemAddr(list, idx, t), this.value(value)));
    if (!checked) return store;
    return this.m.block(null, [this.boundsCheck(idx, this.len32(list, LIST.length)), store]);
  }

  /** Makes room for one more item (may collect: nothing here is used after the call). */
  private listReserve(list: Ex, itemSize: Ex): X {
    const m = this.m;
    const capacity = this.len32(() => m.i32.load(LIST.items, 4, list()), LIST_ITEMS.capacity);
    return m.if(m.i64.eq(this.len32(list, LIST.length)(), capacity()),
      this.call(this.ctx.runtimeName("listGrow"), [m.i64.extend_u(list()), itemSize()], binaryen.none));
  }

  /** Appends to a list with room (list_reserve): returns the new length. */
  private listAppend(list: Ex, value: Value): X {
    const m = this.m;
    const len = this.locals.fresh(binaryen.i64);
    const lenX = () => m.local.get(len, binaryen.i64);
    return m.block(null, [
      m.local.set(len, this.len32(list, LIST.length)()),
      this.listStore(list, lenX, value, typeOfValue(value), false),
      m.local.set(len, m.i64.add(lenX(), m.i64.const(1n))),
      m.i64.store32(LIST.length, 4, list(), lenX()),
      lenX(),
    ], binaryen.i64);
  }

  private listPop(list: Ex, t: LLType): X {
    const m = this.m;
    const len = this.locals.fresh(binaryen.i64);
    const lenX = () => m.local.get(len, binaryen.i64);
    // A list whose items have no type was never given one: it is empty, and pop fails.
    const load = t === "void" ? [] : [this.loadTyped(t, this.itemAddr(list, lenX, t))];
    return m.block(null, [
      m.local.set(len, this.len32(list, LIST.length)()),
      this.check(m.i64.eqz(lenX()), "emptyPop", []),
      m.local.set(len, m.i64.sub(lenX(), m.i64.const(1n))),
      m.i64.store32(LIST.length, 4, list(), lenX()),
      ...load,
    ], wasmType(t));
  }

  /** A read out of range is an error (JS gives undefined, which a number cannot hold); a
   *  write out of range does nothing, as in JS. */
  private typedAccess(kind: TypedArrayKind, arr: Ex, idx: Ex, v: Ex | null): X {
    const m = this.m;
    const at = m.i32.add(this.addr(arr(), idx(), typedElemSize(kind)), m.i32.const(TYPED.data));
    if (v !== null) return m.if(m.i64.lt_u(idx(), this.len32(arr, TYPED.length)()), this.typedStore(kind, at, v()));
    const type = typedIsFloat(kind) ? binaryen.f64 : binaryen.i64;
    return m.block(null, [this.boundsCheck(idx, this.len32(arr, TYPED.length)), this.typedLoad(kind, at)], type);
  }

  private typedLoad(kind: TypedArrayKind, at: X): X {
    const m = this.m;
    switch (kind) {
      case "u8":
        return m.i64.load8_u(0, 1, at);
      case "i8":
        return m.i64.load8_s(0, 1, at);
      case "u16":
        return m.i64.load16_u(0, 2, at);
      case "i16":
        return m.i64.load16_s(0, 2, at);
      case "u32":
        return m.i64.load32_u(0, 4, at);
      case "i32":
        return m.i64.load32_s(0, 4, at);
      case "f32":
        return m.f64.promote(m.f32.load(0, 4, at));
      case "f64":
        return m.f64.load(0, 8, at);
    }
  }

  /** Integer stores keep the low bits (JS's modular conversion); f32 rounds to nearest. */
  private typedStore(kind: TypedArrayKind, at: X, v: X): X {
    const m = this.m;
    switch (kind) {
      case "u8":
      case "i8":
        return m.i64.store8(0, 1, at, v);
      case "u16":
      case "i16":
        return m.i64.store16(0, 2, at, v);
      case "u32":
      case "i32":
        return m.i64.store32(0, 4, at, v);
      case "f32":
        return m.f32.store(0, 4, at, m.f32.demote(v));
      case "f64":
        return m.f64.store(0, 8, at, v);
    }
  }

  private callImport(fn: ImportedFunction, args: X[]): X {
    const m = this.m;
    const sig = this.ctx.importSignature(fn);
    const converted = args.map((x, i) => (sig.params[i] === binaryen.i32 ? this.wrap(x) : x));
    const call = this.call(this.ctx.importName(fn), converted, sig.result);
    return sig.result === binaryen.i32 ? m.i64.extend_s(call) : call;
  }

  /** A virtual call: the receiver's type id selects the implementation. */
  private dispatch(cases: TypedCase[], op: Operation, rt: LLType): X {
    const m = this.m;
    const tid = this.locals.fresh(binaryen.i32);
    const self = () => this.value(op.args[1]);
    const args = op.args.slice(2);
    const callCase = (cs: TypedCase): X => {
      const converted = args.map((v, i) => {
        const x = this.value(v);
        return typeOfValue(v) === "i64" && cs.params[i + 1] === "f64" ? m.f64.convert_s.i64(x) : x;
      });
      const r = this.call(this.ctx.functionName(cs.fn), [self(), ...converted], wasmType(cs.ret));
      if (rt === "void") return cs.ret === "void" ? r : m.drop(r);
      // An implementation that never returns (it always throws) has no result.
      if (cs.ret === "void") return m.block(null, [r, this.constant(rt === "ptr" ? undefined : 0, rt)], wasmType(rt));
      return cs.ret === "i64" && rt === "f64" ? m.f64.convert_s.i64(r) : r;
    };
    let chain = callCase(cases[cases.length - 1]);
    for (let i = cases.length - 2; i >= 0; i--) {
      const cs = cases[i];
      const inRange = m.i32.lt_u(m.i32.sub(m.local.get(tid, binaryen.i32), m.i32.const(cs.lo)), m.i32.const(cs.hi - cs.lo));
      chain = m.if(inRange, callCase(cs), chain);
    }
    return m.block(null, [m.local.set(tid, m.i32.load(0, 4, self())), chain], wasmType(rt));
  }
}

