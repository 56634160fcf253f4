// Lowering of property and element access: fields at their layout's offsets, lengths,
// list / typed array / string elements, and the null checks JS's TypeError needs.
import { Constant, Operation, Value, Variable } from "../flowgraph/model.ts";
import { describe, membersOf, SomeValue } from "../annotator/model.ts";
import { FieldLayout, typedIsFloat } from "./lltype.ts";
import { lltypeOf } from "./lltype-of.ts";
import { OperatorRTyper } from "./rtype-operators.ts";

export abstract class AccessRTyper extends OperatorRTyper {
  /** JS's TypeError for an access through null or undefined: a `nonnull_check` (which the
   *  exception transform turns into a test and a call of runtime.nullError). The
   *  message names the property (or the element index) as V8's does. */
  protected nullCheck(op: Operation, args: Value[]): void {
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

  protected getattr(obj: Value, a: SomeValue, name: string, result: Variable): void {
    if (name === "length" && (a.kind === "str" || a.kind === "list" || a.kind === "typed")) {
      this.emit(`${a.kind}_len`, [obj], "i64", result);
      return;
    }
    this.getfield(obj, this.field(a, name), result);
  }

  protected setattr(obj: Value, a: SomeValue, name: string, v: Value): void {
    this.setfield(obj, this.field(a, name), v);
  }

  /** getfield(obj, offset) of a field, and a last operand `true` for an immutable one, the
   *  offset of its hidden word for a quasi-immutable one, "vable" or "vable[*]" (after
   *  "immutable " for a readonly one) for a virtualizable's (the JIT's codewriter gives them
   *  field descriptors of their own, see translator/jit/effects.ts fieldKeyOf; the backend
   *  ignores it). */
  protected getfield(obj: Value, f: FieldLayout, result: Variable): void {
    this.emit("getfield", [obj, this.c(f.offset, "i64"), ...this.fieldFlag(f)], f.type, result);
  }

  /** setfield(obj, offset, value), flagged as getfield: an immutable field is written while
   *  its object is made, and the JIT's reads and writes of it share one descriptor. A write
   *  of a quasi-immutable field first invalidates the traces that read it as a constant:
   *  quasi_invalidate of its hidden word (0, nothing to do, until a trace depends on it). */
  protected setfield(obj: Value, f: FieldLayout, v: Value): void {
    const value = this.convert(v, f.type);
    if (f.mutate >= 0) this.emit("quasi_invalidate", [this.emit("getfield", [obj, this.c(f.mutate, "i64")], "i32")], "void");
    this.emit("setfield", [obj, this.c(f.offset, "i64"), value, ...this.fieldFlag(f)], "void");
  }

  private fieldFlag(f: FieldLayout): Constant[] {
    if (f.mutate >= 0) return [this.c(f.mutate, "void")];
    if (f.vable) return [this.c(`${f.immutable ? "immutable " : ""}${f.vable === "array" ? "vable[*]" : "vable"}`, "void")];
    return f.immutable ? [this.c(true, "void")] : [];
  }

  /** A field of an instance (on a class union, its members agree on where it is and on
   *  whether it is immutable: the annotator's memberFields). */
  protected field(a: SomeValue, name: string): FieldLayout {
    if (a.kind !== "inst") return this.fail(`cannot access '${name}' of ${describe(a)}`);
    // On a class union, the members that have the field (see the annotator's memberFields).
    const found = membersOf(a.classdef).flatMap((m) => this.layouts.ofClass(m.desc).fields.get(name) ?? []);
    const f = found[0];
    if (!f) return this.fail(`field '${name}' of ${a.classdef.describe()} is never assigned`);
    if (found.some((x) => x.offset !== f.offset || x.type !== f.type)) {
      this.fail(`field '${name}' is at different places in the classes of ${a.classdef.describe()}`,
        "declare the fields the classes share first, in the same order (or move them to a common base class)");
    }
    if (found.some((x) => x.immutable !== f.immutable)) throw new Error(`rtyper: field '${name}' is readonly in some classes of ${a.classdef.describe()} only`);
    if (found.some((x) => x.mutate !== f.mutate)) throw new Error(`rtyper: field '${name}' is quasi-immutable in some classes of ${a.classdef.describe()} only`);
    if (found.some((x) => x.vable !== f.vable)) throw new Error(`rtyper: field '${name}' is virtualizable in some classes of ${a.classdef.describe()} only`);
    return f;
  }

  protected getitem(obj: Value, a: SomeValue, idx: Value, result: Variable): void {
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

  protected setitem(obj: Value, a: SomeValue, idx: Value, v: Value): void {
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
}
