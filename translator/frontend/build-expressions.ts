// Expressions other than member accesses and calls: literals, names, operators, assignments,
// conditionals, closures, and the instanceof narrowing that conditions imply.
import { ts } from "ts-morph";
import { Constant, Value } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { localName, THIS_KEY } from "./joins.ts";
import { locOfNode, symbolOf } from "./loc.ts";
import type { ClosureNode } from "./captures.ts";
import { reject } from "./subset.ts";
import { concreteType, instantiationKey, typeArguments } from "./generics.ts";
import { isTupleAsArray } from "./tuples.ts";
import { mapGetOfPrimitive } from "./collections.ts";
import { Resolved } from "./build-context.ts";
import { ClassDesc } from "./program.ts";
import { BuilderCore } from "./build-core.ts";
import { isChainLink, isModuleLevel, receiverOf, skipParens } from "./ast.ts";

const BINARY_OPS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: "add",
  [ts.SyntaxKind.MinusToken]: "sub",
  [ts.SyntaxKind.AsteriskToken]: "mul",
  [ts.SyntaxKind.SlashToken]: "div",
  [ts.SyntaxKind.PercentToken]: "mod",
  [ts.SyntaxKind.AsteriskAsteriskToken]: "pow",
  [ts.SyntaxKind.LessThanLessThanToken]: "lshift",
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: "rshift",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: "urshift",
  [ts.SyntaxKind.AmpersandToken]: "and_",
  [ts.SyntaxKind.BarToken]: "or_",
  [ts.SyntaxKind.CaretToken]: "xor",
  [ts.SyntaxKind.LessThanToken]: "lt",
  [ts.SyntaxKind.LessThanEqualsToken]: "le",
  [ts.SyntaxKind.GreaterThanToken]: "gt",
  [ts.SyntaxKind.GreaterThanEqualsToken]: "ge",
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: "eq",
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: "ne",
  [ts.SyntaxKind.EqualsEqualsToken]: "eq",
  [ts.SyntaxKind.ExclamationEqualsToken]: "ne",
};

const COMPOUND_ASSIGN: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.PlusToken,
  [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.MinusToken,
  [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.SlashToken,
  [ts.SyntaxKind.PercentEqualsToken]: ts.SyntaxKind.PercentToken,
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: ts.SyntaxKind.AsteriskAsteriskToken,
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: ts.SyntaxKind.LessThanLessThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
  [ts.SyntaxKind.AmpersandEqualsToken]: ts.SyntaxKind.AmpersandToken,
  [ts.SyntaxKind.BarEqualsToken]: ts.SyntaxKind.BarToken,
  [ts.SyntaxKind.CaretEqualsToken]: ts.SyntaxKind.CaretToken,
};

export abstract class ExpressionBuilder extends BuilderCore {
  protected abstract call(e: ts.CallExpression): Value;
  protected abstract newExpr(e: ts.NewExpression): Value;
  protected abstract propertyAccess(e: ts.PropertyAccessExpression): Value;
  protected abstract optionalChainAround(e: ts.Expression): Value | null;
  protected abstract resolveMember(e: ts.PropertyAccessExpression): Resolved | null;
  protected abstract isAccessor(name: ts.Node, flag: ts.SymbolFlags): boolean;
  protected abstract elementAccess(e: ts.ElementAccessExpression): Value;
  protected abstract arrayLiteral(e: ts.ArrayLiteralExpression): Value;
  protected abstract destructuringAssignment(pattern: ts.ArrayLiteralExpression | ts.ObjectLiteralExpression, value: Value, type: ts.Type): Value;
  /** The field `t[i]` names when t is a tuple, else null. */
  protected abstract tupleFieldOf(e: ts.ElementAccessExpression): string | null;

  /** A condition as a boolean value (numbers, strings and objects are tested for truthiness).
   *  `a && b` / `a || b` here only need truthiness, so their operands may differ in type. */
  protected condition(e: ts.Expression): Value {
    const inner = skipParens(e);
    if (ts.isBinaryExpression(inner)) {
      const op = inner.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return this.shortCircuit(inner, true);
    }
    return this.truthiness(this.expr(e), e);
  }

  /** A value as a boolean (a boolean constant stays one, so that its branch folds). */
  protected truthiness(v: Value, at: ts.Node): Value {
    if (v instanceof Constant && typeof v.value === "boolean") return v;
    return this.emit("bool", [v], at, "c");
  }

  /** `discard` marks expression statements, where `x++` need not keep the old value. */
  expr(e: ts.Expression, discard = false): Value {
    const substituted = this.chainBases.get(e);
    if (substituted) return substituted;
    if (isTupleAsArray(this.ctx.checker, e)) reject(e, "a tuple used where an array is expected (RTS tuples are records, not arrays)");
    if (isChainLink(e)) {
      const chained = this.optionalChainAround(e);
      if (chained) return chained;
    }
    switch (e.kind) {
      case ts.SyntaxKind.NumericLiteral:
        return new Constant(Number((e as ts.NumericLiteral).text));
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return new Constant((e as ts.StringLiteral).text);
      case ts.SyntaxKind.TrueKeyword:
        return new Constant(true);
      case ts.SyntaxKind.FalseKeyword:
        return new Constant(false);
      case ts.SyntaxKind.NullKeyword:
        return new Constant(null);
      case ts.SyntaxKind.ThisKeyword:
        if (!this.env.has(THIS_KEY)) reject(e, "`this` outside a method");
        return this.env.get(THIS_KEY)!;
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        return this.closure(e as ts.ArrowFunction | ts.FunctionExpression);
      case ts.SyntaxKind.Identifier:
        return this.identifier(e as ts.Identifier);
      case ts.SyntaxKind.ParenthesizedExpression:
        return this.expr((e as ts.ParenthesizedExpression).expression, discard);
      case ts.SyntaxKind.NonNullExpression: {
        const get = this.primitiveMapGet((e as ts.NonNullExpression).expression);
        // `m.get(k)!` of a number: a missing key is a run-time error (JS would go on with undefined).
        if (get) {
          const [m, k] = this.exprs([receiverOf(get), get.arguments[0]]);
          return this.emit("call_method", [m, new Constant("getPresent"), k], e);
        }
        return this.expr((e as ts.NonNullExpression).expression);
      }
      case ts.SyntaxKind.AsExpression:
        return this.asExpression(e as ts.AsExpression);
      case ts.SyntaxKind.SatisfiesExpression:
        return this.expr((e as ts.SatisfiesExpression).expression);
      case ts.SyntaxKind.TemplateExpression:
        return this.template(e as ts.TemplateExpression);
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(e as ts.BinaryExpression);
      case ts.SyntaxKind.PrefixUnaryExpression:
        return this.prefix(e as ts.PrefixUnaryExpression);
      case ts.SyntaxKind.PostfixUnaryExpression:
        return this.postfix(e as ts.PostfixUnaryExpression, discard);
      case ts.SyntaxKind.ConditionalExpression:
        return this.conditional(e as ts.ConditionalExpression);
      case ts.SyntaxKind.CallExpression:
        return this.call(e as ts.CallExpression);
      case ts.SyntaxKind.NewExpression:
        return this.newExpr(e as ts.NewExpression);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.propertyAccess(e as ts.PropertyAccessExpression);
      case ts.SyntaxKind.ElementAccessExpression:
        return this.elementAccess(e as ts.ElementAccessExpression);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return this.arrayLiteral(e as ts.ArrayLiteralExpression);
      default:
        return reject(e);
    }
  }

  protected identifier(id: ts.Identifier): Value {
    return this.asValue(this.resolveName(id), id);
  }

  /** A resolved name used as a value: functions become closures (nothing captured). */
  protected asValue(r: Resolved, at: ts.Node): Value {
    switch (r.kind) {
      case "value":
        return r.value;
      case "function":
        return this.emit("make_closure", [new Constant(this.ctx.functionValue(r.desc, at))], at, "closure");
      case "closure":
        return this.emit("make_closure", [new Constant(r.desc)], at, "closure");
      default:
        return reject(at, "a class, module or built-in function used as a value");
    }
  }

  /** A name: a local of this function, or something the context resolves. */
  protected resolveName(id: ts.Identifier): Resolved {
    if (id.text === "undefined") return { kind: "value", value: new Constant(undefined) };
    if (id.text === "arguments") reject(id, "the `arguments` object");
    const sym = symbolOf(this.ctx.checker, id);
    if (!sym) throw new RtsError(locOfNode(id), `cannot resolve '${id.text}'`);
    const decl = sym.valueDeclaration ?? sym.declarations?.[0];
    if (decl && this.env.has(decl)) {
      const v = this.env.get(decl)!;
      return { kind: "value", value: this.ctx.needsCell(decl) ? this.emit("cell_get", [v], id, id.text) : v };
    }
    if (decl && (ts.isParameter(decl) || ((ts.isVariableDeclaration(decl) || ts.isBindingElement(decl)) && !isModuleLevel(decl)))) {
      reject(id, "a closure: this function uses a local variable of an enclosing function");
    }
    return this.ctx.resolveSymbol(sym, id);
  }

  /** `x as C` for a class C is a checked downcast; other assertions change nothing. */
  protected asExpression(e: ts.AsExpression): Value {
    const v = this.expr(e.expression);
    const t = e.type;
    if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
      const decl = symbolOf(this.ctx.checker, t.typeName)?.valueDeclaration;
      if (decl && ts.isClassDeclaration(decl)) {
        const args = this.typeArgs(typeArguments(this.ctx.checker, this.ctx.checker.getTypeFromTypeNode(t)));
        return this.emit("downcast", [v, new Constant(this.ctx.classFor(decl, args)), new Constant(true)], e, "cast");
      }
    }
    return v;
  }

  protected template(t: ts.TemplateExpression): Value {
    let acc: Value = new Constant(t.head.text);
    for (const span of t.templateSpans) {
      const [prefix, v] = this.evalSeq([() => acc, () => this.emit("str", [this.expr(span.expression)], span.expression, "s")]);
      acc = this.emit("add", [prefix, v], span.expression, "s");
      if (span.literal.text !== "") acc = this.emit("add", [acc, new Constant(span.literal.text)], span, "s");
    }
    return acc;
  }

  protected binary(e: ts.BinaryExpression): Value {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      const left = skipParens(e.left);
      if (ts.isArrayLiteralExpression(left) || ts.isObjectLiteralExpression(left)) return this.destructuringAssignment(left, this.expr(e.right), this.typeOf(e.right));
      return this.assign(e.left, () => this.expr(e.right), false);
    }
    const compound = COMPOUND_ASSIGN[op];
    if (compound !== undefined) {
      return this.assign(e.left, (old) => this.emit(BINARY_OPS[compound]!, this.evalSeq([() => old!, () => this.expr(e.right)]), e));
    }
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return this.shortCircuit(e, false);
    if (op === ts.SyntaxKind.QuestionQuestionToken) return this.nullish(e);
    if (op === ts.SyntaxKind.CommaToken) {
      this.expr(e.left, true);
      return this.expr(e.right);
    }
    if (op === ts.SyntaxKind.InstanceOfKeyword) {
      const cls = this.instanceofClass(e.left, e.right);
      if (!cls) return reject(e.right, "instanceof with anything but a class name on the right");
      return this.emit("instanceof", [this.expr(e.left), new Constant(cls)], e, "is");
    }
    const name = BINARY_OPS[op];
    if (!name) return reject(e.operatorToken);
    if (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) {
      // Loose equality means strict equality between two values of one primitive type, and
      // "is null or undefined" when one side is null or undefined; anything else is coercion.
      const other = isNullish(e.left) ? e.right : isNullish(e.right) ? e.left : null;
      if (other) {
        const nullish = this.emit("is_nullish", [this.expr(other)], e, "nullish");
        return op === ts.SyntaxKind.EqualsEqualsToken ? nullish : this.emit("not", [nullish], e);
      }
      if (!this.samePrimitiveType(e.left, e.right)) return reject(e.operatorToken, "loose equality (==, !=) between values");
    }
    const [l, r] = this.exprs([e.left, e.right]);
    const folded = foldConstants(name, l, r);
    return folded ?? this.emit(name, [l, r], e);
  }

  protected samePrimitiveType(a: ts.Expression, b: ts.Expression): boolean {
    const flags = (x: ts.Expression) => this.ctx.checker.getBaseTypeOfLiteralType(this.typeOf(x)).flags;
    const prim = ts.TypeFlags.Number | ts.TypeFlags.String | ts.TypeFlags.Boolean;
    const fa = flags(a) & prim;
    return fa !== 0 && fa === (flags(b) & prim);
  }

  /** `m.get(k)` (parentheses aside) on a Map of numbers or booleans, else null. */
  protected primitiveMapGet(e: ts.Expression): ts.CallExpression | null {
    return mapGetOfPrimitive(this.ctx.checker, skipParens(e), (x) => this.typeOf(x), (t) => concreteType(t, this.desc.typeEnv).type);
  }

  /** `m.get(k) ?? d` on a Map of numbers or booleans: `getOr` when `d` is a constant, else
   *  `m.has(k) ? m.get(k)! : d` (d is evaluated only for a missing key, as in JS). */
  protected mapGetOr(get: ts.CallExpression, e: ts.BinaryExpression): Value {
    const base = this.stack.length;
    this.stack.push(...this.exprs([receiverOf(get), get.arguments[0]]));
    const lookup = (name: string, ...more: Value[]) => this.emit("call_method", [this.stack[base], new Constant(name), this.stack[base + 1], ...more], e);
    const d = skipParens(e.right);
    if (ts.isLiteralExpression(d) || d.kind === ts.SyntaxKind.TrueKeyword || d.kind === ts.SyntaxKind.FalseKeyword) {
      const r = lookup("getOr", this.expr(d));
      this.stack.splice(base);
      return r;
    }
    const has = lookup("has");
    const done = this.newJoin(1, "nullish", e);
    const present = this.newJoin();
    const missing = this.newJoin();
    this.branch(has, present, missing);
    this.enter(present);
    this.jump(done, [lookup("getPresent")]);
    this.enter(missing);
    if (this.current) this.jump(done, [this.expr(e.right)]);
    const r = this.enterWithResult(done, e);
    this.stack.splice(base);
    return r;
  }

  /** `a ?? b`: `a` unless it is null or undefined. */
  protected nullish(e: ts.BinaryExpression): Value {
    const get = this.primitiveMapGet(e.left);
    if (get) return this.mapGetOr(get, e);
    const left = this.expr(e.left);
    const missing = this.emit("is_nullish", [left], e.left, "missing");
    const done = this.newJoin(1, "nullish", e);
    const rhs = this.newJoin();
    this.branch(missing, rhs, done, [], [left]);
    this.enter(rhs);
    if (this.current) this.jump(done, [this.expr(e.right)]);
    return this.enterWithResult(done, e);
  }

  /** `a && b` / `a || b`: the right operand runs only when the left one does not decide.
   *  As a condition, both operands are only tested for truthiness, so their types may differ. */
  protected shortCircuit(e: ts.BinaryExpression, asCondition: boolean): Value {
    const isAnd = e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
    const operand = (x: ts.Expression) => (asCondition ? this.condition(x) : this.expr(x));
    const left = operand(e.left);
    const cond = this.truthiness(left, e.left);
    const done = this.newJoin(1, isAnd ? "and" : "or", e);
    const rhs = this.newJoin();
    if (isAnd) this.branch(cond, rhs, done, [], [left]);
    else this.branch(cond, done, rhs, [left], []);
    this.enter(rhs);
    this.narrow(e.left, isAnd);
    if (this.current) this.jump(done, [operand(e.right)]);
    return this.enterWithResult(done, e);
  }

  protected conditional(e: ts.ConditionalExpression): Value {
    const cond = this.condition(e.condition);
    const thenJ = this.newJoin();
    const elseJ = this.newJoin();
    const done = this.newJoin(1, "cond", e);
    this.branch(cond, thenJ, elseJ);
    this.enter(thenJ);
    this.narrow(e.condition, true);
    if (this.current) this.jump(done, [this.expr(e.whenTrue)]);
    this.enter(elseJ);
    this.narrow(e.condition, false);
    if (this.current) this.jump(done, [this.expr(e.whenFalse)]);
    return this.enterWithResult(done, e);
  }

  protected prefix(e: ts.PrefixUnaryExpression): Value {
    switch (e.operator) {
      case ts.SyntaxKind.PlusPlusToken:
      case ts.SyntaxKind.MinusMinusToken: {
        const name = e.operator === ts.SyntaxKind.PlusPlusToken ? "add" : "sub";
        return this.assign(e.operand, (old) => this.emit(name, [old!, new Constant(1)], e));
      }
      case ts.SyntaxKind.MinusToken: {
        if (ts.isNumericLiteral(e.operand)) return new Constant(-Number(e.operand.text));
        return this.emit("neg", [this.expr(e.operand)], e);
      }
      case ts.SyntaxKind.PlusToken:
        return this.emit("pos", [this.expr(e.operand)], e);
      case ts.SyntaxKind.TildeToken:
        return this.emit("invert", [this.expr(e.operand)], e);
      case ts.SyntaxKind.ExclamationToken: {
        const c = this.condition(e.operand);
        if (c instanceof Constant) return new Constant(!c.value);
        return this.emit("not", [c], e);
      }
    }
    return reject(e);
  }

  protected postfix(e: ts.PostfixUnaryExpression, discard: boolean): Value {
    const name = e.operator === ts.SyntaxKind.PlusPlusToken ? "add" : "sub";
    let old: Value | null = null;
    this.assign(e.operand, (o) => {
      // `x++` yields the old value converted to a number, which for numbers is itself.
      old = o!;
      return this.emit(name, [o!, new Constant(1)], e);
    });
    return discard ? new Constant(undefined) : old!;
  }

  /** Assigns to a local, a field or an element; `compute` gets the old value for compound
   *  forms (`readOld`; a plain `=` must not read a field that may not be set yet). */
  protected assign(target: ts.Expression, compute: (old: Value | null) => Value, readOld = true): Value {
    const t = skipParens(target);
    if (ts.isIdentifier(t)) {
      const key = this.localKey(t);
      if (!key) return reject(t, "assignment to a module-level binding (module bindings are constants after initialization)");
      if (this.ctx.needsCell(key)) {
        const v = compute(readOld ? this.emit("cell_get", [this.env.get(key)!], t, t.text) : null);
        this.emit("cell_set", [this.env.get(key)!, v], t); // the env's cell: compute may have entered a join
        return v;
      }
      const v = compute(this.env.get(key)!);
      this.env.set(key, v);
      return v;
    }
    if (ts.isPropertyAccessExpression(t) && this.resolveMember(t)) {
      return reject(t, "assignment to a static field or a module's binding (constants after initialization)");
    }
    const tupleField = ts.isElementAccessExpression(t) ? this.tupleFieldOf(t) : null;
    if (ts.isPropertyAccessExpression(t) || tupleField) {
      // A field (a tuple's element), or a property with a setter (and a getter for compound assignments).
      const field = tupleField ?? (t as ts.PropertyAccessExpression).name.text;
      const accessor = !tupleField && this.isAccessor((t as ts.PropertyAccessExpression).name, ts.SymbolFlags.SetAccessor);
      const read = (obj: Value) =>
        accessor
          ? this.emit("call_method", [obj, new Constant(`get ${field}`)], t)
          : this.emit("getattr", [obj, new Constant(field)], t);
      const [obj, v] = this.evalSeq([
        () => this.expr((t as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression),
        () => compute(readOld ? read(this.stack[this.stack.length - 1]) : null),
      ]);
      if (accessor) this.emit("call_method", [obj, new Constant(`set ${field}`), v], t);
      else this.emit("setattr", [obj, new Constant(field), v], t);
      return v;
    }
    if (ts.isElementAccessExpression(t)) {
      const [obj, idx, v] = this.evalSeq([
        () => this.expr(t.expression),
        () => this.expr(t.argumentExpression),
        () => compute(readOld ? this.emit("getitem", this.stack.slice(-2), t) : null),
      ]);
      this.emit("setitem", [obj, idx, v], t);
      return v;
    }
    return reject(target, "assignment to this kind of target");
  }

  /** A closure value: the function of `node` with the current values (or cells) of what it captures. */
  protected closure(node: ClosureNode): Value {
    const desc = this.ctx.closureFor(node, this.desc);
    const captured = desc.captures!.map((k) => {
      const v = this.env.get(k);
      if (!v) return reject(node, `a closure that uses '${k === THIS_KEY ? "this" : localName(k)}' where it is not available`);
      return v;
    });
    return this.emit("make_closure", [new Constant(desc), ...captured], node, "closure");
  }

  /** The class `x instanceof C` tests, or null when C is not a class name. For a generic
   *  class, the one instantiation the type of x can hold (`Box<number> | Other`): one
   *  instantiation is one class, and JS's test would accept them all. */
  protected instanceofClass(left: ts.Expression, right: ts.Expression): ClassDesc | null {
    const r = ts.isIdentifier(right) ? this.resolveName(right) : null;
    if (r?.kind === "class") return r.desc;
    if (r?.kind !== "generic class") return null;
    const { type, env } = concreteType(this.ctx.checker.getTypeAtLocation(left), this.desc.typeEnv);
    const members = (type.isUnion() ? type.types : [type]).filter((t) => t.symbol?.valueDeclaration === r.decl);
    const keys = new Set(members.map((t) => instantiationKey(this.ctx.checker, typeArguments(this.ctx.checker, t).map((a) => ({ type: a, env })))));
    if (keys.size !== 1) return reject(right, "instanceof with a generic class the tested value's type does not give one instantiation of");
    return this.ctx.classFor(r.decl, typeArguments(this.ctx.checker, members[0]).map((a) => ({ type: a, env })));
  }

  /** Where `cond` is known to be `whenTrue`, a local tested with `instanceof C` is a C
   *  (TypeScript's narrowing): the local is replaced by an unchecked downcast. */
  protected narrow(cond: ts.Expression, whenTrue: boolean): void {
    if (!this.current) return;
    const c = skipParens(cond);
    if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return this.narrow(c.operand, !whenTrue);
    if (ts.isBinaryExpression(c)) {
      const op = c.operatorToken.kind;
      if ((op === ts.SyntaxKind.AmpersandAmpersandToken && whenTrue) || (op === ts.SyntaxKind.BarBarToken && !whenTrue)) {
        this.narrow(c.left, whenTrue);
        this.narrow(c.right, whenTrue);
        return;
      }
      if (op === ts.SyntaxKind.InstanceOfKeyword && whenTrue && ts.isIdentifier(skipParens(c.left)) && ts.isIdentifier(c.right)) {
        const key = this.localKey(skipParens(c.left) as ts.Identifier);
        const cls = this.instanceofClass(c.left, c.right);
        if (key && cls && !this.ctx.needsCell(key)) {
          this.env.set(key, this.emit("downcast", [this.env.get(key)!, new Constant(cls), new Constant(false)], c, "narrowed"));
        }
      }
    }
  }
}

/** JS arithmetic on two number constants, evaluated now (its exact JS result is the meaning). */
const FOLDABLE: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  mod: (a, b) => a % b,
  pow: (a, b) => a ** b,
};

function foldConstants(op: string, l: Value, r: Value): Constant | null {
  const f = FOLDABLE[op];
  if (!f || !(l instanceof Constant) || !(r instanceof Constant)) return null;
  if (typeof l.value !== "number" || typeof r.value !== "number" || l.numberKind || r.numberKind) return null;
  return new Constant(f(l.value, r.value));
}

function isNullish(e: ts.Expression): boolean {
  const x = skipParens(e);
  return x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");
}
