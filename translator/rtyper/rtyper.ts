// The RTyper (RPython's rtyper): replaces every high-level operation of the annotated
// graphs by low-level operations on machine types (int_add, getfield, direct_call...),
// choosing the implementation from the annotations, and inserts the conversions that
// links and calls need (int -> float). Graphs are rewritten in place.
import { Block, Constant, Graph, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Builtin, ClassDesc, FunctionDesc, ImportedFunction, runtimeFunction, TypedArrayKind } from "../frontend/program.ts";
import { UNINITIALIZED } from "../frontend/build-context.ts";
import { AnnotatedProgram } from "../annotator/index.ts";
import { implementations } from "../annotator/operations.ts";
import { numberAnnotation } from "../annotator/annotator.ts";
import { describe, isUndefinedOnly, membersOf, s_impossible, SomeValue } from "../annotator/model.ts";
import { CLOSURE, IDENTITY_HASH, LLType, sizeOf, typedIsFloat } from "./lltype.ts";
import { Layouts } from "./layouts.ts";
import { familySignature, Signature } from "./families.ts";

export function lltypeOf(a: SomeValue): LLType {
  switch (a.kind) {
    case "int":
      return "i64";
    case "float":
      return "f64";
    case "bool":
      return "i32";
    case "impossible":
    case "desc":
      return "void";
    default:
      return "ptr";
  }
}

export function annotationOf(v: Value): SomeValue {
  return (v.annotation as SomeValue | undefined) ?? s_impossible;
}

/** One case of a virtual call: instances with type ids in [lo, hi) run `fn`. */
export interface DispatchCase {
  lo: number;
  hi: number;
  fn: FunctionDesc;
}

/** What a call through the function table needs: the family's signature and its functions. */
export class IndirectCall {
  constructor(
    public sig: Signature,
    public members: FunctionDesc[],
  ) {}
  describe(): string {
    return `<table (${this.sig.params.join(", ")}) -> ${this.sig.result}: ${this.members.map((m) => m.name).join(" | ")}>`;
  }
}

export class RTyper {
  private ops: Operation[] = [];
  private op!: Operation;
  /** rlib code is trusted: no null checks, and an integer division by zero is a fatal error
   *  there instead of an exception (see FunctionDesc.inRlib). */
  private trusted = false;
  /** The functions the annotator reached (only they are translated). */
  private annotated: Set<FunctionDesc>;

  constructor(
    private ap: AnnotatedProgram,
    public layouts: Layouts,
  ) {
    this.annotated = new Set(ap.functions);
  }

  runtime(name: string): FunctionDesc {
    return runtimeFunction(this.ap.program, name);
  }

  rtypeGraph(fn: FunctionDesc): void {
    const g = fn.graph;
    this.trusted = fn.inRlib;
    // Blocks are visited from the start through the exits left after rtyping, so that the
    // blocks behind an operation the annotator found unreachable (the rest of its block is
    // cut) are never rtyped: the annotator never saw them either.
    const seen = new Set<Block>();
    const todo = [g.startblock];
    while (todo.length > 0) {
      const b = todo.pop()!;
      if (seen.has(b)) continue;
      seen.add(b);
      for (const v of b.inputargs) v.concretetype = lltypeOf(annotationOf(v));
      this.rtypeBlock(b);
      for (const link of b.exits) todo.push(link.target);
    }
    g.getReturnVar().concretetype = returnType(g);
  }

  // ---- emitting ---------------------------------------------------------------------------

  private emit(opname: string, args: Value[], type: LLType, result?: Variable): Variable {
    const r = result ?? new Variable("t");
    r.concretetype = type;
    this.ops.push(new Operation(opname, args, r, this.op?.loc ?? null));
    return r;
  }

  private c(value: unknown, type: LLType): Constant {
    const k = new Constant(value);
    k.concretetype = type;
    return k;
  }

  private fail(msg: string, hint: string | null = null): never {
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

  private convertConstant(k: Constant, to: LLType): Constant {
    const v = k.value;
    if (v === UNINITIALIZED) return this.zero(to);
    if (to === "i64" || to === "f64") return this.c(v, to);
    if (to === "i32") return this.c(v ? 1 : 0, to);
    if (to === "ptr") return this.c(v, to);
    return this.c(v, to);
  }

  private zero(t: LLType): Constant {
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

  private annOf(v: Value): SomeValue {
    if (v instanceof Constant) return v.annotation ? (v.annotation as SomeValue) : constAnn(v);
    return annotationOf(v);
  }

  // ---- blocks -----------------------------------------------------------------------------

  private rtypeBlock(b: Block): void {
    this.ops = [];
    const old = b.operations;
    const excLink = b.exceptionLink;
    if (excLink) excLink.excValue!.concretetype = "ptr";
    let cut = false;
    let cutAtLast = false;
    for (const [i, op] of old.entries()) {
      this.op = op;
      const last = i === old.length - 1;
      // The exception link leaves while the last operation runs: its values are ready before.
      if (excLink && last) this.convertLinkArgs(excLink);
      // A call or store that yields nothing (undefined) has no low-level result.
      if (isUndefinedOnly(annotationOf(op.result)) && STATEMENT_OPS.has(op.opname)) op.result.concretetype = "void";
      if (NULL_RECEIVER_OPS.has(op.opname) && this.annOf(op.args[0]).kind === "none") {
        // An access through a value that is always null or undefined raises, as in JS.
        this.nullCheck(op, op.args);
        this.emit("trap", [this.c("unreachable code reached", "void")], "void");
        cut = true;
        cutAtLast = last;
        break;
      }
      if (annotationOf(op.result).kind === "impossible" && !isStatement(op)) {
        // The annotator never saw this operation produce a value: a call that never
        // returns, or dead code.
        if (CALL_OPS.has(op.opname)) {
          op.result.concretetype = "void";
          this.rtypeOp(op);
        }
        if (op.opname !== "raise") this.emit("trap", [this.c("unreachable code reached", "void")], "void");
        cut = true;
        cutAtLast = last;
        break;
      }
      this.rtypeOp(op);
    }
    if (cut) {
      // Only the exception link can still be taken (when the raising operation was reached).
      if (excLink && cutAtLast) {
        b.exits = [excLink];
      } else {
        b.exitswitch = null;
        b.exits = [];
      }
      b.operations = this.ops;
      return;
    }
    for (const link of b.exits) if (link !== excLink) this.convertLinkArgs(link);
    if (b.exitswitch instanceof Variable) b.exitswitch.concretetype = "i32";
    b.operations = this.ops;
  }

  private convertLinkArgs(link: Link): void {
    const toReturn = link.target.isFinal;
    link.args = link.args.map((a, i) => {
      const target = link.target.inputargs[i];
      const t = toReturn && isUndefinedOnly(annotationOf(target)) ? "void" : lltypeOf(annotationOf(target));
      return this.convert(a, t);
    });
  }

  // ---- operations -------------------------------------------------------------------------

  private rtypeOp(op: Operation): void {
    const rt = resultType(op.result);
    const anns = op.args.map((a) => this.annOf(a));
    // Constant operands get the low-level type of their annotation.
    const args = op.args.map((a, i) => (a instanceof Constant && !a.concretetype ? this.convertConstant(a, lltypeOf(anns[i])) : a));
    const result = op.result;
    if (!this.trusted && NULL_RECEIVER_OPS.has(op.opname) && isNullable(anns[0])) this.nullCheck(op, args);
    switch (op.opname) {
      case "add":
      case "sub":
      case "mul":
      case "div":
      case "mod":
      case "pow":
        return this.arith(op.opname, args, anns, result);
      case "neg":
        if (rt === "i64") this.emit("int_neg", [args[0]], rt, result);
        else this.emit("float_neg", [this.convert(args[0], "f64")], rt, result);
        return;
      case "pos":
        this.emit("same_as", [this.convert(args[0], rt)], rt, result);
        return;
      case "and_":
      case "or_":
      case "xor":
      case "lshift":
      case "rshift":
      case "urshift":
        this.emit(`int32_${op.opname.replace("_", "")}`, [this.toInt32(args[0]), this.toInt32(args[1])], "i64", result);
        return;
      case "invert":
        this.emit("int32_not", [this.toInt32(args[0])], "i64", result);
        return;
      case "lt":
      case "le":
      case "gt":
      case "ge":
        return this.compare(op.opname, args, anns, result);
      case "eq":
      case "ne":
        return this.equality(op.opname === "ne", args, anns, result);
      case "bool":
        this.truth(args[0], anns[0], result);
        return;
      case "not":
        this.emit("bool_not", [args[0]], "i32", result);
        return;
      case "is_nullish":
        if (lltypeOf(anns[0]) === "ptr") this.emit("ptr_is_nullish", [this.convert(args[0], "ptr")], "i32", result);
        else this.emit("same_as", [this.c(anns[0].kind === "none" ? 1 : 0, "i32")], "i32", result);
        return;
      case "str":
        this.emit("same_as", [this.toStr(args[0], anns[0], false)], "ptr", result);
        return;
      case "instanceof": {
        const layout = this.layouts.ofClass((args[1] as Constant).value as ClassDesc);
        this.emit("instanceof", [args[0], this.c(layout.typeid, "i64"), this.c(layout.typeidEnd, "i64")], "i32", result);
        return;
      }
      case "downcast": {
        if ((args[2] as Constant).value !== true) {
          this.emit("same_as", [args[0]], "ptr", result);
          return;
        }
        const layout = this.layouts.ofClass((args[1] as Constant).value as ClassDesc);
        const range = [this.c(layout.typeid, "i64"), this.c(layout.typeidEnd, "i64")];
        this.emit("downcast_checked", [this.convert(args[0], "ptr"), ...range], "ptr", result);
        return;
      }
      case "getattr":
        return this.getattr(args[0], anns[0], (args[1] as Constant).value as string, result);
      case "setattr":
        return this.setattr(args[0], anns[0], (args[1] as Constant).value as string, args[2]);
      case "getitem":
        return this.getitem(args[0], anns[0], args[1], result);
      case "setitem":
        return this.setitem(args[0], anns[0], args[1], args[2]);
      case "newlist": {
        const item = (annotationOf(result) as { listdef: { item: SomeValue } }).listdef.item;
        const itemType = lltypeOf(item);
        const list = this.emit("list_new", [this.c(sizeOf(itemType), "i64"), this.c(args.length, "i64"), this.c(itemType, "void")], "ptr", result);
        args.forEach((a, i) => this.emit("list_init", [list, this.c(i, "i64"), this.convert(a, itemType)], "void"));
        return;
      }
      case "new_typed": {
        const kind = (args[0] as Constant).value as TypedArrayKind;
        this.emit("typed_new", [this.c(kind, "void"), this.toIndex(args[1])], "ptr", result);
        return;
      }
      case "new": {
        const cls = (args[0] as Constant).value as ClassDesc;
        const layout = this.layouts.ofClass(cls);
        this.emit("malloc", [this.c(layout.size, "i64"), this.c(layout.typeid, "i64")], "ptr", result);
        const idHash = layout.fields.get(IDENTITY_HASH);
        // The address at allocation: the object may move later, its hash stays.
        if (idHash) this.emit("setfield", [result, this.c(idHash.offset, "i64"), this.emit("ptr_to_int", [result], "i64")], "void");
        this.directCall(cls.ctor, [result, ...args.slice(1)], new Variable("void"));
        return;
      }
      case "jit_merge_point":
      case "can_enter_jit":
        // Kept for the codewriter: the driver, then each green and red at its own type.
        result.concretetype = "void";
        this.emit(op.opname, [this.c((args[0] as Constant).value, "void"), ...args.slice(1)], "void", result);
        return;
      case "jit_promote":
        this.emit("jit_promote", [this.convert(args[0], rt)], rt, result);
        return;
      case "simple_call":
        return this.simpleCall(args[0] as Constant, args.slice(1), anns.slice(1), result);
      case "call_method":
        return this.callMethod(args[0], anns[0], (args[1] as Constant).value as string, args.slice(2), result);
      case "make_closure":
        return this.makeClosure((args[0] as Constant).value as FunctionDesc, args.slice(1), result);
      case "closure_get": {
        const layout = this.layouts.ofClosure((args[1] as Constant).value as FunctionDesc);
        const f = layout.fields.get(`c${(args[2] as Constant).value}`)!;
        this.emit("getfield", [args[0], this.c(f.offset, "i64")], f.type, result);
        return;
      }
      case "call_value":
        return this.callValue(args[0], anns[0], args.slice(1), result);
      case "cell_new": {
        const t = lltypeOf((annotationOf(result) as { celldef: { item: SomeValue } }).celldef.item);
        const layout = this.layouts.cell(t);
        this.emit("malloc", [this.c(layout.size, "i64"), this.c(layout.typeid, "i64")], "ptr", result);
        if (args.length > 0 && t !== "void") this.emit("setfield", [result, this.c(layout.fields.get("value")!.offset, "i64"), this.convert(args[0], t)], "void");
        return;
      }
      case "cell_get": {
        const t = lltypeOf((anns[0] as { celldef: { item: SomeValue } }).celldef.item);
        this.emit("getfield", [args[0], this.c(this.layouts.cell(t).fields.get("value")!.offset, "i64")], t, result);
        return;
      }
      case "cell_set": {
        const t = lltypeOf((anns[0] as { celldef: { item: SomeValue } }).celldef.item);
        const offset = this.layouts.cell(t).fields.get("value")!.offset;
        this.emit("setfield", [args[0], this.c(offset, "i64"), this.convert(args[1], t)], "void");
        return;
      }
      case "raise":
        this.emit("exc_raise", [args[0], this.c((op.args[1] as Constant).value === true ? 1 : 0, "i32")], "void");
        return;
    }
    throw new Error(`rtyper: no rule for ${op.opname}`);
  }

  /** JS's TypeError for an access through null or undefined: a `nonnull_check` (which the
   *  exception transform turns into a test and a call of runtime.nullError). The
   *  message names the property (or the element index) as V8's does. */
  private nullCheck(op: Operation, args: Value[]): void {
    const obj = this.convert(args[0], "ptr");
    if (op.opname === "getitem" || op.opname === "setitem") {
      const set = this.c(op.opname === "setitem" ? 1 : 0, "i32");
      this.emit("nonnull_index_check", [obj, this.toIndex(args[1]), set], "void");
      return;
    }
    let name = (op.args[1] as Constant).value as string;
    // The instantiations of a generic method are methods named `m<type arguments>`.
    if (op.opname === "call_method") name = name.replace(/<.*$/, "");
    const accessor = /^(get|set) /.exec(name);
    const set = op.opname === "setattr" || accessor?.[1] === "set";
    this.emit("nonnull_check", [obj, this.c(accessor ? name.slice(4) : name, "ptr"), this.c(set ? 1 : 0, "i32")], "void");
  }

  private arith(name: string, args: Value[], anns: SomeValue[], result: Variable): void {
    const rt = resultType(result);
    if (annotationOf(result).kind === "str") {
      const [a, b] = args.map((x, i) => this.toStr(x, anns[i], false));
      this.callRuntime("strConcat", [a, b], result);
      return;
    }
    if (rt === "i64") {
      if (name === "pow") return void this.callRuntime("intPow", args, result);
      this.emit(`int_${name}`, args, "i64", result);
      return;
    }
    if (name === "mod") {
      if (anns[0].kind === "int" && anns[1].kind === "int") return void this.callRuntime("intModAsFloat", args, result);
      return void this.callRuntime("floatMod", args.map((a) => this.convert(a, "f64")), result);
    }
    if (name === "pow") return void this.callRuntime("floatPow", args.map((a) => this.convert(a, "f64")), result);
    this.emit(`float_${name}`, args.map((a) => this.convert(a, "f64")), "f64", result);
  }

  /** JS ToInt32 of a number as an i64 the int32_* operations accept. */
  private toInt32(v: Value): Value {
    if (this.typeOf(v) === "f64") return this.callRuntimeNew("floatToInt32", [v], "i64");
    return v;
  }

  /** A number used as an index: floats must be integral. */
  private toIndex(v: Value): Value {
    if (this.typeOf(v) === "f64") return this.emit("float_to_index", [v], "i64");
    return v;
  }

  private compare(name: string, args: Value[], anns: SomeValue[], result: Variable): void {
    if (anns[0].kind === "str") {
      const r = this.callRuntimeNew("strCompare", args, "i64");
      this.emit(`int_${name}`, [r, this.c(0, "i64")], "i32", result);
      return;
    }
    if (anns[0].kind === "int" && anns[1].kind === "int") {
      this.emit(`int_${name}`, args, "i32", result);
      return;
    }
    this.emit(`float_${name}`, args.map((a) => this.convert(a, "f64")), "i32", result);
  }

  private equality(negate: boolean, args: Value[], anns: SomeValue[], result: Variable): void {
    const [a, b] = anns;
    const isNum = (x: SomeValue) => x.kind === "int" || x.kind === "float";
    let r: Value;
    if (isNum(a) && isNum(b)) {
      if (a.kind === "int" && b.kind === "int") r = this.emit("int_eq", args, "i32");
      else r = this.emit("float_eq", args.map((x) => this.convert(x, "f64")), "i32");
    } else if (a.kind === "str" && b.kind === "str") {
      r = this.callRuntimeNew("strEquals", args, "i32");
    } else if (a.kind === "bool" && b.kind === "bool") {
      r = this.emit("bool_eq", args, "i32");
    } else if (lltypeOf(a) === "ptr" && lltypeOf(b) === "ptr") {
      r = this.emit("ptr_eq", args.map((x) => this.convert(x, "ptr")), "i32");
    } else {
      r = this.c(0, "i32"); // strict equality between different types is false
    }
    this.emit(negate ? "bool_not" : "same_as", [r], "i32", result);
  }

  private truth(v: Value, a: SomeValue, result: Variable): void {
    switch (a.kind) {
      case "bool":
        this.emit("same_as", [v], "i32", result);
        return;
      case "int":
        this.emit("int_is_true", [v], "i32", result);
        return;
      case "float":
        this.emit("float_is_true", [v], "i32", result);
        return;
      case "str":
        this.emit("str_is_true", [v], "i32", result);
        return;
      case "none":
        this.emit("same_as", [this.c(0, "i32")], "i32", result);
        return;
      default:
        this.emit("ptr_is_true", [v], "i32", result);
    }
  }

  /** String(x) (or console.log's rendering when `forLog`). */
  private toStr(v: Value, a: SomeValue, forLog: boolean): Value {
    switch (a.kind) {
      case "str":
        return a.nullable ? this.callRuntimeNew("strOrNull", [v], "ptr") : v;
      case "int":
        return this.callRuntimeNew("intToString", [v], "ptr");
      case "float":
        return this.callRuntimeNew(forLog ? "floatToLogString" : "floatToString", [v], "ptr");
      case "bool":
        return this.callRuntimeNew("boolToString", [v], "ptr");
      case "none":
        if (v instanceof Constant) return this.c(v.value === undefined ? "undefined" : "null", "ptr");
        return this.callRuntimeNew("strOrNull", [v], "ptr");
    }
    return this.fail(`cannot convert ${describe(a)} to a string`);
  }

  private getattr(obj: Value, a: SomeValue, name: string, result: Variable): void {
    if (name === "length" && (a.kind === "str" || a.kind === "list" || a.kind === "typed")) {
      this.emit(`${a.kind}_len`, [obj], "i64", result);
      return;
    }
    const f = this.field(a, name);
    this.emit("getfield", [obj, this.c(f.offset, "i64")], f.type, result);
  }

  private setattr(obj: Value, a: SomeValue, name: string, v: Value): void {
    const f = this.field(a, name);
    this.emit("setfield", [obj, this.c(f.offset, "i64"), this.convert(v, f.type)], "void");
  }

  private field(a: SomeValue, name: string): { offset: number; type: LLType } {
    if (a.kind !== "inst") return this.fail(`cannot access '${name}' of ${describe(a)}`);
    // On a class union, the members that have the field (see the annotator's memberFields).
    const found = membersOf(a.classdef).flatMap((m) => this.layouts.ofClass(m.desc).fields.get(name) ?? []);
    const f = found[0];
    if (!f) return this.fail(`field '${name}' of ${a.classdef.describe()} is never assigned`);
    if (found.some((x) => x.offset !== f.offset || x.type !== f.type)) {
      this.fail(`field '${name}' is at different places in the classes of ${a.classdef.describe()}`,
        "declare the fields the classes share first, in the same order (or move them to a common base class)");
    }
    return f;
  }

  private getitem(obj: Value, a: SomeValue, idx: Value, result: Variable): void {
    const i = this.toIndex(idx);
    if (a.kind === "list") {
      this.emit("list_get", [obj, i], lltypeOf(a.listdef.item), result);
    } else if (a.kind === "typed") {
      this.emit("typed_get", [this.c(a.elem, "void"), obj, i], typedIsFloat(a.elem) ? "f64" : "i64", result);
    } else if (a.kind === "str") {
      // JS gives undefined out of range, which a string cannot hold: a checked index.
      this.callRuntime("strFromCharCode", [this.emit("str_char", [obj, i], "i64")], result);
    } else {
      this.fail(`cannot index ${describe(a)}`);
    }
  }

  private setitem(obj: Value, a: SomeValue, idx: Value, v: Value): void {
    const i = this.toIndex(idx);
    if (a.kind === "list") {
      this.emit("list_set", [obj, i, this.convert(v, lltypeOf(a.listdef.item))], "void");
    } else if (a.kind === "typed") {
      const value = typedIsFloat(a.elem) ? this.convert(v, "f64") : this.toInt32(v);
      this.emit("typed_set", [this.c(a.elem, "void"), obj, i, value], "void");
    } else {
      this.fail(`cannot assign an element of ${describe(a)}`);
    }
  }

  // ---- calls ------------------------------------------------------------------------------

  private paramTypes(fn: FunctionDesc): LLType[] {
    return fn.graph.startblock.inputargs.map((v) => lltypeOf(annotationOf(v)));
  }

  private directCall(fn: FunctionDesc, args: Value[], result: Variable): void {
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

  private callRuntime(name: string, args: Value[], result: Variable): void {
    this.directCall(this.runtime(name), args, result);
  }

  private callRuntimeNew(name: string, args: Value[], type: LLType): Variable {
    const r = new Variable("t");
    r.concretetype = type;
    r.annotation = annotationOf(this.runtime(name).graph.getReturnVar());
    this.callRuntime(name, args, r);
    return r;
  }

  private simpleCall(callee: Constant, args: Value[], anns: SomeValue[], result: Variable): void {
    const f = callee.value;
    if (f instanceof FunctionDesc) return this.directCall(f, args, result);
    if (f instanceof ImportedFunction) {
      this.emit("call_import", [this.c(f, "void"), ...args], resultType(result), result);
      return;
    }
    const name = (f as Builtin).name;
    switch (name) {
      case "console.log": {
        let line: Value | null = null;
        args.forEach((a, i) => {
          const s = this.toStr(a, anns[i], true);
          line = line === null ? s : this.callRuntimeNew("strConcat", [this.callRuntimeNew("strConcat", [line, this.c(" ", "ptr")], "ptr"), s], "ptr");
        });
        this.callRuntime("printLine", [line ?? this.c("", "ptr")], result);
        return;
      }
      case "String.fromCharCode":
        return this.callRuntime("strFromCharCode", [this.toInt32(args[0])], result);
      case "rarith.toFloat":
        this.emit("same_as", [this.convert(args[0], "f64")], "f64", result);
        return;
      case "rarith.toInt":
        if (this.typeOf(args[0]) === "i64") this.emit("same_as", [args[0]], "i64", result);
        else this.emit("cast_float_to_int", [args[0]], "i64", result);
        return;
      case "rarith.intmask":
        this.emit("int32_or", [this.toInt32(args[0]), this.c(0, "i64")], "i64", result);
        return;
      case "rarith.intDiv":
      case "rarith.intMod": {
        // The divisor is tested unless it is a nonzero constant; zero raises rarith's Error.
        const op = name === "rarith.intDiv" ? "int_div" : "int_mod";
        const safe = args[1] instanceof Constant && args[1].value !== 0;
        this.emit(safe ? op : this.trusted ? `${op}_checked` : `${op}_raising`, args, "i64", result);
        return;
      }
      case "lowlevel.keyHash":
        return this.keyHash(args[0], anns[0], result);
      case "lowlevel.keyNormalized": {
        const t = resultType(result);
        if (t === "f64") this.emit("float_add", [args[0], this.c(0, "f64")], t, result);
        else this.emit("same_as", [args[0]], t, result);
        return;
      }
      case "lowlevel.keyEquals":
        if (anns[0].kind === "float" || anns[1].kind === "float") return this.callRuntime("floatSameValueZero", args, result);
        return this.equality(false, args, anns, result);
    }
    if (name.startsWith("Math.")) return this.mathCall(name.slice("Math.".length), args, result);
    if (name.startsWith("lowlevel.")) {
      this.emit(name.slice("lowlevel.".length), args, resultType(result), result);
      return;
    }
    this.fail(`RTS does not support ${name} yet`);
  }

  /** The hash of a Map key, by its type (see rlib/runtime.ts and the identity hash field). */
  private keyHash(key: Value, a: SomeValue, result: Variable): void {
    switch (a.kind) {
      case "str":
        return this.callRuntime("strHash", [key], result);
      case "int":
        return this.callRuntime("intHash", [key], result);
      case "float":
        return this.callRuntime("floatHash", [key], result);
      case "bool":
        return this.callRuntime("boolHash", [key], result);
      case "inst": {
        // Root classes get the field first: it is at the same offset in every class.
        const f = this.layouts.ofClass(membersOf(a.classdef)[0].desc).fields.get(IDENTITY_HASH)!;
        const id = this.emit("identity_hash", [key, this.c(f.offset, "i64")], "i64");
        return this.callRuntime("intHash", [id], result);
      }
    }
    this.emit("same_as", [this.c(0, "i64")], "i64", result);
  }

  private mathCall(name: string, args: Value[], result: Variable): void {
    const rt = resultType(result);
    if (rt === "i64") {
      if (name === "abs") this.emit("int_abs", args, "i64", result);
      else if (name === "sign") this.callRuntime("intSign", args, result);
      else if (name === "min" || name === "max") {
        let acc = args[0];
        for (const x of args.slice(1)) acc = this.emit(`int_${name}`, [acc, x], "i64");
        this.emit("same_as", [acc], "i64", result);
      } else this.emit("same_as", args, "i64", result); // floor & co. of an int
      return;
    }
    const fargs = args.map((a) => this.convert(a, "f64"));
    if (name === "round") return this.callRuntime("mathRound", fargs, result);
    if (name === "sign") return this.callRuntime("mathSign", fargs, result);
    if (name === "min" || name === "max") {
      // JS: Math.min() is Infinity, Math.max() is -Infinity; f64.min/max handle NaN and -0 as JS does.
      let acc: Value = this.c(name === "min" ? Infinity : -Infinity, "f64");
      if (fargs.length > 0) acc = fargs[0];
      for (const x of fargs.slice(1)) acc = this.emit(`float_${name}`, [acc, x], "f64");
      this.emit("same_as", [acc], "f64", result);
      return;
    }
    this.emit(`float_${name}`, fargs, "f64", result);
  }

  private callMethod(obj: Value, a: SomeValue, name: string, args: Value[], result: Variable): void {
    const rt = resultType(result);
    if (a.kind === "str") {
      // JS truncates a fractional position (ToIntegerOrInfinity; NaN is 0), as toInt does.
      const i = this.typeOf(args[0]) === "f64" ? this.emit("cast_float_to_int", [args[0]], "i64") : args[0];
      if (name === "charCodeAt") this.emit("str_char", [obj, i], "i64", result);
      else this.callRuntime("strCharAt", [obj, i], result);
      return;
    }
    if (a.kind === "list") {
      const itemType = lltypeOf(a.listdef.item);
      if (name === "push") {
        let len: Value | null = null;
        // Two operations: growing may collect (and move the list), the store cannot.
        for (const x of args) {
          const item = this.convert(x, itemType);
          this.emit("list_reserve", [obj, this.c(sizeOf(itemType), "i64")], "void");
          len = this.emit("list_append", [obj, item], "i64");
        }
        this.emit("same_as", [len ?? this.emit("list_len", [obj], "i64")], "i64", result);
      } else {
        this.emit("list_pop", [obj], itemType, result);
      }
      return;
    }
    if (a.kind !== "inst") this.fail(`cannot call '${name}' on ${describe(a)}`);
    const cases = membersOf(a.classdef).flatMap((m) => this.dispatchCases(m.desc, name)).sort((x, y) => x.lo - y.lo);
    if (cases.length === 1) return this.directCall(cases[0].fn, [obj, ...args], result);
    if (cases.length === 0) {
      this.emit("trap", [this.c(`abstract method ${name} called`, "void")], "void");
      this.emit("same_as", [this.zero(rt)], rt, result);
      return;
    }
    // Each implementation gets the arguments converted to its own parameter types.
    const calls = cases.map((cs) => ({ ...cs, params: this.paramTypes(cs.fn), ret: returnType(cs.fn.graph) }));
    const argTypes = args.map((x) => this.typeOf(x));
    for (const cl of calls) {
      cl.params.slice(1).forEach((p, i) => {
        if (p !== argTypes[i] && !(argTypes[i] === "i64" && p === "f64")) throw new Error("dispatch argument mismatch");
      });
    }
    this.emit("dispatch", [this.c(calls, "void"), obj, ...args], rt, result);
  }

  /** A new closure object: its function's table index, then the captured values. */
  private makeClosure(fn: FunctionDesc, captured: Value[], result: Variable): void {
    const layout = this.layouts.ofClosure(fn);
    this.emit("malloc", [this.c(layout.size, "i64"), this.c(layout.typeid, "i64")], "ptr", result);
    this.emit("closure_init", [result, this.c(fn, "void")], "void");
    captured.forEach((v, i) => {
      const f = layout.fields.get(`c${i}`);
      if (f) this.emit("setfield", [result, this.c(f.offset, "i64"), this.convert(v, f.type)], "void");
    });
  }

  /** A call through a function value: a direct call when the family has one function,
   *  else call_indirect through the function table with the closure as first argument. */
  private callValue(f: Value, a: SomeValue, args: Value[], result: Variable): void {
    if (a.kind !== "fn") return this.fail(`cannot call ${describe(a)}`);
    const fam = a.family.find();
    const members = [...fam.members].filter((m) => this.annotated.has(m));
    const sig = familySignature(fam);
    const padded = sig.params.map((t, i) => (i < args.length ? this.convert(args[i], t) : this.zero(t)));
    if (a.nullable) {
      // As JS, calling null or undefined fails (a checked read of the closure's header).
      this.emit("getfield", [f, this.c(CLOSURE.fn, "i64"), this.c(true, "void")], "i32");
    }
    if (members.length === 1) return this.directCall(members[0], [f, ...padded], result);
    const call = new IndirectCall(sig, members);
    const want = resultType(result);
    if (want === sig.result || want === "void") {
      this.emit("call_indirect", [this.c(call, "void"), f, ...padded], sig.result, result);
      return;
    }
    const r = this.emit("call_indirect", [this.c(call, "void"), f, ...padded], sig.result);
    this.emit("same_as", [this.convert(r, want)], want, result);
  }

  /** Which implementation each type id below `cls` uses, as type-id ranges. */
  private dispatchCases(cls: ClassDesc, name: string): DispatchCase[] {
    const impls = new Set(implementations(cls, name).map((x) => x.fn));
    const cases: DispatchCase[] = [];
    for (const c of this.layouts.subtreeInTypeidOrder(cls)) {
      const fn = c.findMethod(name);
      if (!fn || !impls.has(fn) || !this.annotated.has(fn)) continue;
      const id = this.layouts.ofClass(c).typeid;
      const last = cases[cases.length - 1];
      if (last && last.fn === fn && last.hi === id) last.hi = id + 1;
      else cases.push({ lo: id, hi: id + 1, fn });
    }
    return cases;
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

function isNullable(a: SomeValue): boolean {
  return "nullable" in a && a.nullable;
}


/** The low-level type an operation's result gets (set early for results that are nothing). */
function resultType(v: Variable): LLType {
  return (v.concretetype as LLType | undefined) ?? lltypeOf(annotationOf(v));
}

/** A function that only ever returns undefined returns nothing at the low level. */
export function returnType(g: Graph): LLType {
  const a = annotationOf(g.getReturnVar());
  return isUndefinedOnly(a) ? "void" : lltypeOf(a);
}

const CALL_OPS = new Set(["simple_call", "call_method", "call_value", "raise"]);
const STORE_OPS = new Set(["setattr", "setitem", "cell_set"]);
const STATEMENT_OPS = new Set([...CALL_OPS, ...STORE_OPS]);
const NULL_RECEIVER_OPS = new Set(["getattr", "setattr", "getitem", "setitem", "call_method", "call_value"]);

/** Stores have no result: their "impossible" result is not dead code. */
function isStatement(op: Operation): boolean {
  return STORE_OPS.has(op.opname);
}
