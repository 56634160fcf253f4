// What a name outside the function being built resolves to: a global of JS's library, an
// rlib intrinsic or WASI import, a function or class, a static member, a JitDriver, or a
// module-level binding's value after initialization (a prebuilt constant). The middle layer
// of the Frontend (see index.ts).
import * as path from "node:path";
import { ts } from "ts-morph";
import { Constant } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Resolved } from "./build-context.ts";
import { isGlobalLib, isModuleLevel } from "./ast.ts";
import { ClosureNode } from "./captures.ts";
import { RLIB_DIR } from "../paths.ts";
import { locOfNode, symbolOf } from "./loc.ts";
import { isJitModuleDecl } from "./jithints.ts";
import { PrebuiltValues } from "./prebuilt-values.ts";
import { EMPTY_ENV } from "./generics.ts";
import { Builtin, FunctionDesc, ImportedFunction, JitDriverDesc, MATH_INSTRUCTIONS } from "./program.ts";
import { reject } from "./subset.ts";
import { COLLECTION_CLASSES } from "./collections.ts";
import { LibraryLookup } from "./library-lookup.ts";

/** rlib modules whose exported functions are translator intrinsics, by file name, with the
 *  names of those functions (null: all of them; the others are ordinary RTS functions). */
const INTRINSIC_MODULES: Record<string, { prefix: string; names: ReadonlySet<string> | null }> = {
  "lowlevel.ts": { prefix: "lowlevel", names: null },
  "rarith.ts": { prefix: "rarith", names: new Set(["intDiv", "intMod", "toInt", "toFloat", "intmask"]) },
};
/** Global conversion functions (`parseInt(s)`, `Number(s)`, `String(x)`): see builder's callConversion. */
const CONVERSIONS = new Set(["parseInt", "parseFloat", "Number", "String"]);
/** Globals of the default library RTS implements, by their dotted name. */
const GLOBAL_BUILTINS = new Set([
  "console.log",
  "String.fromCharCode",
  ...MATH_INSTRUCTIONS.map((f) => `Math.${f}`),
]);
/** JS's error classes, which are rlib/errors.ts classes in a translated program. */
export const ERROR_CLASSES = new Set(["Error", "TypeError", "RangeError"]);
const GLOBAL_VALUES: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  "Number.MAX_SAFE_INTEGER": Number.MAX_SAFE_INTEGER,
  "Number.MIN_SAFE_INTEGER": Number.MIN_SAFE_INTEGER,
  "Number.EPSILON": Number.EPSILON,
  "Number.POSITIVE_INFINITY": Infinity,
  "Number.NEGATIVE_INFINITY": -Infinity,
  "Number.NaN": NaN,
  "Math.PI": Math.PI,
  "Math.E": Math.E,
  "Math.LN2": Math.LN2,
  "Math.LN10": Math.LN10,
  "Math.LOG2E": Math.LOG2E,
  "Math.LOG10E": Math.LOG10E,
  "Math.SQRT2": Math.SQRT2,
  "Math.SQRT1_2": Math.SQRT1_2,
};

export abstract class NameResolver extends LibraryLookup {
  jitDrivers = new Map<ts.Node, JitDriverDesc>();
  prebuilt = new PrebuiltValues(this);

  abstract closureFor(node: ClosureNode, owner: FunctionDesc | null): FunctionDesc;

  resolveSymbol(sym: ts.Symbol, at: ts.Node): Resolved {
    const decl = sym.valueDeclaration ?? sym.declarations?.[0];
    if (!decl) throw new RtsError(locOfNode(at), `cannot resolve '${at.getText()}'`);
    if (isGlobalLib(sym)) return this.resolveGlobal(at);
    if (ts.isSourceFile(decl) || ts.isModuleDeclaration(decl)) return { kind: "namespace" };
    if (ts.isFunctionDeclaration(decl)) return this.resolveFunction(decl, at);
    if (ts.isClassDeclaration(decl) && isJitModuleDecl(decl)) {
      throw new RtsError(locOfNode(at), `a ${decl.name!.text} used at run time`,
        "create JIT drivers and their parameters at module level: they are constants of the translated program");
    }
    if (ts.isClassDeclaration(decl)) return decl.typeParameters ? { kind: "generic class", decl } : { kind: "class", desc: this.classFor(decl) };
    if (ts.isVariableDeclaration(decl) && isModuleLevel(decl)) {
      if (!this.moduleValues.has(decl)) reject(at, "a module-level binding without a value at initialization");
      const value = this.moduleValues.get(decl);
      if (this.isJitDriver(value)) {
        throw new RtsError(locOfNode(at), "a JitDriver used as a value", "only call jitMergePoint and canEnterJit on it");
      }
      if (typeof value === "function") return this.moduleFunction(decl, value, at);
      return this.prebuiltConstant(value, decl, at);
    }
    if (ts.isBindingElement(decl)) reject(at, "a binding of a destructuring declaration at module level");
    return reject(at, `a reference to ${ts.SyntaxKind[decl.kind]}`);
  }

  /** `const f = (x) => ...` or `const g = f` at module level: a function value. (A function
   *  inside a prebuilt object or array is not supported.) */
  private moduleFunction(decl: ts.VariableDeclaration, value: unknown, at: ts.Node): Resolved {
    let init = decl.initializer;
    while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return { kind: "closure", desc: this.closureFor(init, null) };
    for (const [d, v] of this.moduleValues) {
      if (v === value && ts.isFunctionDeclaration(d)) return this.resolveFunction(d, at);
    }
    return reject(at, "a function used as a value (a module-level binding holding a function that is not an RTS function)");
  }

  /** The classes of the objects module initialization built, by their JS constructor. */
  private classDecls: Map<unknown, ts.ClassDeclaration> | null = null;

  classDeclOf(constructor: unknown): ts.ClassDeclaration | undefined {
    if (!this.classDecls) {
      this.classDecls = new Map();
      for (const [decl, value] of this.moduleValues) if (ts.isClassDeclaration(decl)) this.classDecls.set(value, decl);
    }
    return this.classDecls.get(constructor);
  }

  /** `C.m` and `C.f` for a static method or field of class C. */
  resolveStatic(cls: ts.ClassDeclaration, member: ts.Symbol, at: ts.Node): Resolved {
    const decl = member.valueDeclaration;
    if (decl && ts.isMethodDeclaration(decl) && decl.body) {
      return decl.typeParameters ? { kind: "generic function", decl } : { kind: "function", desc: this.functionFor(decl) };
    }
    if (decl && ts.isPropertyDeclaration(decl)) {
      // A static field holds what class initialization left in it, like a module-level binding.
      const value = (this.moduleValues.get(cls) as Record<string, unknown> | undefined)?.[member.name];
      return this.prebuiltConstant(value, decl, at);
    }
    return reject(at, "this static member");
  }

  jitDriver(receiver: ts.Expression): JitDriverDesc {
    const decl = ts.isIdentifier(receiver) ? symbolOf(this.checker, receiver)?.valueDeclaration : undefined;
    const value = decl && this.moduleValues.get(decl);
    if (!decl || !ts.isVariableDeclaration(decl) || !isModuleLevel(decl) || !this.isJitDriver(value)) {
      throw new RtsError(locOfNode(receiver), "a JitDriver must be a module-level constant",
        "create it at the top of the module: const driver = new JitDriver({ greens: [...], reds: [...] })");
    }
    let desc = this.jitDrivers.get(decl);
    if (!desc) {
      const d = value as { greens: string[]; reds: string[]; virtualizables: string[]; params: { threshold: number; traceLimit: number } };
      desc = new JitDriverDesc(decl.name.getText(), d.greens, d.reds, d.virtualizables, d.params.threshold, d.params.traceLimit, locOfNode(decl.name));
      this.jitDrivers.set(decl, desc);
    }
    return desc;
  }

  /** rlib/jit.ts's JitDriver class as module initialization made it (undefined: not looked
   *  up yet; null: the program does not import it). Looked up once: this is asked of every
   *  reference to a module-level binding. */
  private jitDriverClass: (new (...a: never[]) => unknown) | null | undefined = undefined;

  private isJitDriver(value: unknown): boolean {
    if (this.jitDriverClass === undefined) {
      const cls = [...this.moduleValues].find(([d]) => ts.isClassDeclaration(d) && isJitModuleDecl(d) && d.name?.text === "JitDriver");
      this.jitDriverClass = cls ? (cls[1] as new (...a: never[]) => unknown) : null;
    }
    return !!this.jitDriverClass && value instanceof this.jitDriverClass;
  }

  isElidableCall(call: ts.CallExpression): boolean {
    const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
    const decl = symbolOf(this.checker, callee)?.valueDeclaration;
    return !!decl && !!this.functionHints.get(decl)?.has("elidable");
  }

  /** A module-level binding's or static field's value after initialization, as a constant
   *  (its objects walked with the declaration's type, see prebuilt-values.ts). */
  private prebuiltConstant(value: unknown, decl: ts.VariableDeclaration | ts.PropertyDeclaration, at: ts.Node): Resolved {
    const v = this.prebuilt.register(value, { type: this.checker.getTypeAtLocation(decl.name), env: EMPTY_ENV }, at);
    return { kind: "value", value: new Constant(v, this.numberKind(decl.type)) };
  }

  private resolveFunction(decl: ts.FunctionDeclaration, at: ts.Node): Resolved {
    const file = path.resolve(decl.getSourceFile().fileName);
    const name = decl.name!.text;
    if (isJitModuleDecl(decl)) {
      if (name === "promote") return { kind: "builtin", builtin: new Builtin("jit.promote") };
      throw new RtsError(locOfNode(at), `${name}() inside a function`, `write ${name}(f) as a statement at module level`);
    }
    if (path.dirname(file) === RLIB_DIR) {
      const base = path.basename(file);
      const intrinsics = INTRINSIC_MODULES[base];
      if (intrinsics && (intrinsics.names === null || intrinsics.names.has(name))) {
        return { kind: "builtin", builtin: new Builtin(`${intrinsics.prefix}.${name}`) };
      }
      if (base === "wasi.ts" && !decl.body) {
        const returns = decl.type?.kind !== ts.SyntaxKind.VoidKeyword;
        return { kind: "import", fn: new ImportedFunction("wasi_snapshot_preview1", name, returns) };
      }
      if (base === "arrays.ts") return { kind: "function", desc: this.specialize(decl) };
    }
    if (decl.typeParameters) return { kind: "generic function", decl };
    return { kind: "function", desc: this.functionFor(decl) };
  }

  private resolveGlobal(at: ts.Node): Resolved {
    const name = at.getText();
    if (name === "eval" || name === "Function") reject(at, `${name} (there is no interpreter at run time)`);
    if (GLOBAL_BUILTINS.has(name)) return { kind: "builtin", builtin: new Builtin(name) };
    if (ERROR_CLASSES.has(name)) return { kind: "class", desc: this.errorClass(name) };
    if (name.startsWith("Math.")) {
      // The rest of Math is RTS code: rlib/math.ts (fdlibm, as V8), mathbits.ts and random.ts.
      const f = name.slice(5);
      const fn = this.libraryFunction("math", f) ?? this.libraryFunction("mathbits", f) ?? this.libraryFunction("random", f);
      if (fn) return { kind: "function", desc: fn };
    }
    if (name in COLLECTION_CLASSES) {
      return { kind: "generic class", decl: this.collectionClass(COLLECTION_CLASSES[name]) };
    }
    if (CONVERSIONS.has(name)) return { kind: "conversion", name };
    if (name in GLOBAL_VALUES) return { kind: "value", value: new Constant(GLOBAL_VALUES[name]) };
    return reject(at, `the global '${name}' (not part of the RTS library yet)`);
  }
}
