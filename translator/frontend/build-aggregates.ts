// Arrays and tuples: array literals (with spread), tuple literals, element access, and
// destructuring (`const [a, b] = xs`, `const { x, y: [p, q] } = o`) in declarations,
// parameters and for-of heads. A pattern becomes the reads it stands for (getitem, getattr
// or a getter call) into ordinary locals, one per bound name, keyed by its BindingElement.
// Tuples are records (see tuples.ts): a literal is a `new`, `t[0]` reads the field `_0`.
import { ts } from "ts-morph";
import { Constant, Value } from "../flowgraph/model.ts";
import { reject } from "./subset.ts";
import { tupleElements, tupleField } from "./tuples.ts";
import { CallBuilder } from "./build-calls.ts";
import { skipParens } from "./ast.ts";
import { concreteType } from "./generics.ts";

export abstract class AggregateBuilder extends CallBuilder {
  /** `[a, b]`: a new array, or a tuple when TypeScript types the literal as one; `...xs`
   *  appends the elements of an array. */
  protected arrayLiteral(e: ts.ArrayLiteralExpression): Value {
    for (const x of e.elements) if (ts.isOmittedExpression(x)) reject(x, "holes in array literals");
    const tuple = tupleElements(this.ctx.checker, this.typeOf(e), e);
    if (tuple) {
      for (const x of e.elements) if (ts.isSpreadElement(x)) reject(x, "spread in a tuple literal");
      const cls = this.ctx.tupleClass(this.typeArgs(tuple));
      return this.emit("new", [new Constant(cls), ...this.exprs(e.elements)], e, "tuple");
    }
    return this.listOf(e.elements, e);
  }

  protected listOf(elements: readonly ts.Expression[], at: ts.Node): Value {
    const firstSpread = elements.findIndex((x) => ts.isSpreadElement(x));
    if (firstSpread < 0) return this.emit("newlist", this.exprs(elements), at, "list");
    return this.appendElements(this.emit("newlist", this.exprs(elements.slice(0, firstSpread)), at, "list"), elements.slice(firstSpread));
  }

  /** Pushes `elements` onto the array `list` in order (`...xs` pushes each element of xs);
   *  returns the array (renamed by the control flow of the elements). */
  protected appendElements(list: Value, elements: readonly ts.Expression[]): Value {
    const base = this.stack.length;
    this.stack.push(list);
    for (const x of elements) {
      if (!ts.isSpreadElement(x)) {
        const v = this.expr(x);
        this.emit("call_method", [this.stack[base], new Constant("push"), v], x);
        continue;
      }
      this.checkSpreadArray(x);
      const src = this.expr(x.expression);
      this.emit("simple_call", [new Constant(this.ctx.arrayHelper("pushAll")), this.stack[base], src], x);
    }
    return this.stack.splice(base)[0];
  }

  /** `...xs` of an array (JS spreads any iterable: strings, Maps and Sets are rejected). */
  protected checkSpreadArray(x: ts.SpreadElement): void {
    if (!this.ctx.checker.isArrayType(this.typeOf(x.expression))) reject(x, "spread of anything but an array (a string, a Map or a Set)");
  }

  /** `xs[i]`, or `t[0]` of a tuple. */
  protected elementAccess(e: ts.ElementAccessExpression): Value {
    const field = this.tupleFieldOf(e);
    if (field) return this.emit("getattr", [this.expr(e.expression), new Constant(field)], e, field);
    return this.emit("getitem", this.exprs([e.expression, e.argumentExpression]), e);
  }

  protected tupleFieldOf(e: ts.ElementAccessExpression): string | null {
    const tuple = tupleElements(this.ctx.checker, this.typeOf(e.expression), e.expression);
    return tuple && tupleField(e.argumentExpression, tuple.length);
  }

  /** Binds the names of `name` to the parts of `v`. `decl` is the key of a plain name (its
   *  variable, parameter or binding element). */
  protected bindPattern(name: ts.BindingName, decl: ts.Node, v: Value): void {
    if (ts.isIdentifier(name)) return this.declare(decl, v);
    const base = this.stack.length;
    this.stack.push(v); // the destructured value, renamed by the joins of defaults
    // TypeScript types a pattern as the value it destructures.
    if (ts.isObjectBindingPattern(name)) this.objectPattern(name, base, this.typeOf(name));
    else this.arrayPattern(name, base, this.typeOf(name));
    this.stack.splice(base);
  }

  /** `{ x, y: alias, z = d, w: { ... } }`: fields, or getters, by name. */
  private objectPattern(p: ts.ObjectBindingPattern, base: number, type: ts.Type): void {
    for (const el of p.elements) {
      if (el.dotDotDotToken) reject(el, "a rest element in an object pattern (`{ a, ...rest }`)");
      const key = el.propertyName ?? el.name;
      if (!ts.isIdentifier(key)) return reject(key, "a computed or quoted property name in a pattern");
      const prop = this.ctx.checker.getPropertyOfType(type, key.text);
      if (!prop) return reject(key, `a pattern naming '${key.text}', which is not a property of the value`);
      if (prop.flags & ts.SymbolFlags.Method) return reject(el, "a method in an object pattern (a method reference)");
      const obj = this.stack[base];
      const read = prop.flags & ts.SymbolFlags.GetAccessor
        ? this.emit("call_method", [obj, new Constant(`get ${key.text}`)], el)
        : this.emit("getattr", [obj, new Constant(key.text)], el, key.text);
      this.bindElement(el, this.withDefault(read, el.initializer, this.ctx.checker.getTypeOfSymbolAtLocation(prop, el), el));
    }
  }

  /** `[a, , b = d, ...rest]` over an array: elements by index (an element past the end is a
   *  run-time error, as indexing is, unless the element has a default); `...rest` is a copy
   *  of the remaining elements. Over a tuple: its fields. */
  private arrayPattern(p: ts.ArrayBindingPattern, base: number, type: ts.Type): void {
    const tuple = tupleElements(this.ctx.checker, type, p);
    if (!tuple && !this.ctx.checker.isArrayType(type)) return reject(p, "destructuring something other than an array, a tuple or an object");
    p.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el)) return;
      const rest = el.dotDotDotToken ? this.restOf(base, i, tuple, el.name, el) : null;
      this.bindElement(el, rest ?? (tuple ? this.tupleItem(base, i, tuple.length, el.initializer, el) : this.arrayItem(base, i, el.initializer, el)));
    });
  }

  /** Element i of the array at stack[base]; `d` when given and i is past the end (RTS array
   *  elements are never undefined, so that is when JS's default applies). */
  private arrayItem(base: number, i: number, d: ts.Expression | undefined, at: ts.Node): Value {
    if (!d) return this.emit("getitem", [this.stack[base], new Constant(i)], at);
    const len = this.emit("getattr", [this.stack[base], new Constant("length")], at, "len");
    const inRange = this.emit("lt", [new Constant(i), len], at, "in_range");
    const done = this.newJoin(1, "element", at);
    const present = this.newJoin();
    const missing = this.newJoin();
    this.branch(inRange, present, missing);
    this.enter(present);
    this.jump(done, [this.emit("getitem", [this.stack[base], new Constant(i)], at)]);
    this.enter(missing);
    if (this.current) this.jump(done, [this.expr(d)]);
    return this.enterWithResult(done, at);
  }

  /** Element i of the tuple at stack[base], whose length is static: past its end, the
   *  default `d`. */
  private tupleItem(base: number, i: number, arity: number, d: ts.Expression | undefined, at: ts.Node): Value {
    if (i < arity) return this.emit("getattr", [this.stack[base], new Constant(`_${i}`)], at, `_${i}`);
    if (!d) return reject(at, "a pattern element past the end of the tuple");
    return this.expr(d);
  }

  /** `...rest` from position i: of an array, a copy of the remaining elements (`slice`); of
   *  a tuple, a new tuple of them (TypeScript types it so; `restName` is typed as it). */
  private restOf(base: number, i: number, tuple: readonly ts.Type[] | null, restName: ts.Node, at: ts.Node): Value {
    if (!tuple) return this.emit("simple_call", [new Constant(this.ctx.arrayHelper("slice1")), this.stack[base], new Constant(i)], at, "rest");
    const restTypes = tupleElements(this.ctx.checker, this.typeOf(restName), at);
    if (!restTypes) return reject(at, "a rest element of a tuple that is not a tuple");
    const rest = this.evalSeq(restTypes.map((_, k) => () => this.tupleItem(base, i + k, tuple.length, undefined, at)));
    return this.emit("new", [new Constant(this.ctx.tupleClass(this.typeArgs(restTypes))), ...rest], at, "rest");
  }

  private bindElement(el: ts.BindingElement, v: Value): void {
    this.bindPattern(el.name, el, v);
  }

  /** `z = d` in an object pattern: d when the property is undefined (only a property whose
   *  type includes undefined can be: RTS numbers and booleans never are). */
  private withDefault(v: Value, d: ts.Expression | undefined, type: ts.Type, at: ts.Node): Value {
    if (!d) return v;
    const mayBeUndefined = type.isUnion() ? type.types.some((t) => t.flags & ts.TypeFlags.Undefined) : !!(type.flags & ts.TypeFlags.Undefined);
    if (!mayBeUndefined) return v;
    const undef = this.emit("eq", [v, new Constant(undefined)], at, "undef");
    const done = this.newJoin(1, "field", at);
    const missing = this.newJoin();
    this.branch(undef, missing, done, [], [v]);
    this.enter(missing);
    if (this.current) this.jump(done, [this.expr(d)]);
    return this.enterWithResult(done, at);
  }

  // ---- destructuring assignment --------------------------------------------------------

  /** `[a, b] = [b, a]`, `({ x, y: o.f } = p)`: the right side, then each target in order
   *  (locals, fields, elements, nested patterns, with defaults and rest elements), reading
   *  the parts as the declaration patterns do. JS evaluates a target's object before the
   *  part it gets, as `assign` does. The expression's value is the right side. */
  protected destructuringAssignment(pattern: ts.ArrayLiteralExpression | ts.ObjectLiteralExpression, value: Value, type: ts.Type): Value {
    const base = this.stack.length;
    this.stack.push(value);
    const concrete = concreteType(type, this.desc.typeEnv).type;
    if (ts.isObjectLiteralExpression(pattern)) this.objectAssignment(pattern, base, concrete);
    else this.arrayAssignment(pattern, base, concrete);
    return this.stack.splice(base)[0];
  }

  /** Assigns `read()` to `target`: a local, field or element, or a nested pattern (whose
   *  value has the type `type`). */
  protected assignTarget(target: ts.Expression, read: () => Value, type: ts.Type): void {
    const t = skipParens(target);
    if (ts.isArrayLiteralExpression(t) || ts.isObjectLiteralExpression(t)) this.destructuringAssignment(t, read(), type);
    else this.assign(t, read, false);
  }

  private objectAssignment(p: ts.ObjectLiteralExpression, base: number, type: ts.Type): void {
    for (const el of p.properties) {
      if (ts.isSpreadAssignment(el)) return reject(el, "a rest element in an object pattern (`{ a, ...rest }`)");
      if (!ts.isShorthandPropertyAssignment(el) && !ts.isPropertyAssignment(el)) return reject(el, "this element in an object pattern");
      if (!ts.isIdentifier(el.name)) return reject(el.name, "a computed or quoted property name in a pattern");
      const [target, d] = ts.isShorthandPropertyAssignment(el) ? [el.name, el.objectAssignmentInitializer] : splitDefault(el.initializer);
      const prop = this.ctx.checker.getPropertyOfType(type, el.name.text);
      if (!prop) return reject(el.name, `a pattern naming '${el.name.text}', which is not a property of the value`);
      if (prop.flags & ts.SymbolFlags.Method) return reject(el, "a method in an object pattern (a method reference)");
      const propType = this.ctx.checker.getTypeOfSymbolAtLocation(prop, el);
      const name = el.name.text;
      this.assignTarget(target, () => {
        const obj = this.stack[base];
        const read = prop.flags & ts.SymbolFlags.GetAccessor
          ? this.emit("call_method", [obj, new Constant(`get ${name}`)], el)
          : this.emit("getattr", [obj, new Constant(name)], el, name);
        return this.withDefault(read, d, propType, el);
      }, this.ctx.checker.getNonNullableType(propType));
    }
  }

  private arrayAssignment(p: ts.ArrayLiteralExpression, base: number, type: ts.Type): void {
    const tuple = tupleElements(this.ctx.checker, type, p);
    if (!tuple && !this.ctx.checker.isArrayType(type)) return reject(p, "destructuring something other than an array, a tuple or an object");
    p.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el)) return;
      if (ts.isSpreadElement(el)) {
        const restType = tuple ? this.ctx.checker.getTypeAtLocation(el.expression) : type;
        return this.assignTarget(el.expression, () => this.restOf(base, i, tuple, el.expression, el), restType);
      }
      const [target, d] = splitDefault(el);
      const itemType = tuple ? (tuple[i] ?? this.typeOf(target)) : this.ctx.checker.getIndexTypeOfType(type, ts.IndexKind.Number)!;
      this.assignTarget(target, () => (tuple ? this.tupleItem(base, i, tuple.length, d, el) : this.arrayItem(base, i, d, el)), itemType);
    });
  }
}

/** `target = d` in an assignment pattern is a target with a default. */
function splitDefault(e: ts.Expression): [ts.Expression, ts.Expression | undefined] {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) return [e.left, e.right];
  return [e, undefined];
}

/** The keys of the locals a declaration binds: itself for a plain name, else the binding
 *  elements with plain names, nested patterns included. */
export function boundDeclarations(decl: ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement): ts.Node[] {
  if (ts.isIdentifier(decl.name)) return [decl];
  return decl.name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : boundDeclarations(el)));
}
