// The low-level type of a value from its annotation: the one mapping every part of the
// rtyper (and the layouts and call families) agrees on.
import { Graph, Value, Variable } from "../flowgraph/model.ts";
import { isUndefinedOnly, s_impossible, SomeValue } from "../annotator/model.ts";
import { LLType } from "./lltype.ts";

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

/** The low-level type an operation's result gets (set early for results that are nothing). */
export function resultType(v: Variable): LLType {
  return (v.concretetype as LLType | undefined) ?? lltypeOf(annotationOf(v));
}

/** A function that only ever returns undefined returns nothing at the low level. */
export function returnType(g: Graph): LLType {
  const a = annotationOf(g.getReturnVar());
  return isUndefinedOnly(a) ? "void" : lltypeOf(a);
}
