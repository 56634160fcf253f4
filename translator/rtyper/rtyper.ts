// The RTyper (RPython's rtyper): replaces every high-level operation of the annotated
// graphs by low-level operations on machine types (int_add, getfield, direct_call...),
// choosing the implementation from the annotations, and inserts the conversions that
// links and calls need (int -> float). Graphs are rewritten in place.
// The class is split by topic into layers, one file each: rtyper-core.ts (emitting,
// conversions, direct calls) < rtype-operators.ts < rtype-access.ts < rtype-calls.ts < here
// (graphs, blocks and the dispatch over high-level operations).
import { Block, Constant, Link, Operation, Variable } from "../flowgraph/model.ts";
import { ClassDesc, FunctionDesc, TypedArrayKind } from "../frontend/program.ts";
import { isUndefinedOnly, SomeValue } from "../annotator/model.ts";
import { IDENTITY_HASH, sizeOf } from "./lltype.ts";
import { annotationOf, lltypeOf, resultType, returnType } from "./lltype-of.ts";
import { CallRTyper } from "./rtype-calls.ts";

export class RTyper extends CallRTyper {
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
        this.getfield(args[0], layout.fields.get(`c${(args[2] as Constant).value}`)!, result);
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
}

function isNullable(a: SomeValue): boolean {
  return "nullable" in a && a.nullable;
}

const CALL_OPS = new Set(["simple_call", "call_method", "call_value", "raise"]);
const STORE_OPS = new Set(["setattr", "setitem", "cell_set"]);
const STATEMENT_OPS = new Set([...CALL_OPS, ...STORE_OPS]);
const NULL_RECEIVER_OPS = new Set(["getattr", "setattr", "getitem", "setitem", "call_method", "call_value"]);

/** Stores have no result: their "impossible" result is not dead code. */
function isStatement(op: Operation): boolean {
  return STORE_OPS.has(op.opname);
}
