// How the builder reads TypeScript's tuple types: translated, a tuple is an instance of the
// record class of its arity in rlib/tuples.ts (`[number, string]` is `Tuple2<number,
// string>`), element i being the field `_i`. Only fixed tuples are supported: optional and
// rest elements would make the arity (the record class) depend on the value.
import { ts } from "ts-morph";
import { reject } from "./subset.ts";

/** The largest arity rlib/tuples.ts has a class for. */
export const MAX_TUPLE_ARITY = 6;

/** The element types of a tuple type, or null when `t` is not a tuple. */
export function tupleElements(checker: ts.TypeChecker, t: ts.Type, at: ts.Node): readonly ts.Type[] | null {
  if (!checker.isTupleType(t)) return null;
  const ref = t as ts.TupleTypeReference;
  if (ref.target.elementFlags.some((f) => !(f & ts.ElementFlags.Required))) {
    return reject(at, "a tuple with optional or rest elements");
  }
  const elements = checker.getTypeArguments(ref);
  if (elements.length === 0 || elements.length > MAX_TUPLE_ARITY) return reject(at, `a tuple of ${elements.length} elements (RTS has tuples of 1 to ${MAX_TUPLE_ARITY})`);
  return elements;
}

/** The field of a tuple element: `t[i]` needs a constant index within the tuple. */
export function tupleField(index: ts.Expression, arity: number): string {
  if (!ts.isNumericLiteral(index) || !Number.isInteger(Number(index.text)) || Number(index.text) >= arity) {
    return reject(index, "a tuple indexed by anything but a constant within its length");
  }
  return `_${index.text}`;
}

/** Whether `e` is a tuple where TypeScript expects an array (an argument, initializer,
 *  assigned or returned value of an array type): TypeScript allows it, but an RTS tuple is a
 *  record and cannot be one. */
export function isTupleAsArray(checker: ts.TypeChecker, e: ts.Expression): boolean {
  const expected = checker.getContextualType(e);
  if (!expected || !checker.isTupleType(checker.getTypeAtLocation(e))) return false;
  const members = expected.isUnion() ? expected.types : [expected];
  return members.some((t) => checker.isArrayType(t)) && !members.some((t) => checker.isTupleType(t));
}
