// What the frontend hands to the annotator: every function and class reachable from
// `main`, each function as a flow graph, plus the runtime helpers the later stages call.
import { ts } from "ts-morph";
import { Graph } from "../flowgraph/model.ts";
import { SourceLoc } from "../flowgraph/source.ts";
import { EMPTY_ENV, TypeEnv } from "./generics.ts";
import type { VableKind } from "./vablehints.ts";

/** A number slot's kind pinned by the `int` / `float` aliases of rlib/types.ts, else inferred. */
export type NumberKind = "int" | "float" | null;

export class FunctionDesc {
  graph!: Graph;
  /** Declared number kinds of the parameters (after `this` for methods) and of the result. */
  paramKinds: NumberKind[] = [];
  returnKind: NumberKind = null;
  /** The declared parameters (for an implicit constructor, the inherited ones): defaults. */
  params: ts.ParameterDeclaration[] = [];
  /** JIT hints given at module level (`elidable(f)`, rlib/jit.ts). */
  jitHints = new Set<JitHint>();
  /** For a function used as a value (an arrow function, a function expression, a nested
   *  function, or the adapter of a top-level function passed as a value): the locals of
   *  enclosing functions it captures. Its graph's first input is then its closure object. */
  captures: CaptureKey[] | null = null;
  /** How a stack trace shows the function (`f`, `method`, `get x`, `new C`, as V8 does without
   *  the class of methods); null for rlib functions, which traces leave out. */
  traceName: string | null = null;
  /** Part of rlib: trusted not to access properties through null (no checks are emitted). */
  inRlib = false;
  /** The type arguments of the generic instantiation this function belongs to (its own and
   *  its class's), by type parameter. */
  typeEnv: TypeEnv = EMPTY_ENV;
  constructor(
    public name: string,
    public decl: ts.Node | null,
    public loc: SourceLoc | null,
    /** The class of a method or constructor (its graph's first input is `this`). */
    public cls: ClassDesc | null = null,
    public isConstructor = false,
  ) {}
  describe(): string {
    return `<fn ${this.name}>`;
  }
  /** Whether the graph's first input is `this` or the closure object, before the parameters. */
  get hasSelf(): boolean {
    return this.cls !== null || this.captures !== null;
  }
}

/** What a closure captures: a local's declaration node, or the `this` of the enclosing method. */
export type CaptureKey = ts.Node | { kind: "this" };

export class FieldDesc {
  constructor(
    public name: string,
    public cls: ClassDesc,
    public kind: NumberKind,
    public loc: SourceLoc | null,
    /** Declared without an initializer and may be undefined: it is, until assigned. */
    public startsUndefined = false,
    /** Declared `readonly` by its class and by every subclass that redeclares it: set only
     *  while the object is constructed, so the JIT may read it once from a constant object. */
    public readonly = false,
  ) {}
  /** Named by a quasiImmutable() hint (quasihints.ts): mutable, rarely written, so a trace
   *  may read it once from a constant object if every write invalidates that trace. */
  quasiImmutable = false;
  /** Named by a virtualizable() hint (vablehints.ts): a trace keeps the field's value
   *  ("field") or the items of the array it holds ("array") in registers. */
  virtualizable: VableKind | null = null;
}

export class ClassDesc {
  base: ClassDesc | null = null;
  subclasses: ClassDesc[] = [];
  fields: FieldDesc[] = [];
  methods = new Map<string, FunctionDesc>();
  /** The constructor graph: (this, ...params); runs the base constructor and field initializers. */
  ctor!: FunctionDesc;
  /** The type arguments of this instantiation of a generic class, by type parameter. */
  typeEnv: TypeEnv = EMPTY_ENV;
  constructor(
    public name: string,
    public decl: ts.ClassDeclaration,
    public isAbstract: boolean,
    public loc: SourceLoc | null,
  ) {}
  describe(): string {
    return `<class ${this.name}>`;
  }
  /** Looks a field up in this class and its bases. */
  findField(name: string): FieldDesc | null {
    for (let c: ClassDesc | null = this; c; c = c.base) {
      const f = c.fields.find((x) => x.name === name);
      if (f) return f;
    }
    return null;
  }
  /** The method implementation this class uses for `name` (own or inherited). */
  findMethod(name: string): FunctionDesc | null {
    for (let c: ClassDesc | null = this; c; c = c.base) {
      const m = c.methods.get(name);
      if (m) return m;
    }
    return null;
  }
  isSubclassOf(other: ClassDesc): boolean {
    for (let c: ClassDesc | null = this; c; c = c.base) if (c === other) return true;
    return false;
  }
}

/** A built-in operation called like a function: console.log, String.fromCharCode, rlib intrinsics. */
export class Builtin {
  constructor(public name: string) {}
  describe(): string {
    return `<builtin ${this.name}>`;
  }
}

/** Math functions that are Wasm instructions (the others are RTS code in rlib/math.ts). */
export const MATH_INSTRUCTIONS = ["floor", "ceil", "trunc", "round", "abs", "sqrt", "min", "max", "sign"];

/** The function hints of rlib/jit.ts. */
export type JitHint = "elidable" | "unrollSafe" | "dontLookInside";

/** A JitDriver (rlib/jit.ts) that module initialization created: the operands of its
 *  jit_merge_point and can_enter_jit operations are its greens, then its reds. */
export class JitDriverDesc {
  constructor(
    public name: string,
    public greens: string[],
    public reds: string[],
    /** The reds that are the interpreter's frame (vablehints.ts). */
    public virtualizables: string[],
    public threshold: number,
    public traceLimit: number,
    public loc: SourceLoc | null,
  ) {}
  describe(): string {
    return `<jitdriver ${this.name}>`;
  }
}

/** A Wasm import (a `declare function` in rlib/wasi.ts). */
export class ImportedFunction {
  constructor(
    public module: string,
    public name: string,
    public returnsValue: boolean,
  ) {}
  describe(): string {
    return `<import ${this.module}.${this.name}>`;
  }
}

/** Typed array constructors RTS knows, by element kind. */
export const TYPED_ARRAYS = {
  Uint8Array: "u8",
  Int8Array: "i8",
  Uint16Array: "u16",
  Int16Array: "i16",
  Uint32Array: "u32",
  Int32Array: "i32",
  Float32Array: "f32",
  Float64Array: "f64",
} as const;
export type TypedArrayKind = (typeof TYPED_ARRAYS)[keyof typeof TYPED_ARRAYS];

/** The JS typed array constructors by kind, to recognize prebuilt typed arrays. */
export function typedArrayKindOf(value: object): TypedArrayKind | null {
  const name = value.constructor?.name as keyof typeof TYPED_ARRAYS;
  return ArrayBuffer.isView(value) && name in TYPED_ARRAYS ? TYPED_ARRAYS[name] : null;
}

export interface Program {
  main: FunctionDesc;
  /** Runs before main when there is start-up work: rebuilding the hash index of the Maps and
   *  Sets module initialization built (see frontend/prebuilt-values.ts). */
  startup: FunctionDesc | null;
  /** The class of a prebuilt instance (an object built by module initialization). */
  classOfPrebuilt(obj: object): ClassDesc | null;
  functions: FunctionDesc[];
  classes: ClassDesc[];
  /** The JitDrivers the program's merge points use. */
  jitDrivers: JitDriverDesc[];
  /** rlib functions the rtyper and backend call (string concat, number formatting, allocation, I/O). */
  runtime: Map<string, FunctionDesc>;
  /** rlib/errors.ts' Error: every thrown value is an instance of it (what `catch (e)` gives). */
  errorClass: ClassDesc;
}

/** A function of rlib/runtime.ts, which generated code calls. */
export function runtimeFunction(program: Program, name: string): FunctionDesc {
  const f = program.runtime.get(name);
  if (!f) throw new Error(`rlib/runtime.ts has no ${name}`);
  return f;
}
