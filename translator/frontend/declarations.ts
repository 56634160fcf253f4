// The functions and classes of the program, made on first use (generic ones once per
// instantiation): their descriptions, fields, methods and constructors, with the checks
// their declarations need; each function's graph is built later, by drain(). The top layer
// of the Frontend (see index.ts), and what the function builder sees of it (BuildContext).
import * as path from "node:path";
import { ts } from "ts-morph";
import { checkGraph } from "../flowgraph/checker.ts";
import { joinBlocks } from "../flowgraph/simplify.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { FunctionBuilder } from "./builder.ts";
import { FunctionValues } from "./function-values.ts";
import { BuildContext } from "./build-context.ts";
import { hasModifier, isGlobalLib } from "./ast.ts";
import { CaptureAnalysis, ClosureNode } from "./captures.ts";
import { RLIB_DIR } from "../paths.ts";
import { locOfNode, symbolOf } from "./loc.ts";
import { checkMergePointLiveness } from "./jithints.ts";
import { bindTypeParameters, EMPTY_ENV, instantiationKey, TypeArg, typeArguments } from "./generics.ts";
import { CaptureKey, ClassDesc, FieldDesc, FunctionDesc } from "./program.ts";
import { reject } from "./subset.ts";
import { checkTypeAnnotations } from "./types.ts";
import { ERROR_CLASSES, NameResolver } from "./resolve-names.ts";

export class Frontend extends NameResolver implements BuildContext {
  /** Functions and classes by declaration, then by instantiation (see generics.ts; "" for
   *  what is not generic). */
  functions = new Map<ts.Node, Map<string, FunctionDesc>>();
  classes = new Map<ts.Node, Map<string, ClassDesc>>();
  /** The adapters of functions, static methods and bound methods used as values. */
  values = new FunctionValues(this.checker, (t) => this.numberKind(t));
  /** Copies of rlib functions made for one call site each (see arrayMethod), and their closures. */
  specialized: FunctionDesc[] = [];
  private copies = new Set<FunctionDesc>();
  private closuresOfCopies = new Map<FunctionDesc, Map<ts.Node, FunctionDesc>>();
  private pending: (() => void)[] = [];
  private captures = new CaptureAnalysis(this.checker);

  needsCell(key: CaptureKey): boolean {
    return this.captures.needsCell(key);
  }

  /** The function of an arrow function, function expression or nested function declaration
   *  in `owner` (one per instantiation of the generic code it is written in, whose type
   *  arguments it sees). The closures of a specialized copy are copies of their own. */
  closureFor(node: ClosureNode, owner: FunctionDesc | null): FunctionDesc {
    const copy = owner !== null && this.copies.has(owner);
    const typeEnv = owner?.typeEnv ?? EMPTY_ENV;
    const key = instantiationKey(this.checker, [...typeEnv.values()]);
    if (copy && !this.closuresOfCopies.has(owner!)) this.closuresOfCopies.set(owner!, new Map());
    const known = copy ? this.closuresOfCopies.get(owner!)!.get(node) : instance(this.functions, node, key);
    if (known) return known;
    if (!node.body) reject(node, "functions without a body (overload signatures or declare)");
    if (ts.isFunctionExpression(node)) rejectThisIn(node.body);
    // A call through a function value passes every argument: defaults cannot be filled in.
    for (const p of node.parameters) {
      if (p.initializer || p.questionToken) reject(p, "a default or optional parameter of a closure");
      if (p.dotDotDotToken) reject(p, "a rest parameter of a closure");
    }
    const line = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const name = ts.isArrowFunction(node) ? "arrow" : (node.name?.text ?? "function");
    const desc = new FunctionDesc(qualifiedName(`${name}@${line}`, node) + key, node, locOfNode(node));
    desc.captures = this.captures.capturesOf(node);
    desc.typeEnv = typeEnv;
    if (copy) {
      this.closuresOfCopies.get(owner!)!.set(node, desc);
      this.copies.add(desc);
      this.specialized.push(desc);
    } else {
      this.functions.get(node)!.set(key, desc);
    }
    this.scheduleBody(desc, node, [...node.parameters]);
    return desc;
  }

  functionValue(fn: FunctionDesc, at: ts.Node): FunctionDesc {
    return this.values.functionValue(fn, at);
  }

  boundMethod(decl: ts.MethodDeclaration | ts.MethodSignature, receiver: TypeArg, at: ts.Node): FunctionDesc {
    return this.values.boundMethod(decl, receiver, at);
  }

  protected specialize(decl: ts.FunctionDeclaration): FunctionDesc {
    const desc = new FunctionDesc(qualifiedName(decl.name!.text, decl), decl, locOfNode(decl.name!));
    this.specialized.push(desc);
    this.copies.add(desc);
    this.scheduleBody(desc, decl, [...decl.parameters]);
    return desc;
  }

  findMain(entry: ts.SourceFile): FunctionDesc {
    const decl = entry.statements.find(
      (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === "main",
    );
    if (!decl || !decl.body || !ts.getModifiers(decl)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      throw new RtsError({ file: entry.fileName, line: 1, col: 1, length: 1 }, "the entry module has no `export function main`",
        "write `export function main(argv: string[]): number { ... }`");
    }
    if (decl.parameters.length !== 1 || decl.parameters[0].type?.getText() !== "string[]") {
      throw new RtsError(locOfNode(decl.name!), "main must take exactly one parameter `argv: string[]`",
        "write `export function main(argv: string[]): number`");
    }
    return this.functionFor(decl);
  }

  drain(): void {
    while (this.pending.length > 0) this.pending.pop()!();
  }

  /** A top-level function or a static method (generic ones once per instantiation). */
  functionFor(decl: ts.FunctionDeclaration | ts.MethodDeclaration, typeArgs: readonly TypeArg[] = []): FunctionDesc {
    const key = instantiationKey(this.checker, typeArgs);
    const known = instance(this.functions, decl, key);
    if (known) return known;
    if (!decl.body) reject(decl, "functions without a body (overload signatures or declare)");
    checkArity(decl, typeArgs, key);
    const name = ts.isMethodDeclaration(decl)
      ? `${qualifiedName((decl.parent as ts.ClassDeclaration).name!.text, decl)}.${decl.name.getText()}`
      : qualifiedName(decl.name!.text, decl);
    const desc = new FunctionDesc(name + key, decl, locOfNode(decl.name!));
    desc.typeEnv = bindTypeParameters(this.checker, decl, typeArgs);
    this.functions.get(decl)!.set(key, desc);
    this.scheduleBody(desc, decl, [...decl.parameters]);
    return desc;
  }

  private scheduleBody(desc: FunctionDesc, decl: ts.FunctionLikeDeclaration, params: ts.ParameterDeclaration[]): void {
    if (decl.asteriskToken || hasModifier(decl, ts.SyntaxKind.AsyncKeyword)) reject(decl, "async functions and generators");
    this.checkParameters(params);
    desc.params = params;
    desc.paramKinds = params.map((p) => this.numberKind(p.type));
    desc.returnKind = this.numberKind(decl.type);
    desc.inRlib = isRlib(decl);
    if (!desc.inRlib) desc.traceName = traceName(decl);
    checkTypeAnnotations(decl, this.checker);
    this.pending.push(() => {
      const b = new FunctionBuilder(this, desc, params);
      desc.graph = b.buildBody(decl.body!);
      joinBlocks(desc.graph);
      checkGraph(desc.graph);
      checkMergePointLiveness(desc.graph);
    });
  }

  /** A default value may not use the other parameters or `this`, because call sites that
   *  leave the argument out evaluate it themselves (as they pack the rest parameter's array). */
  private checkParameters(params: readonly ts.ParameterDeclaration[]): void {
    for (const p of params) {
      const init = p.initializer;
      if (!init) continue;
      const visit = (n: ts.Node): void => {
        if (n.kind === ts.SyntaxKind.ThisKeyword) reject(n, "a default parameter value that uses `this`");
        if (ts.isIdentifier(n)) {
          const decl = this.checker.getSymbolAtLocation(n)?.valueDeclaration;
          if (decl && params.includes(decl as ts.ParameterDeclaration)) reject(n, "a default parameter value that uses another parameter");
        }
        ts.forEachChild(n, visit);
      };
      visit(init);
    }
  }

  classFor(decl: ts.ClassDeclaration, typeArgs: readonly TypeArg[] = []): ClassDesc {
    const key = instantiationKey(this.checker, typeArgs);
    const known = instance(this.classes, decl, key);
    if (known) return known;
    if (!decl.name) reject(decl, "anonymous classes");
    checkArity(decl, typeArgs, key);
    const cls = new ClassDesc(qualifiedName(decl.name!.text, decl) + key, decl, hasModifier(decl, ts.SyntaxKind.AbstractKeyword), locOfNode(decl.name!));
    cls.typeEnv = bindTypeParameters(this.checker, decl, typeArgs);
    this.classes.get(decl)!.set(key, cls);
    const ext = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    if (ext) {
      const baseSym = symbolOf(this.checker, ext.types[0].expression);
      const baseDecl = baseSym?.valueDeclaration;
      if (baseSym && isGlobalLib(baseSym) && ERROR_CLASSES.has(baseSym.name)) {
        cls.base = this.errorClass(baseSym.name);
      } else {
        if (!baseDecl || !ts.isClassDeclaration(baseDecl)) reject(ext.types[0], "extending something other than an RTS class");
        // `extends Base<T>`: the base's type arguments are read in this instantiation.
        const baseType = this.checker.getTypeAtLocation(ext.types[0]);
        const baseArgs = typeArguments(this.checker, baseType).map((type) => ({ type, env: cls.typeEnv }));
        cls.base = this.classFor(baseDecl as ts.ClassDeclaration, baseArgs);
      }
      cls.base.subclasses.push(cls);
    }
    this.classMembers(cls, decl);
    return cls;
  }

  private classMembers(cls: ClassDesc, decl: ts.ClassDeclaration): void {
    let ctorDecl: ts.ConstructorDeclaration | null = null;
    for (const m of decl.members) {
      // Static members are resolved where they are used (resolveStatic).
      if (ts.canHaveModifiers(m) && hasModifier(m, ts.SyntaxKind.StaticKeyword)) continue;
      if (ts.isClassStaticBlockDeclaration(m)) continue;
      if (ts.isPropertyDeclaration(m)) {
        checkTypeAnnotations(m, this.checker);
        if (!ts.isIdentifier(m.name)) reject(m.name, "computed or private (#) field names");
        const declared = m.type ? this.checker.getTypeFromTypeNode(m.type) : null;
        const mayBeUndefined = !!m.questionToken || (!!declared?.isUnion() && declared.types.some((t) => t.flags & ts.TypeFlags.Undefined));
        const undef = !m.initializer && mayBeUndefined;
        this.declareField(cls, m, m.name, undef);
      } else if (ts.isConstructorDeclaration(m)) {
        if (m.body) ctorDecl = m;
      } else if (ts.isMethodDeclaration(m)) {
        if (!ts.isIdentifier(m.name)) reject(m.name, "computed method names");
        checkGenericOverride(cls, m);
        if (!m.body) continue;
        // A generic method is instantiated where it is called (genericMethod).
        if (m.typeParameters) continue;
        const md = new FunctionDesc(`${cls.name}.${m.name.text}`, m, locOfNode(m.name), cls);
        md.typeEnv = cls.typeEnv;
        cls.methods.set(m.name.text, md);
        this.scheduleBody(md, m, [...m.parameters]);
        // Call sites fill in defaults from the statically known method: overrides must agree.
        const overridden = cls.base?.findMethod(m.name.text);
        if (overridden && !sameDefaults(overridden.params, md.params)) reject(m.name, "an override with different default parameter values (or rest parameters)");
      } else if ((ts.isGetAccessor(m) || ts.isSetAccessor(m)) && m.body) {
        // Accessors are methods named "get x" / "set x"; the builder calls them for `o.x`.
        if (!ts.isIdentifier(m.name)) reject(m.name, "computed accessor names");
        const key = `${ts.isGetAccessor(m) ? "get" : "set"} ${m.name.text}`;
        const md = new FunctionDesc(`${cls.name}.${key.replace(" ", "_")}`, m, locOfNode(m.name), cls);
        md.typeEnv = cls.typeEnv;
        cls.methods.set(key, md);
        this.scheduleBody(md, m, [...m.parameters]);
      } else if (!ts.isSemicolonClassElement(m) && !ts.isIndexSignatureDeclaration(m)) {
        reject(m);
      }
    }
    for (const p of ctorDecl?.parameters ?? []) {
      if (ts.isIdentifier(p.name) && ts.getModifiers(p)?.some(isParameterPropertyModifier)) this.declareField(cls, p, p.name, false);
    }
    this.constructorFor(cls, ctorDecl);
  }

  /** A field declaration (a property or a constructor's parameter property). A field a base
   *  class declares already is that field (one property in JS): the subclass's initializer
   *  only assigns it. A subclass may redeclare a readonly field without `readonly` (TS
   *  allows it) and then assign it: the field is not readonly. A quasiImmutable() hint on
   *  either class marks the one field, and so does a virtualizable() hint. */
  private declareField(cls: ClassDesc, decl: ts.PropertyDeclaration | ts.ParameterDeclaration, name: ts.Identifier, startsUndefined: boolean): void {
    const readonly = hasModifier(decl, ts.SyntaxKind.ReadonlyKeyword);
    let field = cls.base?.findField(name.text);
    if (field) field.readonly &&= readonly;
    else {
      field = new FieldDesc(name.text, cls, this.numberKind(decl.type), locOfNode(name), startsUndefined, readonly);
      cls.fields.push(field);
    }
    if (this.quasiFields.get(cls.decl)?.has(name.text)) field.quasiImmutable = true;
    const vable = this.vables.fields.get(cls.decl)?.get(name.text);
    if (vable) field.virtualizable = vable;
  }

  /** An instantiation of the generic method `decl` for a receiver of class `receiver`: a
   *  method named `m<type arguments>` of the class that declares it (a base of `receiver`
   *  or itself), which `call_method` calls like any other method. Generic methods cannot be
   *  overridden (checkGenericOverride), so no subclass needs that instantiation too. */
  genericMethod(receiver: ClassDesc, decl: ts.MethodDeclaration, typeArgs: readonly TypeArg[]): string {
    let cls: ClassDesc | null = receiver;
    while (cls && cls.decl !== decl.parent) cls = cls.base;
    if (!cls) throw new RtsError(locOfNode(decl.name), `internal: ${receiver.name} does not inherit ${decl.name.getText()}`);
    const name = decl.name.getText() + instantiationKey(this.checker, typeArgs);
    if (cls.methods.has(name)) return name;
    checkArity(decl, typeArgs, name);
    const md = new FunctionDesc(`${cls.name}.${name}`, decl, locOfNode(decl.name), cls);
    md.typeEnv = bindTypeParameters(this.checker, decl, typeArgs, cls.typeEnv);
    cls.methods.set(name, md);
    this.scheduleBody(md, decl, [...decl.parameters]);
    return name;
  }

  /** The constructor graph: explicit, or implicit (forwards its arguments to the base's). */
  private constructorFor(cls: ClassDesc, ctorDecl: ts.ConstructorDeclaration | null): void {
    const ctor = new FunctionDesc(`${cls.name}.constructor`, ctorDecl, cls.loc, cls, true);
    ctor.inRlib = isRlib(cls.decl);
    if (!ctor.inRlib) ctor.traceName = `new ${cls.decl.name!.text}`;
    ctor.typeEnv = cls.typeEnv;
    if (ctorDecl) checkTypeAnnotations(ctorDecl, this.checker);
    cls.ctor = ctor;
    const params = ctorDecl ? [...ctorDecl.parameters] : inheritedCtorParams(cls);
    this.checkParameters(params);
    ctor.params = params;
    ctor.paramKinds = params.map((p) => this.numberKind(p.type));
    this.pending.push(() => {
      const b = new FunctionBuilder(this, ctor, params);
      b.fieldInitializers = () => {
        for (const m of cls.decl.members) {
          if (ts.isPropertyDeclaration(m) && m.initializer && !hasModifier(m, ts.SyntaxKind.StaticKeyword)) {
            b.initField((m.name as ts.Identifier).text, m.initializer, m);
          }
        }
        for (const p of ctorDecl?.parameters ?? []) {
          if (ts.getModifiers(p)?.some(isParameterPropertyModifier)) b.initField((p.name as ts.Identifier).text, p, p);
        }
      };
      if (ctorDecl) {
        const body = ctorDecl.body!;
        ctor.graph = b.buildBody(body, cls.base ? undefined : b.fieldInitializers);
      } else {
        ctor.graph = b.buildBody(ts.factory.createBlock([]), cls.base ? () => b.forwardToBase(cls.base!, params) : b.fieldInitializers);
      }
      joinBlocks(ctor.graph);
      checkGraph(ctor.graph);
    });
  }
}

/** `this` in a function expression is its caller's receiver, which RTS does not model. */
function rejectThisIn(body: ts.Node): void {
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword) reject(n, "`this` in a function expression");
    if (!ts.isFunctionLike(n) || ts.isArrowFunction(n)) ts.forEachChild(n, visit);
  };
  visit(body);
}

function isRlib(decl: ts.Node): boolean {
  return path.resolve(decl.getSourceFile().fileName).startsWith(RLIB_DIR + path.sep);
}

/** A function's name in a stack trace, as V8 shows it (methods without their class, which
 *  V8 takes from the receiver). */
function traceName(decl: ts.FunctionLikeDeclaration): string | null {
  // V8 names `const f = () => ...` after its variable.
  const named = decl.name ?? (ts.isVariableDeclaration(decl.parent) ? decl.parent.name : null);
  const name = named?.getText() ?? null;
  if (name === null) return null;
  if (ts.isGetAccessor(decl)) return `get ${name}`;
  if (ts.isSetAccessor(decl)) return `set ${name}`;
  return name;
}

/** The instantiation `key` of a declaration, if it was made already. */
function instance<T>(byDecl: Map<ts.Node, Map<string, T>>, decl: ts.Node, key: string): T | undefined {
  let byKey = byDecl.get(decl);
  if (!byKey) {
    byKey = new Map();
    byDecl.set(decl, byKey);
  }
  return byKey.get(key);
}

const MAX_INSTANTIATION_KEY = 400;

/** A generic declaration is only used through instantiations (the builder supplies the arguments). */
function checkArity(decl: ts.ClassDeclaration | ts.FunctionDeclaration | ts.MethodDeclaration, typeArgs: readonly TypeArg[], key: string): void {
  // Each instantiation is translated: one that instantiates itself with a bigger type
  // (`f<T>` calling `f<T[]>`) would never end.
  if (key.length > MAX_INSTANTIATION_KEY) reject(decl.name ?? decl, `generic code that instantiates itself with ever larger types (${key.slice(0, 60)}...)`);
  const n = decl.typeParameters?.length ?? 0;
  if (n !== typeArgs.length) throw new RtsError(locOfNode(decl.name ?? decl), `internal: ${decl.name?.getText()} instantiated with ${typeArgs.length} type arguments, expects ${n}`);
}

/** Calls of a generic method are not virtual (each instantiation is a method of the class
 *  declaring it, see genericMethod): a method may not override a generic one or be one
 *  that overrides, and a generic method needs a body. */
function checkGenericOverride(cls: ClassDesc, m: ts.MethodDeclaration): void {
  if (m.typeParameters && !m.body) reject(m.typeParameters[0], "an abstract generic method (calls of generic methods are not virtual)");
  const name = m.name.getText();
  for (let c = cls.base; c; c = c.base) {
    const overridden = c.decl.members.find((b): b is ts.MethodDeclaration => ts.isMethodDeclaration(b) && b.name.getText() === name);
    if (overridden && (overridden.typeParameters || m.typeParameters)) {
      reject(m.name, "overriding a generic method, or overriding with a generic method (calls of generic methods are not virtual)");
    }
    if (overridden) return;
  }
}

function sameDefaults(a: readonly ts.ParameterDeclaration[], b: readonly ts.ParameterDeclaration[]): boolean {
  const text = (ps: readonly ts.ParameterDeclaration[]) => ps.map((p) => (p.dotDotDotToken ? "..." : "") + (p.initializer?.getText() ?? ""));
  return text(a).join("\u0000") === text(b).join("\u0000");
}

function isParameterPropertyModifier(m: ts.ModifierLike): boolean {
  return [ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.ReadonlyKeyword].includes(m.kind);
}

/** Parameters of the nearest explicit constructor up the class chain (an implicit one forwards them). */
function inheritedCtorParams(cls: ClassDesc): ts.ParameterDeclaration[] {
  for (let c = cls.base; c; c = c.base) {
    const ctor = c.decl.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
    if (ctor) return [...ctor.parameters];
  }
  return [];
}

/** Function and class names are qualified by their module: `module.name`. */
function qualifiedName(name: string, decl: ts.Node): string {
  const base = path.basename(decl.getSourceFile().fileName).replace(/\.ts$/, "");
  return `${base}.${name}`;
}
