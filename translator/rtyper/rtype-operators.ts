// Lowering of JS's operators: arithmetic (string concatenation included), comparisons,
// strict equality, truthiness and String(x), each chosen by the operands' annotations.
import { Constant, Value, Variable } from "../flowgraph/model.ts";
import { describe, SomeValue } from "../annotator/model.ts";
import { annotationOf, lltypeOf, resultType } from "./lltype-of.ts";
import { RTyperCore } from "./rtyper-core.ts";

export abstract class OperatorRTyper extends RTyperCore {
  protected arith(name: string, args: Value[], anns: SomeValue[], result: Variable): void {
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

  protected compare(name: string, args: Value[], anns: SomeValue[], result: Variable): void {
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

  protected equality(negate: boolean, args: Value[], anns: SomeValue[], result: Variable): void {
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

  protected truth(v: Value, a: SomeValue, result: Variable): void {
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
  protected toStr(v: Value, a: SomeValue, forLog: boolean): Value {
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
}
