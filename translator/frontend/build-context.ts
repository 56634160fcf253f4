// What the function builder needs from the frontend around it (index.ts implements it), and
// what names resolve to outside the function being built.
import { ts } from "ts-morph";
import { Value } from "../flowgraph/model.ts";
import { Builtin, CaptureKey, ClassDesc, FunctionDesc, ImportedFunction, JitDriverDesc } from "./program.ts";
import type { ClosureNode } from "./captures.ts";
import { TypeArg } from "./generics.ts";
import type { VableHints } from "./vablehints.ts";

/** What a name or property resolves to outside the function being built. */
export type Resolved =
  | { kind: "value"; value: Value }
  | { kind: "function"; desc: FunctionDesc }
  | { kind: "class"; desc: ClassDesc }
  /** Generic declarations are instantiated at their use, with the type arguments there. */
  | { kind: "generic class"; decl: ts.ClassDeclaration }
  /** A generic top-level function or static method. */
  | { kind: "generic function"; decl: ts.FunctionDeclaration | ts.MethodDeclaration }
  | { kind: "builtin"; builtin: Builtin }
  | { kind: "import"; fn: ImportedFunction }
  | { kind: "conversion"; name: string }
  | { kind: "namespace" }
  /** A module-level binding holding an arrow function or function expression (no captures). */
  | { kind: "closure"; desc: FunctionDesc };

export interface BuildContext {
  checker: ts.TypeChecker;
  /** What virtualizable() hints name. */
  vables: VableHints;
  /** Resolves a symbol that is not a local of the function being built. */
  resolveSymbol(sym: ts.Symbol, at: ts.Node): Resolved;
  classFor(decl: ts.ClassDeclaration, typeArgs?: readonly TypeArg[]): ClassDesc;
  functionFor(decl: ts.FunctionDeclaration | ts.MethodDeclaration, typeArgs?: readonly TypeArg[]): FunctionDesc;
  /** The name of the method that is generic method `decl` instantiated with `typeArgs`, for
   *  a receiver of class `receiver`. */
  genericMethod(receiver: ClassDesc, decl: ts.MethodDeclaration, typeArgs: readonly TypeArg[]): string;
  /** A static member of a class: a static method, or a static field's value after initialization. */
  resolveStatic(cls: ts.ClassDeclaration, member: ts.Symbol, at: ts.Node): Resolved;
  libraryFunction(module: string, name: string): FunctionDesc | null;
  libraryMethod(receiver: ts.Type, name: string, argc: number): FunctionDesc | null;
  /** A function of rlib/arrays.ts by name, specialized for one call site (as array methods are). */
  arrayHelper(name: string): FunctionDesc;
  /** The rlib/tuples.ts class of a tuple with these element types. */
  tupleClass(elements: readonly TypeArg[]): ClassDesc;
  /** The JitDriver a module-level binding holds (the receiver of jitMergePoint / canEnterJit). */
  jitDriver(receiver: ts.Expression): JitDriverDesc;
  /** Whether a call's callee was declared elidable (rlib/jit.ts). */
  isElidableCall(call: ts.CallExpression): boolean;
  /** The function of a closure expression or nested function declaration in `owner`. */
  closureFor(node: ClosureNode, owner: FunctionDesc | null): FunctionDesc;
  /** The closure adapter of a top-level function or static method used as a value. */
  functionValue(fn: FunctionDesc, at: ts.Node): FunctionDesc;
  /** The closure function of a method reference `obj.m` (see index.ts). */
  boundMethod(decl: ts.MethodDeclaration | ts.MethodSignature, receiver: TypeArg, at: ts.Node): FunctionDesc;
  /** Whether a local lives in a cell shared with closures (see captures.ts). */
  needsCell(key: CaptureKey): boolean;
}

/** A marker for a `let` that has no value yet (TypeScript proves it is assigned before use). */
export const UNINITIALIZED = { describe: () => "<uninitialized>" };
