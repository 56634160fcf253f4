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
      this.bindElement(el, this.withDefault(read, el, this.ctx.checker.getTypeOfSymbolAtLocation(prop, el)));
    }
  }

  /** `[a, , b = d, ...rest]` over an array: elements by index (an element past the end is a
   *  run-time error, as indexing is, unless the element has a default); `...rest` is a copy
   *  of the remaining elements. Over a tuple: its fields. */
  private arrayPattern(p: ts.ArrayBindingPattern, base: number, type: ts.Type): void {
    const tuple = tupleElements(this.ctx.checker, type, p);
    if (tuple) return this.tuplePattern(p, base, tuple.length);
    if (!this.ctx.checker.isArrayType(type)) return reject(p, "destructuring something other than an array, a tuple or an object");
    p.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el)) return;
      if (el.dotDotDotToken) {
        const slice = this.ctx.arrayHelper("slice1");
        const rest = this.emit("simple_call", [new Constant(slice), this.stack[base], new Constant(i)], el, "rest");
        return this.bindElement(el, rest);
      }
      if (!el.initializer) return this.bindElement(el, this.emit("getitem", [this.stack[base], new Constant(i)], el));
      // A default applies past the end of the array (RTS array elements are never undefined).
      const len = this.emit("getattr", [this.stack[base], new Constant("length")], el, "len");
      const inRange = this.emit("lt", [new Constant(i), len], el, "in_range");
      const done = this.newJoin(1, "element", el);
      const present = this.newJoin();
      const missing = this.newJoin();
      this.branch(inRange, present, missing);
      this.enter(present);
      this.jump(done, [this.emit("getitem", [this.stack[base], new Constant(i)], el)]);
      this.enter(missing);
      if (this.current) this.jump(done, [this.expr(el.initializer)]);
      this.bindElement(el, this.enterWithResult(done, el));
    });
  }

  /** Over a tuple, whose length is static: an element past its end takes its default, and
   *  `...rest` is a new tuple of the remaining elements (TypeScript types it so). */
  private tuplePattern(p: ts.ArrayBindingPattern, base: number, arity: number): void {
    const field = (i: number, at: ts.Node) => this.emit("getattr", [this.stack[base], new Constant(`_${i}`)], at, `_${i}`);
    p.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el)) return;
      if (el.dotDotDotToken) {
        const restTypes = tupleElements(this.ctx.checker, this.typeOf(el.name), el);
        if (!restTypes) return reject(el, "a rest element of a tuple that is not a tuple");
        const rest = this.evalSeq(restTypes.map((_, k) => () => field(i + k, el)));
        return this.bindElement(el, this.emit("new", [new Constant(this.ctx.tupleClass(this.typeArgs(restTypes))), ...rest], el, "rest"));
      }
      if (i < arity) return this.bindElement(el, field(i, el));
      if (!el.initializer) return reject(el, "a pattern element past the end of the tuple");
      this.bindElement(el, this.expr(el.initializer));
    });
  }

  private bindElement(el: ts.BindingElement, v: Value): void {
    this.bindPattern(el.name, el, v);
  }

  /** `z = d` in an object pattern: d when the property is undefined (only a property whose
   *  type includes undefined can be: RTS numbers and booleans never are). */
  private withDefault(v: Value, el: ts.BindingElement, type: ts.Type): Value {
    if (!el.initializer) return v;
    const mayBeUndefined = type.isUnion() ? type.types.some((t) => t.flags & ts.TypeFlags.Undefined) : !!(type.flags & ts.TypeFlags.Undefined);
    if (!mayBeUndefined) return v;
    const undef = this.emit("eq", [v, new Constant(undefined)], el, "undef");
    const done = this.newJoin(1, "field", el);
    const missing = this.newJoin();
    this.branch(undef, missing, done, [], [v]);
    this.enter(missing);
    if (this.current) this.jump(done, [this.expr(el.initializer)]);
    return this.enterWithResult(done, el);
  }
}

/** The keys of the locals a declaration binds: itself for a plain name, else the binding
 *  elements with plain names, nested patterns included. */
export function boundDeclarations(decl: ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement): ts.Node[] {
  if (ts.isIdentifier(decl.name)) return [decl];
  return decl.name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : boundDeclarations(el)));
}
