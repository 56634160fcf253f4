// Lowering of calls: built-ins (console.log, Math, rarith and lowlevel intrinsics), method
// calls (direct when one implementation, else a dispatch over type-id ranges), closures and
// calls through function values (direct, or call_indirect through the function table).
import { Constant, Value, Variable } from "../flowgraph/model.ts";
import { Builtin, ClassDesc, FunctionDesc, ImportedFunction } from "../frontend/program.ts";
import { implementations } from "../annotator/operations.ts";
import { describe, membersOf, SomeValue } from "../annotator/model.ts";
import { IDENTITY_HASH, sizeOf } from "./lltype.ts";
import { lltypeOf, resultType, returnType } from "./lltype-of.ts";
import { familySignature, Signature } from "./families.ts";
import { AccessRTyper } from "./rtype-access.ts";

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

export abstract class CallRTyper extends AccessRTyper {
  protected simpleCall(callee: Constant, args: Value[], anns: SomeValue[], result: Variable): void {
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
  protected keyHash(key: Value, a: SomeValue, result: Variable): void {
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

  protected mathCall(name: string, args: Value[], result: Variable): void {
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

  protected callMethod(obj: Value, a: SomeValue, name: string, args: Value[], result: Variable): void {
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
  protected makeClosure(fn: FunctionDesc, captured: Value[], result: Variable): void {
    const layout = this.layouts.ofClosure(fn);
    this.emit("malloc", [this.c(layout.size, "i64"), this.c(layout.typeid, "i64")], "ptr", result);
    this.emit("closure_init", [result, this.c(fn, "void")], "void");
    captured.forEach((v, i) => {
      const f = layout.fields.get(`c${i}`);
      if (f) this.setfield(result, f, v);
    });
  }

  /** A call through a function value: a direct call when the family has one function,
   *  else call_indirect through the function table with the closure as first argument. */
  protected callValue(f: Value, a: SomeValue, args: Value[], result: Variable): void {
    if (a.kind !== "fn") return this.fail(`cannot call ${describe(a)}`);
    const fam = a.family.find();
    const members = [...fam.members].filter((m) => this.annotated.has(m));
    const sig = familySignature(fam);
    const padded = sig.params.map((t, i) => (i < args.length ? this.convert(args[i], t) : this.zero(t)));
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
  protected dispatchCases(cls: ClassDesc, name: string): DispatchCase[] {
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
