// The rtyper's state and primitives, shared by its layers: emitting low-level operations,
// typed constants, conversions between low-level types, and direct calls (of the program's
// functions and of rlib runtime helpers). The RTyper is one class split by topic into layers
// (core < operators < access < calls < RTyper, see rtyper.ts).
import { Constant, Operation, Value, Variable } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { FunctionDesc, runtimeFunction } from "../frontend/program.ts";
import { UNINITIALIZED } from "../frontend/build-context.ts";
import { AnnotatedProgram } from "../annotator/index.ts";
import { numberAnnotation } from "../annotator/annotator.ts";
import { SomeValue } from "../annotator/model.ts";
import { LLType } from "./lltype.ts";
import { Layouts } from "./layouts.ts";
import { annotationOf, lltypeOf, resultType, returnType } from "./lltype-of.ts";

export abstract class RTyperCore {
  protected ops: Operation[] = [];
  protected op!: Operation;
  /** rlib code is trusted: no null checks, and an integer division by zero is a fatal error
   *  there instead of an exception (see FunctionDesc.inRlib). */
  protected trusted = false;
  /** The functions the annotator reached (only they are translated). */
  protected annotated: Set<FunctionDesc>;

  constructor(
    private ap: AnnotatedProgram,
    public layouts: Layouts,
  ) {
    this.annotated = new Set(ap.functions);
  }

  runtime(name: string): FunctionDesc {
    return runtimeFunction(this.ap.program, name);
  }

  // ---- emitting ---------------------------------------------------------------------------

  protected emit(opname: string, args: Value[], type: LLType, result?: Variable): Variable {
    const r = result ?? new Variable("t");
    r.concretetype = type;
    this.ops.push(new Operation(opname, args, r, this.op?.loc ?? null));
    return r;
  }

  protected c(value: unknown, type: LLType): Constant {
    const k = new Constant(value);
    k.concretetype = type;
    return k;
  }

  protected fail(msg: string, hint: string | null = null): never {
    throw new RtsError(this.op.loc, msg, hint);
  }

  // ---- conversions ------------------------------------------------------------------------

  /** The value of `v` (annotated `from`) as the low-level type `to`. */
  convert(v: Value, to: LLType): Value {
    const from = this.typeOf(v);
    if (v instanceof Constant) return this.convertConstant(v, to);
    if (from === to || to === "void") return v;
    if (from === "i64" && to === "f64") return this.emit("cast_int_to_float", [v], "f64");
    if (from === "void") return this.zero(to);
    throw new Error(`cannot convert ${from} to ${to}`);
  }

  protected convertConstant(k: Constant, to: LLType): Constant {
    const v = k.value;
    if (v === UNINITIALIZED) return this.zero(to);
    if (to === "i64" || to === "f64") return this.c(v, to);
    if (to === "i32") return this.c(v ? 1 : 0, to);
    if (to === "ptr") return this.c(v, to);
    return this.c(v, to);
  }

  protected zero(t: LLType): Constant {
    return this.c(t === "ptr" ? undefined : 0, t);
  }

  typeOf(v: Value): LLType {
    if (v instanceof Constant) {
      if (v.concretetype) return v.concretetype as LLType;
      if (v.value === UNINITIALIZED) return "void";
      return lltypeOf(v.annotation ? (v.annotation as SomeValue) : constAnn(v));
    }
    return (v.concretetype as LLType) ?? lltypeOf(annotationOf(v));
  }

  protected annOf(v: Value): SomeValue {
    if (v instanceof Constant) return v.annotation ? (v.annotation as SomeValue) : constAnn(v);
    return annotationOf(v);
  }

  /** JS ToInt32 of a number as an i64 the int32_* operations accept. */
  protected toInt32(v: Value): Value {
    if (this.typeOf(v) === "f64") return this.callRuntimeNew("floatToInt32", [v], "i64");
    return v;
  }

  /** A number used as an index: floats must be integral. */
  protected toIndex(v: Value): Value {
    if (this.typeOf(v) === "f64") return this.emit("float_to_index", [v], "i64");
    return v;
  }

  // ---- direct calls -----------------------------------------------------------------------

  protected paramTypes(fn: FunctionDesc): LLType[] {
    return fn.graph.startblock.inputargs.map((v) => lltypeOf(annotationOf(v)));
  }

  protected directCall(fn: FunctionDesc, args: Value[], result: Variable): void {
    const types = this.paramTypes(fn);
    const converted = args.map((a, i) => this.convert(a, types[i]));
    const rt = returnType(fn.graph);
    const want = resultType(result);
    if (want === rt || want === "void") {
      this.emit("direct_call", [this.c(fn, "void"), ...converted], rt, result);
      return;
    }
    // The call site expects a more general type than this callee returns (int -> float).
    const r = this.emit("direct_call", [this.c(fn, "void"), ...converted], rt);
    this.emit("same_as", [this.convert(r, want)], want, result);
  }

  protected callRuntime(name: string, args: Value[], result: Variable): void {
    this.directCall(this.runtime(name), args, result);
  }

  protected callRuntimeNew(name: string, args: Value[], type: LLType): Variable {
    const r = new Variable("t");
    r.concretetype = type;
    r.annotation = annotationOf(this.runtime(name).graph.getReturnVar());
    this.callRuntime(name, args, r);
    return r;
  }
}

function constAnn(k: Constant): SomeValue {
  const v = k.value;
  if (typeof v === "number") return numberAnnotation(v);
  if (typeof v === "boolean") return { kind: "bool" };
  if (typeof v === "string") return { kind: "str", nullable: false };
  if (v === null || v === undefined) return { kind: "none", mayBeNull: v === null };
  return { kind: "desc" };
}
