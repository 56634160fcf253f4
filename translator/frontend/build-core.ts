// The function builder's state and its graph-building primitives: the locals (env), the
// temporaries of a half-built expression (stack), blocks, links and joins. The builder is one
// class split by topic into layers (core < expressions < calls < statements < FunctionBuilder,
// see builder.ts); a layer calls into a later one through an abstract method declared here or
// in the layer that needs it.
import { ts } from "ts-morph";
import { Block, Constant, EXCEPTION, Graph, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Join, linkTo, LocalKey, localName, THIS_KEY } from "./joins.ts";
import { locOfNode, symbolOf } from "./loc.ts";
import { FunctionDesc } from "./program.ts";
import { MAY_RAISE, TryFrame } from "./build-exceptions.ts";
import { concreteType, TypeArg } from "./generics.ts";
import { BuildContext } from "./build-context.ts";

/** What break/continue can target: loops, switches (break only) and labeled blocks (labeled break only). */
interface LoopTargets {
  kind: "loop" | "switch" | "block";
  label: string | null;
  breakTo: Join;
  /** null for a switch or a labeled block, which `continue` cannot target. */
  continueTo: Join | null;
  /** How many try frames enclose the target: leaving it runs the finally blocks of the others. */
  tryDepth: number;
}

export abstract class BuilderCore {
  protected env = new Map<LocalKey, Value>();
  /** Temporaries already evaluated while a later part of the same expression is built. */
  protected stack: Value[] = [];
  protected current: Block | null;
  protected loops: LoopTargets[] = [];
  /** The enclosing try statements, innermost last. */
  protected tryFrames: TryFrame[] = [];
  /** Each operation built inside a try that may raise, and where its exception goes. */
  protected raising = new Map<Operation, Link>();
  protected pendingLabel: string | null = null;
  readonly graph: Graph;

  constructor(
    protected ctx: BuildContext,
    protected desc: FunctionDesc,
    protected params: ts.Node[],
  ) {
    const inputs: Variable[] = [];
    const closure = new Variable("closure");
    if (desc.cls) {
      const self = new Variable("this");
      inputs.push(self);
      this.env.set(THIS_KEY, self);
    } else if (desc.captures) {
      inputs.push(closure);
    }
    for (const p of params) {
      const v = new Variable(localName(p));
      inputs.push(v);
      this.env.set(p, v);
    }
    const start = new Block(inputs);
    this.current = start;
    this.graph = new Graph(desc.name, start, desc.loc);
    // A closure's captured locals are locals of its graph, read from the closure object.
    desc.captures?.forEach((key, i) => {
      this.env.set(key, this.emit("closure_get", [closure, new Constant(desc), new Constant(i)], null, key === THIS_KEY ? "this" : localName(key)));
    });
    for (const p of params) {
      if (ctx.needsCell(p)) this.env.set(p, this.emit("cell_new", [this.env.get(p)!], p, `${localName(p)}_cell`));
    }
  }

  /** The TypeScript type of an expression, with this instantiation's type parameters replaced. */
  protected typeOf(e: ts.Node): ts.Type {
    return concreteType(this.ctx.checker.getTypeAtLocation(e), this.desc.typeEnv).type;
  }

  /** Type arguments written (or inferred) in this function, read in its instantiation. */
  protected typeArgs(types: readonly ts.Type[]): TypeArg[] {
    return types.map((type) => ({ type, env: this.desc.typeEnv }));
  }

  /** For constructors: runs after `super(...)` (or first, in a class without a base). */
  fieldInitializers: (() => void) | null = null;

  /** The `?.` links being built, and the value their base evaluated to. */
  protected guardedLinks = new Set<ts.Node>();
  protected chainBases = new Map<ts.Node, Value>();

  /** Builds an expression (ExpressionBuilder.expr). */
  abstract expr(e: ts.Expression, discard?: boolean): Value;

  // ---- blocks and links -------------------------------------------------------------

  protected emit(opname: string, args: Value[], at: ts.Node | null, hint = "v"): Variable {
    const result = new Variable(hint);
    const op = new Operation(opname, args, result, at ? locOfNode(at) : null);
    this.block().operations.push(op);
    // Inside a try, the block is split after each operation that may raise (once the graph is
    // built: see splitAtRaisingOps); its exception goes to the handler with the locals of now.
    const frame = this.tryFrames[this.tryFrames.length - 1];
    if (frame && MAY_RAISE.has(opname)) this.raising.set(op, this.exceptionLink(frame.handler));
    return result;
  }

  /** The link an exception takes from here: to a handler (catch or finally) or out of the function. */
  protected exceptionLink(handler: Join | null): Link {
    const caught = new Variable("caught");
    const link = handler ? linkTo(handler, this.env, this.stack, [caught]) : new Link([], this.graph.exceptblock);
    link.exitcase = EXCEPTION;
    link.excValue = caught;
    return link;
  }

  /** The current block; building code after return/break is never needed (it is dead). */
  protected block(): Block {
    if (!this.current) throw new Error("emitting into unreachable code");
    return this.current;
  }

  /** `hint` names the extra values, which error messages may mention (at `at`). */
  protected newJoin(extra = 0, hint = "t", at: ts.Node | null = null): Join {
    return new Join([...this.env.keys()], this.stack.length, extra, hint, at ? locOfNode(at) : null);
  }

  protected jump(join: Join, extras: Value[] = []): void {
    if (!this.current) return;
    this.current.closeWith([linkTo(join, this.env, this.stack, extras)]);
    this.current = null;
  }

  /** Continues building in a join's block (or in dead code when nothing jumped there). */
  protected enter(join: Join): Variable[] {
    const b = join.block;
    this.current = b;
    if (!b) return [];
    for (const k of [...this.env.keys()]) if (!join.keys.includes(k)) this.env.delete(k);
    join.keys.forEach((k, i) => this.env.set(k, b.inputargs[i]));
    const nk = join.keys.length;
    this.stack = b.inputargs.slice(nk, nk + join.depth);
    return b.inputargs.slice(nk + join.depth);
  }

  /** Two-way branch on a boolean; a constant condition only builds the taken side. */
  protected branch(cond: Value, ifTrue: Join, ifFalse: Join, trueExtras: Value[] = [], falseExtras: Value[] = []): void {
    if (!this.current) return;
    if (cond instanceof Constant) {
      if (cond.value) this.jump(ifTrue, trueExtras);
      else this.jump(ifFalse, falseExtras);
      return;
    }
    const t = linkTo(ifTrue, this.env, this.stack, trueExtras);
    const f = linkTo(ifFalse, this.env, this.stack, falseExtras);
    t.exitcase = true;
    f.exitcase = false;
    this.current.closeWith([t, f], cond);
    this.current = null;
  }

  /** Enters a join carrying one result value; in dead code the value is never used. */
  protected enterWithResult(join: Join, at: ts.Node): Value {
    const [r] = this.enter(join);
    if (!r) throw new RtsError(locOfNode(at), "expression with no reachable result");
    return r;
  }

  /** Gives a local its value: into its cell, when it has one. */
  protected declare(decl: ts.Node, v: Value): void {
    if (!this.ctx.needsCell(decl)) return void this.env.set(decl, v);
    const cell = this.env.get(decl);
    if (cell) this.emit("cell_set", [cell, v], decl);
    else this.env.set(decl, this.emit("cell_new", [v], decl, `${localName(decl)}_cell`));
  }

  /** The key of a local of this function named by `id`, or null. */
  protected localKey(id: ts.Identifier): LocalKey | null {
    const decl = symbolOf(this.ctx.checker, id)?.valueDeclaration;
    return decl && this.env.has(decl) ? decl : null;
  }

  // ---- evaluation order ---------------------------------------------------------------

  /** Evaluates in order; earlier results ride on the stack so later control flow renames them. */
  protected evalSeq(parts: (() => Value)[]): Value[] {
    const base = this.stack.length;
    for (const p of parts) {
      const v = p(); // may replace this.stack (entering a join): read it only afterwards
      this.stack.push(v);
    }
    return this.stack.splice(base);
  }

  protected exprs(es: readonly ts.Expression[]): Value[] {
    return this.evalSeq(es.map((e) => () => this.expr(e)));
  }
}
