// Generics are monomorphized in the frontend: each distinct list of type arguments of a
// generic class or function gets its own ClassDesc / FunctionDesc, with graphs built from
// the same declaration. The type arguments come from the TypeScript checker at the use
// (`new Stack<number>()`, the inferred `first<string>(xs)`); inside generic code they
// may mention the enclosing type parameters, so a type argument is a TS type together with
// the environment that gives its type parameters their meaning.
import { ts } from "ts-morph";

/** A type argument: `type` read in `env` (the instantiation it was written in). */
export interface TypeArg {
  type: ts.Type;
  env: TypeEnv;
}

/** Type parameter symbol -> the type argument it stands for in one instantiation. */
export type TypeEnv = ReadonlyMap<ts.Symbol, TypeArg>;

export const EMPTY_ENV: TypeEnv = new Map();

/** Follows type parameters through their environments to a type that is not one. */
export function concreteType(type: ts.Type, env: TypeEnv): TypeArg {
  let t: TypeArg = { type, env };
  while (t.type.flags & ts.TypeFlags.TypeParameter) {
    const next = t.type.symbol && t.env.get(t.type.symbol);
    if (!next) break;
    t = next;
  }
  return t;
}

/** The instantiation's name: equal keys mean the same specialization. */
export function typeKey(checker: ts.TypeChecker, arg: TypeArg): string {
  const { type: t, env } = concreteType(arg.type, arg.env);
  if (t.flags & ts.TypeFlags.TypeParameter) return `?${t.symbol?.name ?? "T"}`;
  if (t.flags & ts.TypeFlags.BooleanLike) return "boolean";
  if (t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike)) return checker.typeToString(checker.getBaseTypeOfLiteralType(t));
  if (t.isUnion()) return t.types.map((m) => typeKey(checker, { type: m, env })).sort().join(" | ");
  const args = typeArguments(checker, t);
  const name = t.symbol ? qualified(t.symbol) : checker.typeToString(t);
  if (args.length === 0) return name;
  return `${name}<${args.map((a) => typeKey(checker, { type: a, env })).join(", ")}>`;
}

export function instantiationKey(checker: ts.TypeChecker, args: readonly TypeArg[]): string {
  return args.length === 0 ? "" : `<${args.map((a) => typeKey(checker, a)).join(", ")}>`;
}

/** The type arguments of a reference type (`Map<string, T>` gives string and T; a class's
 *  implicit `this` type argument is left out). */
export function typeArguments(checker: ts.TypeChecker, t: ts.Type): readonly ts.Type[] {
  if (!(t.flags & ts.TypeFlags.Object) || !((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference)) return [];
  const args = checker.getTypeArguments(t as ts.TypeReference);
  const target = (t as ts.TypeReference).target as ts.InterfaceType;
  if (!(target.objectFlags & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface))) return args;
  return args.slice(0, target.typeParameters?.length ?? 0);
}

/** The environment of one instantiation: each type parameter of `decl` bound to its argument. */
export function bindTypeParameters(
  checker: ts.TypeChecker,
  decl: ts.DeclarationWithTypeParameterChildren,
  args: readonly TypeArg[],
  outer: TypeEnv = EMPTY_ENV,
): TypeEnv {
  const env = new Map(outer);
  (decl.typeParameters ?? []).forEach((p, i) => {
    const sym = checker.getSymbolAtLocation(p.name);
    if (sym && args[i]) env.set(sym, args[i]);
  });
  return env;
}

/** Classes of different modules may share a name: the module qualifies it. */
function qualified(sym: ts.Symbol): string {
  const decl = sym.declarations?.[0];
  if (!decl || decl.getSourceFile().isDeclarationFile) return sym.name;
  const file = decl.getSourceFile().fileName.replace(/^.*\//, "").replace(/\.ts$/, "");
  return `${file}.${sym.name}`;
}
