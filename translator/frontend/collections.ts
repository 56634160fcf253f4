// How the builder reads JS's Map and Set. Translated, they are the generic classes OrderedMap
// and OrderedSet of rlib/collections.ts (instantiated with the Map's type arguments), so
// most uses are ordinary method calls; this file recognizes the few forms that need the
// builder's help: for-of over a collection (a Map's entries are [key, value] tuples, see
// tuples.ts), and `m.get(k)` of number or boolean values (whose `undefined` RTS cannot represent).
import { ts } from "ts-morph";
import { isGlobalLib } from "./ast.ts";
import { reject } from "./subset.ts";
import { typeArguments } from "./generics.ts";

/** JS's global collection classes and the rlib classes that implement them. */
export const COLLECTION_CLASSES: Record<string, string> = { Map: "OrderedMap", Set: "OrderedSet" };

export interface CollectionType {
  kind: "Map" | "Set";
  key: ts.Type;
  /** The value type of a Map; a Set's element type. */
  value: ts.Type;
}

/** `Map<K, V>` or `Set<T>` of the default library, else null. */
export function collectionOf(checker: ts.TypeChecker, t: ts.Type): CollectionType | null {
  const sym = t.symbol;
  if (!sym || !(sym.name === "Map" || sym.name === "Set") || !isGlobalLib(sym)) return null;
  const args = typeArguments(checker, t);
  if (sym.name === "Map" && args.length === 2) return { kind: "Map", key: args[0], value: args[1] };
  if (sym.name === "Set" && args.length === 1) return { kind: "Set", key: args[0], value: args[0] };
  return null;
}

/** What a for-of over a collection yields: both halves of each entry, keys or values. */
export interface Iteration {
  collection: ts.Expression;
  yields: "entries" | "keys" | "values";
}

/** `for (... of m)`, `m.keys()`, `m.values()`, `m.entries()`, `s`, `s.values()`, `s.keys()`;
 *  null for anything that is not a Map or Set. */
export function iterationOf(checker: ts.TypeChecker, e: ts.Expression, typeOf: (e: ts.Node) => ts.Type): Iteration | null {
  const direct = collectionOf(checker, typeOf(e));
  if (direct) return { collection: e, yields: direct.kind === "Map" ? "entries" : "keys" };
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.arguments.length === 0) {
    const receiver = e.expression.expression;
    const c = collectionOf(checker, typeOf(receiver));
    const method = e.expression.name.text;
    if (c && (method === "keys" || method === "values" || method === "entries")) {
      if (c.kind === "Set" && method === "entries") return reject(e, "Set.entries()");
      return { collection: receiver, yields: c.kind === "Set" ? "keys" : method };
    }
  }
  const sym = typeOf(e).symbol;
  if (sym && /Iterator$/.test(sym.name) && isGlobalLib(sym)) {
    return reject(e, "for-of over an iterator kept in a variable (iterate `m.keys()`, `m.values()` or the Map itself)");
  }
  return null;
}

/** `m.get(k)` on a Map whose values are numbers or booleans: its `undefined` for a missing key
 *  has no RTS representation, so the builder needs it under `!` or `??`. */
export function mapGetOfPrimitive(
  checker: ts.TypeChecker,
  e: ts.Expression,
  typeOf: (e: ts.Node) => ts.Type,
  concrete: (t: ts.Type) => ts.Type,
): ts.CallExpression | null {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "get") return null;
  const c = collectionOf(checker, typeOf(e.expression.expression));
  if (!c || c.kind !== "Map") return null;
  const v = checker.getBaseTypeOfLiteralType(concrete(c.value));
  return v.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike) ? e : null;
}

/** The methods of Map and Set that RTS implements as calls (keys(), values() and entries() are
 *  iterated by for-of and Array.from; forEach is rlib/arrays.ts' mapForEach1 / setForEach1). */
const METHODS: Record<CollectionType["kind"], Set<string>> = {
  Map: new Set(["get", "set", "has", "delete", "clear", "forEach"]),
  Set: new Set(["add", "has", "delete", "clear", "forEach"]),
};

/** Rejects a method call on a Map or Set that RTS does not implement. */
export function checkCollectionCall(checker: ts.TypeChecker, call: ts.CallExpression, receiver: ts.Type): void {
  const c = collectionOf(checker, receiver);
  const name = (call.expression as ts.PropertyAccessExpression).name.text;
  if (!c || METHODS[c.kind].has(name)) return;
  if (name === "keys" || name === "values" || name === "entries") {
    reject(call, `${c.kind}.${name}() outside a for-of or Array.from`);
  }
  reject(call, `${c.kind}.${name}`);
}

/** `new Map<K, V>()` / `new Map<K, V>(array of entries)` and `new Set<T>()` / `new Set<T>(array)`,
 *  with keys RTS can hash. */
export function checkCollectionNew(checker: ts.TypeChecker, e: ts.NewExpression, concrete: (t: ts.Type) => ts.Type): void {
  const c = collectionOf(checker, checker.getTypeAtLocation(e));
  if (!c) return;
  if (isArrayLike(checker, concrete(c.key))) reject(e, "arrays as Map keys or Set elements");
  const args = e.arguments ?? [];
  if (args.length > 0 && !checker.isArrayType(concrete(checker.getTypeAtLocation(args[0])))) {
    reject(args[0], c.kind === "Map" ? "new Map(entries) of anything but an array of [key, value] tuples" : "new Set(items) of anything but an array");
  }
}

/** Arrays and typed arrays, which RTS does not hash (JS compares them by identity). */
function isArrayLike(checker: ts.TypeChecker, t: ts.Type): boolean {
  return checker.isArrayType(t) || (!!t.symbol && /^(Ui|I)nt(8|16|32)Array$|^Float(32|64)Array$|^Uint8ClampedArray$/.test(t.symbol.name));
}
