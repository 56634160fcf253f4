// Builds the flow graph of one function from its TypeScript AST (the role RPython's flow
// space plays for Python bytecode). Control flow becomes blocks and links; expressions
// become high-level operations (add, getattr, simple_call, ...) whose meaning the
// annotator decides from the types flowing in. Anything outside RTS is rejected here.
// The builder is one class in layers, one file per topic: build-core.ts (state, blocks,
// links), build-expressions.ts, build-calls.ts (members, calls, new), build-statements.ts.
import { ts } from "ts-morph";
import { Constant, Graph } from "../flowgraph/model.ts";
import { THIS_KEY } from "./joins.ts";
import { ClassDesc } from "./program.ts";
import { splitAtRaisingOps } from "./build-exceptions.ts";
import { StatementBuilder } from "./build-statements.ts";

/** Builds one function's graph; `this` (in methods) is the local keyed by THIS_KEY. */
export class FunctionBuilder extends StatementBuilder {
  /** Builds the body; `prologue` runs first (field initializers of a base-less constructor). */
  buildBody(body: ts.Block | ts.Expression, prologue?: () => void): Graph {
    for (const p of this.params) {
      if (ts.isParameter(p) && !ts.isIdentifier(p.name)) this.bindPattern(p.name, p, this.env.get(p)!);
    }
    prologue?.();
    if (ts.isBlock(body)) this.statements(body.statements);
    else this.returnValue(this.expr(body));
    if (this.current) this.returnValue(new Constant(undefined));
    splitAtRaisingOps(this.graph, this.raising);
    return this.graph;
  }

  // ---- constructors -------------------------------------------------------------------

  /** Stores a value in a field of `this` (field initializers and parameter properties). */
  initField(name: string, value: ts.Expression | ts.ParameterDeclaration, at: ts.Node): void {
    let v = ts.isParameter(value) ? this.env.get(value)! : this.expr(value);
    if (ts.isParameter(value) && this.ctx.needsCell(value)) v = this.emit("cell_get", [v], at, name); // a parameter closures assign
    this.emit("setattr", [this.env.get(THIS_KEY)!, new Constant(name), v], at);
  }

  /** The implicit constructor of a derived class without one: passes its arguments to super. */
  forwardToBase(base: ClassDesc, params: ts.Node[]): void {
    const self = this.env.get(THIS_KEY)!;
    this.emit("simple_call", [new Constant(base.ctor), self, ...params.map((p) => this.env.get(p)!)], null);
    this.fieldInitializers?.();
  }
}
