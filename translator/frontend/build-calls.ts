// Member accesses (fields, getters, static members, namespace members), optional chains,
// calls of every kind (functions, methods, function values, built-ins, conversions, super,
// JIT markers) and `new`.
import { ts } from "ts-morph";
import { Constant, Value } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Join, THIS_KEY } from "./joins.ts";
import { locOfNode, symbolOf } from "./loc.ts";
import { checkGreenAssignments, markerLoop, markerOperands, isJitModuleDecl } from "./jithints.ts";
import { checkVirtualizables } from "./vablehints.ts";
import { TYPED_ARRAYS } from "./program.ts";
import { tupleElements } from "./tuples.ts";
import { reject } from "./subset.ts";
import { concreteType, TypeArg, typeArguments } from "./generics.ts";
import { checkCollectionCall, checkCollectionNew, collectionOf, Iteration, iterationOf } from "./collections.ts";
import { Resolved } from "./build-context.ts";
import { ExpressionBuilder } from "./build-expressions.ts";
import { isChainLink, isGlobalLib, isGlobalName, skipParens } from "./ast.ts";

export abstract class CallBuilder extends ExpressionBuilder {
  /** A new array of `elements`, `...xs` appending the elements of an array xs. */
  protected abstract listOf(elements: readonly ts.Expression[], at: ts.Node): Value;
  protected abstract appendElements(list: Value, elements: readonly ts.Expression[]): Value;
  protected abstract iterate(it: Iteration, at: ts.Node, body: (iter: () => Value, after: Join, head: Join) => void): void;

  protected propertyAccess(e: ts.PropertyAccessExpression): Value {
    if (e.expression.kind === ts.SyntaxKind.SuperKeyword) {
      // super.x reads a base class getter (fields are on `this`, methods are only called).
      const getter = this.desc.cls?.base?.findMethod(`get ${e.name.text}`);
      if (!getter) return reject(e, "super.x that is not a getter of a base class");
      return this.emit("simple_call", [new Constant(getter), this.env.get(THIS_KEY)!], e);
    }
    const r = this.resolveMember(e);
    if (r) return this.asValue(r, e);
    if (tupleElements(this.ctx.checker, this.typeOf(e.expression), e.expression)) return this.tupleProperty(e);
    const member = this.ctx.checker.getSymbolAtLocation(e.name);
    if (member && member.flags & ts.SymbolFlags.Method) return reject(e, "a method used as a value without binding it (JS calls it with `this` undefined)");
    const read = (obj: Value) =>
      this.isAccessor(e.name, ts.SymbolFlags.GetAccessor)
        ? this.emit("call_method", [obj, new Constant(`get ${e.name.text}`)], e)
        : this.emit("getattr", [obj, new Constant(e.name.text)], e);
    return read(this.expr(e.expression));
  }

  /** `obj.m.bind(obj)`: a closure holding obj whose calls are `obj.m(...)` (virtual, as
   *  the method call is). obj is a local, `this` or a chain of fields of them, evaluated once
   *  (JS reads it twice, with nothing in between that could change it). */
  private boundMethodReference(call: ts.CallExpression, method: ts.PropertyAccessExpression): Value {
    const receiver = method.expression;
    const arg = call.arguments.length === 1 ? call.arguments[0] : null;
    if (!arg || arg.getText() !== receiver.getText() || !isPlainReference(receiver)) {
      return reject(call, "bind() with anything but the method's own receiver (`obj.m.bind(obj)` of a local or `this`)");
    }
    const decl = this.ctx.checker.getSymbolAtLocation(method.name)?.valueDeclaration;
    if (!decl || !(ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) || decl.getSourceFile().isDeclarationFile) {
      return reject(method, "bind() of anything but a method of an RTS class or interface");
    }
    if (decl.typeParameters) return reject(method, "bind() of a generic method");
    const fn = this.ctx.boundMethod(decl, this.typeArgs([this.typeOf(receiver)])[0], method);
    return this.emit("make_closure", [new Constant(fn), this.expr(receiver)], call, "closure");
  }

  /** `t.length` of a tuple is a constant; its other array properties are not supported. */
  private tupleProperty(e: ts.PropertyAccessExpression): Value {
    if (e.name.text !== "length") return reject(e, "array properties and methods on a tuple");
    this.expr(e.expression);
    return new Constant(tupleElements(this.ctx.checker, this.typeOf(e.expression), e)!.length);
  }

  /** `a?.b.c(...)`: the whole rest of the chain after the rightmost unguarded `?.` runs only
   *  when its base is not null or undefined; otherwise the expression is undefined (JS's
   *  short-circuit). Earlier `?.` links are handled while evaluating that base. */
  protected optionalChainAround(e: ts.Expression): Value | null {
    let q: ts.Expression = e;
    while (!this.guardedLinks.has(q)) {
      if ((q as ts.PropertyAccessExpression).questionDotToken) {
        const link = q as ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression;
        if (ts.isCallExpression(link)) return reject(link, "optional call (f?.())");
        if (ts.isElementAccessExpression(link)) return reject(link, "optional element access (?.[])");
        const base = link.expression;
        return this.optionalChain(this.expr(base), (o) => {
          this.guardedLinks.add(link);
          this.chainBases.set(base, o);
          try {
            return this.expr(e);
          } finally {
            this.guardedLinks.delete(link);
            this.chainBases.delete(base);
          }
        }, e);
      }
      if (!isChainLink(q)) return null;
      q = (q as ts.PropertyAccessExpression).expression;
    }
    return null;
  }

  /** `a?.x`: undefined when `a` is null or undefined, else `use(a)`. */
  protected optionalChain(obj: Value, use: (obj: Value) => Value, at: ts.Node): Value {
    const missing = this.emit("is_nullish", [obj], at, "missing");
    const done = this.newJoin(1, "optional", at);
    this.stack.push(obj); // carried into the branch that uses it
    const some = this.newJoin();
    this.branch(missing, done, some, [new Constant(undefined)], []);
    this.enter(some);
    const o = this.stack.pop()!;
    if (this.current) this.jump(done, [use(o)]);
    return this.enterWithResult(done, at);
  }

  /** Whether a property name refers to a getter or setter of a class. */
  protected isAccessor(name: ts.Node, flag: ts.SymbolFlags): boolean {
    const sym = this.ctx.checker.getSymbolAtLocation(name);
    return !!sym && (sym.flags & flag) !== 0;
  }

  /** `ns.f` for a namespace import, `String.fromCharCode`, `Number.NaN`...; null for a field access. */
  protected resolveMember(e: ts.PropertyAccessExpression): Resolved | null {
    if (e.expression.kind === ts.SyntaxKind.SuperKeyword) return null;
    if (ts.isIdentifier(e.expression)) {
      const target = symbolOf(this.ctx.checker, e.expression);
      if (target && target.flags & ts.SymbolFlags.ValueModule) {
        const sym = symbolOf(this.ctx.checker, e.name);
        if (!sym) throw new RtsError(locOfNode(e), `cannot resolve '${e.getText()}'`);
        return this.ctx.resolveSymbol(sym, e.name);
      }
      if (target && isGlobalLib(target)) return this.ctx.resolveSymbol(this.ctx.checker.getSymbolAtLocation(e.name)!, e);
      if (target && target.flags & ts.SymbolFlags.Enum) {
        const member = this.ctx.checker.getSymbolAtLocation(e.name)?.valueDeclaration;
        const v = member && ts.isEnumMember(member) ? this.ctx.checker.getConstantValue(member) : undefined;
        if (v === undefined) return reject(e, "an enum member without a constant value");
        return { kind: "value", value: new Constant(v) };
      }
      if (target && target.flags & ts.SymbolFlags.Class && target.valueDeclaration && ts.isClassDeclaration(target.valueDeclaration)) {
        const member = this.ctx.checker.getSymbolAtLocation(e.name);
        if (!member) throw new RtsError(locOfNode(e), `cannot resolve '${e.getText()}'`);
        return this.ctx.resolveStatic(target.valueDeclaration, member, e);
      }
    }
    return null;
  }

  protected call(e: ts.CallExpression): Value {
    const callee = skipParens(e.expression);
    if (callee.kind === ts.SyntaxKind.SuperKeyword) return this.superCall(e);
    if (ts.isIdentifier(callee)) {
      return this.callResolved(this.resolveName(callee), e, callee);
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "bind" && ts.isPropertyAccessExpression(callee.expression)) {
      return this.boundMethodReference(e, callee.expression);
    }
    if (callee.getText() === "Array.from" && e.arguments.length === 1) {
      const it = iterationOf(this.ctx.checker, e.arguments[0], (x) => this.typeOf(x));
      if (it) return this.arrayFrom(it, e);
    }
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind !== ts.SyntaxKind.SuperKeyword && this.isFunctionField(callee)) {
      return this.callValue(() => this.expr(callee), e);
    }
    if (ts.isPropertyAccessExpression(callee)) {
      if (callee.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const base = this.desc.cls?.base;
        const decl = this.ctx.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
        const generic = base && decl && ts.isMethodDeclaration(decl) && decl.typeParameters;
        const m = base?.findMethod(generic ? this.ctx.genericMethod(base, decl, this.callTypeArgs(e)) : callee.name.text);
        if (!m) return reject(callee, "super.method() with no such method in a base class");
        const args = this.callArgs(m.params, e);
        return this.emit("simple_call", [new Constant(m), this.env.get(THIS_KEY)!, ...args], e);
      }
      if (this.isJitMarker(callee)) return this.jitMarker(e, callee);
      const r = this.resolveMember(callee);
      if (r) return this.callResolved(r, e, callee);
      if (this.primitiveMapGet(e)) {
        return reject(e, "Map.get of a number or boolean value without `!` or `??` (RTS numbers cannot be undefined)");
      }
      const receiver = this.typeOf(callee.expression);
      if (tupleElements(this.ctx.checker, receiver, callee.expression)) return reject(e, "array methods on a tuple");
      if (callee.name.text === "push" && this.ctx.checker.isArrayType(receiver) && e.arguments.some(ts.isSpreadElement)) {
        // `xs.push(a, ...ys)`: its result is the new length.
        const list = this.appendElements(this.expr(callee.expression), e.arguments);
        return this.emit("getattr", [list, new Constant("length")], e, "len");
      }
      checkCollectionCall(this.ctx.checker, e, receiver);
      const lib = this.ctx.libraryMethod(receiver, callee.name.text, e.arguments.length);
      if (lib) {
        const [obj, ...args] = this.evalSeq([() => this.expr(callee.expression), ...e.arguments.map((a) => () => this.expr(a))]);
        return this.emit("simple_call", [new Constant(lib), obj, ...args], e);
      }
      const method = this.genericMethodName(e, callee) ?? callee.name.text;
      const invoke = (obj: Value) => {
        this.stack.push(obj);
        const args = this.callArgs(this.methodParams(callee), e);
        return this.emit("call_method", [this.stack.pop()!, new Constant(method), ...args], e);
      };
      return invoke(this.expr(callee.expression));
    }
    return this.callValue(() => this.expr(callee), e);
  }

  /** For a call of a generic method, the name of its instantiation with the call's type
   *  arguments (on the receiver's class, see BuildContext.genericMethod); else null. */
  private genericMethodName(e: ts.CallExpression, callee: ts.PropertyAccessExpression): string | null {
    const decl = this.ctx.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
    if (!decl || !(ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) || !decl.typeParameters) return null;
    if (!ts.isMethodDeclaration(decl) || decl.getSourceFile().isDeclarationFile) return reject(callee, "a generic method of an interface or of the JS library");
    let { type, env } = concreteType(this.ctx.checker.getNonNullableType(this.ctx.checker.getTypeAtLocation(callee.expression)), this.desc.typeEnv);
    // `this.m<U>()` in a class: the receiver's type is the class's `this` type.
    if (type.flags & ts.TypeFlags.TypeParameter) type = this.ctx.checker.getBaseConstraintOfType(type) ?? type;
    const clsDecl = type.symbol?.valueDeclaration;
    if (!clsDecl || !ts.isClassDeclaration(clsDecl) || type.isUnion()) return reject(callee, "a generic method called through an interface or a union");
    const receiver = this.ctx.classFor(clsDecl, typeArguments(this.ctx.checker, type).map((t) => ({ type: t, env })));
    return this.ctx.genericMethod(receiver, decl, this.callTypeArgs(e));
  }

  /** The type arguments of a call of a generic function or method, written or inferred. */
  private callTypeArgs(e: ts.CallExpression): TypeArg[] {
    const sig = this.ctx.checker.getResolvedSignature(e);
    return this.typeArgs((sig && this.ctx.checker.getTypeArgumentsForResolvedSignature(sig)) ?? []);
  }

  /** Whether `o.f` names a field (of a function type) rather than a method. */
  protected isFunctionField(callee: ts.PropertyAccessExpression): boolean {
    if (this.resolveMember(callee)) return false;
    const sym = this.ctx.checker.getSymbolAtLocation(callee.name);
    return !!sym && (sym.flags & ts.SymbolFlags.Property) !== 0;
  }

  /** A call through a function value (a closure): `call_value(f, ...args)`. */
  protected callValue(callee: () => Value, e: ts.CallExpression): Value {
    const base = this.stack.length;
    this.stack.push(callee()); // kept across the arguments' control flow
    const args = this.callArgs([], e);
    const [f] = this.stack.splice(base);
    return this.emit("call_value", [f, ...args], e);
  }

  protected isJitMarker(callee: ts.PropertyAccessExpression): boolean {
    const decl = this.ctx.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
    return !!decl && ts.isMethodDeclaration(decl) && isJitModuleDecl(decl);
  }

  /** `driver.jitMergePoint({...})` / `driver.canEnterJit({...})`: an operation on the
   *  driver's greens then reds (see jithints.ts for the rules checked here). */
  protected jitMarker(e: ts.CallExpression, callee: ts.PropertyAccessExpression): Value {
    const method = callee.name.text;
    const driver = this.ctx.jitDriver(callee.expression);
    const operands = markerOperands(driver, e, method);
    const loop = markerLoop(e, method);
    if (method === "jitMergePoint") {
      checkGreenAssignments(this.ctx.checker, driver, loop, operands, (c) => this.ctx.isElidableCall(c));
      checkVirtualizables(this.ctx.checker, driver, e, operands, this.ctx.vables);
    }
    const args = this.evalSeq(operands.map((x) => () => this.expr(x)));
    this.emit(method === "jitMergePoint" ? "jit_merge_point" : "can_enter_jit", [new Constant(driver), ...args], e);
    return new Constant(undefined);
  }

  /** The call's arguments for a callee with parameters `params` (empty for built-ins): the
   *  given ones (`...t` of a tuple gives its elements), then the default values of the
   *  parameters it leaves out (evaluated at the call, which the frontend allows only for
   *  defaults that use no other parameter; an omitted optional parameter is undefined), and
   *  for a rest parameter, a new array of the arguments from its position on (`...xs` of an
   *  array appends its elements). */
  protected callArgs(params: readonly ts.ParameterDeclaration[], call: ts.CallExpression | ts.NewExpression): Value[] {
    const given = call.arguments ?? [];
    const restAt = params.findIndex((p) => p.dotDotDotToken);
    const fixed = restAt >= 0 ? restAt : params.length;
    const base = this.stack.length; // where evalSeq puts the value of parts[i]: at base + i
    const parts: (() => Value)[] = [];
    const hidden = new Set<number>(); // parts that are temporaries, not arguments
    let pos = 0;
    let i = 0;
    for (; i < given.length && (restAt < 0 || pos < restAt); i++) {
      const a = given[i];
      if (!ts.isSpreadElement(a)) {
        parts.push(() => this.expr(a));
        pos++;
        continue;
      }
      const tuple = tupleElements(this.ctx.checker, this.typeOf(a.expression), a);
      if (!tuple) return reject(a, "spread of an array into parameters that are not a rest parameter");
      if (restAt >= 0 && pos + tuple.length > restAt) return reject(a, "spread of a tuple across a rest parameter");
      const at = base + parts.length;
      hidden.add(parts.length);
      parts.push(() => this.expr(a.expression));
      tuple.forEach((_, k) => parts.push(() => this.emit("getattr", [this.stack[at], new Constant(`_${k}`)], a, `_${k}`)));
      pos += tuple.length;
    }
    for (; pos < fixed; pos++) {
      const d = params[pos].initializer;
      parts.push(() => (d ? this.expr(d) : new Constant(undefined)));
    }
    if (restAt >= 0) parts.push(() => this.listOf(given.slice(i), call));
    return this.evalSeq(parts).filter((_, k) => !hidden.has(k));
  }

  /** The parameters of the method a call names, from its statically known declaration (a
   *  method of the default library, `push(...items)`, gets its arguments as written). */
  protected methodParams(callee: ts.PropertyAccessExpression): readonly ts.ParameterDeclaration[] {
    const decl = this.ctx.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
    if (!decl || !(ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) || decl.getSourceFile().isDeclarationFile) return [];
    return decl.parameters;
  }

  protected callResolved(r: Resolved, e: ts.CallExpression, callee: ts.Node): Value {
    switch (r.kind) {
      case "generic function": {
        return this.callResolved({ kind: "function", desc: this.ctx.functionFor(r.decl, this.callTypeArgs(e)) }, e, callee);
      }
      case "function":
        return this.emit("simple_call", [new Constant(r.desc), ...this.callArgs(r.desc.params, e)], e);
      case "builtin":
        if (r.builtin.name === "lowlevel.weAreTranslated") return new Constant(true);
        if (r.builtin.name === "jit.promote") return this.emit("jit_promote", this.callArgs([], e), e);
        return this.emit("simple_call", [new Constant(r.builtin), ...this.callArgs([], e)], e);
      case "import":
        return this.emit("simple_call", [new Constant(r.fn), ...this.callArgs([], e)], e);
      case "conversion":
        return this.callConversion(r.name, e);
      case "value":
        return this.callValue(() => r.value, e);
      case "closure":
        return this.callValue(() => this.asValue(r, callee), e);
      default:
        return reject(callee, "calling something that is not a function");
    }
  }

  /** parseInt/parseFloat (rlib/numconv.ts by argument count), Number(string), String(x). */
  protected callConversion(name: string, e: ts.CallExpression): Value {
    const args = this.callArgs([], e);
    if (name === "String" && args.length === 1) return this.emit("str", args, e, "s");
    if (name === "Number" && args.length === 1) {
      const t = this.typeOf(e.arguments[0]);
      if (this.ctx.checker.getBaseTypeOfLiteralType(t).flags & ts.TypeFlags.NumberLike) return this.emit("pos", args, e);
      if (!(t.flags & ts.TypeFlags.StringLike)) return reject(e, "Number() of anything but a string or a number");
      return this.emit("simple_call", [new Constant(this.ctx.libraryFunction("numconv", "numberOfString")!), ...args], e);
    }
    const fn = this.ctx.libraryFunction("numconv", `${name}${args.length}`);
    if (!fn) return reject(e, `${name} with ${args.length} arguments`);
    return this.emit("simple_call", [new Constant(fn), ...args], e);
  }

  /** `super(...)` in a constructor: the base constructor, then this class's field initializers. */
  protected superCall(e: ts.CallExpression): Value {
    const base = this.desc.cls?.base;
    if (!this.desc.isConstructor || !base) return reject(e, "super(...) outside a derived class constructor");
    const args = this.callArgs(base.ctor.params, e);
    this.emit("simple_call", [new Constant(base.ctor), this.env.get(THIS_KEY)!, ...args], e);
    this.fieldInitializers?.();
    return new Constant(undefined);
  }

  protected newExpr(e: ts.NewExpression): Value {
    const callee = e.expression;
    if (ts.isIdentifier(callee)) {
      const typed = (TYPED_ARRAYS as Record<string, string>)[callee.text];
      if (typed && isGlobalName(this.ctx.checker, callee)) {
        const args = this.callArgs([], e);
        if (args.length !== 1) return reject(e, "a typed array constructed from anything but a length");
        return this.emit("new_typed", [new Constant(typed), args[0]], e, callee.text);
      }
      let r = this.resolveName(callee);
      if (r.kind === "generic class") {
        const args = this.typeArgs(typeArguments(this.ctx.checker, this.ctx.checker.getTypeAtLocation(e)));
        const unknown = args.some((a) => a.type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
        if (unknown || args.length !== r.decl.typeParameters!.length) return reject(e, "`new` of a generic class whose type arguments TypeScript cannot infer");
        checkCollectionNew(this.ctx.checker, e, (t) => concreteType(t, this.desc.typeEnv).type);
        r = { kind: "class", desc: this.ctx.classFor(r.decl, args) };
      }
      if (r.kind === "class") {
        if (r.desc.isAbstract) return reject(e, "instantiating an abstract class");
        const args = this.callArgs(r.desc.ctor.params, e);
        return this.emit("new", [new Constant(r.desc), ...args], e, "obj");
      }
    }
    return reject(e, "`new` of something other than a class or a typed array");
  }

  /** `Array.from(m.keys())`, `Array.from(s)`, `Array.from(m)`...: a new array filled by iterating. */
  protected arrayFrom(it: Iteration, e: ts.CallExpression): Value {
    const list = e; // hidden local: the array being filled
    this.env.set(list, this.emit("newlist", [], e, "list"));
    this.iterate(it, e.arguments[0], (iter) => {
      const x = this.currentEntry(it, iter(), e);
      this.emit("call_method", [this.env.get(list)!, new Constant("push"), x], e);
    });
    const r = this.env.get(list)!;
    this.env.delete(list);
    return r;
  }

  /** What an iteration yields at the iterator's current entry: a key, a value, or a Map
   *  entry as a [key, value] tuple. */
  protected currentEntry(it: Iteration, iter: Value, at: ts.Node): Value {
    if (it.yields !== "entries") return this.emit("call_method", [iter, new Constant(it.yields === "keys" ? "key" : "value")], at, "x");
    const c = collectionOf(this.ctx.checker, this.typeOf(it.collection))!;
    const kv = this.evalSeq([
      () => this.emit("call_method", [iter, new Constant("key")], at, "key"),
      () => this.emit("call_method", [iter, new Constant("value")], at, "value"),
    ]);
    return this.emit("new", [new Constant(this.ctx.tupleClass(this.typeArgs([c.key, c.value]))), ...kv], at, "entry");
  }
}

/** A local, `this`, or a chain of property reads of one (no calls, no indexing). */
function isPlainReference(e: ts.Expression): boolean {
  if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(e) && !e.questionDotToken && isPlainReference(e.expression);
}
