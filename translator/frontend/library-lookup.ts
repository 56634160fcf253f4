// The rlib functions and classes that stand for JS's library in a translated program: string,
// number and array methods, Math, the error classes, tuples and collections, and the `int` /
// `float` types. The base layer of the Frontend (see index.ts).
import * as path from "node:path";
import { ts } from "ts-morph";
import { RLIB_DIR } from "../paths.ts";
import { symbolOf } from "./loc.ts";
import { ClassDesc, FunctionDesc, JitHint, NumberKind } from "./program.ts";
import { collectionOf } from "./collections.ts";
import { TypeArg } from "./generics.ts";
import type { VableHints } from "./vablehints.ts";

export abstract class LibraryLookup {
  constructor(
    public checker: ts.TypeChecker,
    protected moduleValues: Map<ts.Node, unknown>,
    protected library: Map<string, ts.SourceFile>,
    public functionHints: Map<ts.Node, Set<JitHint>>,
    /** The fields quasiImmutable() names, by class declaration (quasihints.ts). */
    protected quasiFields: Map<ts.ClassDeclaration, Set<string>>,
    /** What virtualizable() hints name (vablehints.ts). */
    public vables: VableHints,
  ) {}

  abstract functionFor(decl: ts.FunctionDeclaration | ts.MethodDeclaration, typeArgs?: readonly TypeArg[]): FunctionDesc;
  abstract classFor(decl: ts.ClassDeclaration, typeArgs?: readonly TypeArg[]): ClassDesc;
  /** A copy of an rlib/arrays.ts function for one call site (see arrayMethod). */
  protected abstract specialize(decl: ts.FunctionDeclaration): FunctionDesc;

  /** An exported function of an rlib library module (math, strmethods, numconv), or null. */
  libraryFunction(module: string, name: string): FunctionDesc | null {
    const fn = this.library.get(module)?.statements.find(
      (st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === name && !!st.body,
    );
    return fn ? this.functionFor(fn) : null;
  }

  /** A JS library method implemented in rlib, by the receiver's TypeScript type:
   *  `s.slice(a, b)` is strmethods.slice2(s, a, b), `x.toFixed(2)` numconv.numToFixed1(x, 2),
   *  `names.join(",")` strmethods.join1(names, ","), `m.forEach(f)` arrays.mapForEach1(m, f). */
  libraryMethod(receiver: ts.Type, name: string, argc: number): FunctionDesc | null {
    const flags = this.checker.getBaseTypeOfLiteralType(receiver).flags;
    if (flags & ts.TypeFlags.StringLike) return this.libraryFunction("strmethods", `${name}${argc}`) ?? this.libraryFunction("strcase", `${name}${argc}`);
    if (flags & ts.TypeFlags.NumberLike) return this.libraryFunction("numconv", `num${name[0].toUpperCase()}${name.slice(1)}${argc}`);
    if (name === "join" && this.checker.isArrayType(receiver)) {
      const item = this.checker.getTypeArguments(receiver as ts.TypeReference)[0];
      if (item && item.flags & ts.TypeFlags.StringLike) return this.libraryFunction("strmethods", `join${argc}`);
    }
    if (this.checker.isArrayType(receiver)) return this.arrayMethod(`${name}${argc}`);
    const collection = collectionOf(this.checker, receiver);
    if (collection && name === "forEach") return this.arrayMethod(`${collection.kind.toLowerCase()}ForEach${argc}`);
    return null;
  }

  tupleClass(elements: readonly TypeArg[]): ClassDesc {
    const name = `Tuple${elements.length}`;
    const decl = this.library.get("tuples")!.statements.find((st): st is ts.ClassDeclaration => ts.isClassDeclaration(st) && st.name?.text === name);
    if (!decl) throw new Error(`rlib/tuples.ts has no class ${name}`);
    return this.classFor(decl, elements);
  }

  arrayHelper(name: string): FunctionDesc {
    const fn = this.arrayMethod(name);
    if (!fn) throw new Error(`rlib/arrays.ts has no function ${name}`);
    return fn;
  }

  /** `a.map(f)` & co. are rlib/arrays.ts functions, copied for each call site: the element
   *  and callback types differ from one call to the next, and one graph has one typing
   *  (RPython specializes such helpers the same way). Their calls of each other are
   *  specialized too (so none of them may be recursive). */
  private arrayMethod(name: string): FunctionDesc | null {
    const decl = this.library.get("arrays")?.statements.find(
      (st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === name && !!st.body,
    );
    return decl ? this.specialize(decl) : null;
  }


  /** The rlib/errors.ts class that stands for JS's global error class `name`. */
  errorClass(name: string): ClassDesc {
    const decl = this.library.get("errors")!.statements.find(
      (st): st is ts.ClassDeclaration => ts.isClassDeclaration(st) && st.name?.text === name,
    );
    if (!decl) throw new Error(`rlib/errors.ts has no class ${name}`);
    return this.classFor(decl);
  }

  collectionClass(name: string): ts.ClassDeclaration {
    const decl = this.library.get("collections")!.statements.find((st): st is ts.ClassDeclaration => ts.isClassDeclaration(st) && st.name?.text === name);
    if (!decl) throw new Error(`rlib/collections.ts has no class ${name}`);
    return decl;
  }

  /** `int` / `float` from rlib/types.ts pin a number's kind. */
  numberKind(type: ts.TypeNode | undefined): NumberKind {
    if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return null;
    const sym = symbolOf(this.checker, type.typeName);
    const decl = sym?.declarations?.[0];
    if (!decl || path.resolve(decl.getSourceFile().fileName) !== path.join(RLIB_DIR, "types.ts")) return null;
    return sym!.name === "int" ? "int" : sym!.name === "float" ? "float" : null;
  }
}
