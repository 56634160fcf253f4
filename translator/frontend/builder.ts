// Builds the flow graph of one function from its TypeScript AST (the role RPython's flow
// space plays for Python bytecode). Control flow becomes blocks and links; expressions
// become high-level operations (add, getattr, simple_call, ...) whose meaning the
// annotator decides from the types flowing in. Anything outside RTS is rejected here.
import { ts } from "ts-morph";
import { Block, Constant, EXCEPTION, Graph, LAST_EXCEPTION, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Join, linkTo, LocalKey, localName, THIS_KEY } from "./joins.ts";
import { locOfNode, symbolOf } from "./loc.ts";
import { checkGreenAssignments, isJitModuleDecl, markerLoop, markerOperands } from "./jithints.ts";
import { Builtin, CaptureKey, ClassDesc, FunctionDesc, ImportedFunction, JitDriverDesc, TYPED_ARRAYS } from "./program.ts";
import type { ClosureNode } from "./captures.ts";
import { reject } from "./subset.ts";
import { isRethrow, MAY_RAISE, splitAtRaisingOps, TryFrame } from "./build-exceptions.ts";
import { concreteType, TypeArg, typeArguments } from "./generics.ts";
import { checkCollectionCall, checkCollectionNew, Iteration, iterationOf, loopTargets, mapGetOfPrimitive } from "./collections.ts";

/** What a name or property resolves to outside the function being built. */
export type Resolved =
  | { kind: "value"; value: Value }
  | { kind: "function"; desc: FunctionDesc }
  | { kind: "class"; desc: ClassDesc }
  /** Generic declarations are instantiated at their use, with the type arguments there. */
  | { kind: "generic class"; decl: ts.ClassDeclaration }
  | { kind: "generic function"; decl: ts.FunctionDeclaration }
  | { kind: "builtin"; builtin: Builtin }
  | { kind: "import"; fn: ImportedFunction }
  | { kind: "conversion"; name: string }
  | { kind: "namespace" }
  /** A module-level binding holding an arrow function or function expression (no captures). */
  | { kind: "closure"; desc: FunctionDesc };

export interface BuildContext {
  checker: ts.TypeChecker;
  /** Resolves a symbol that is not a local of the function being built. */
  resolveSymbol(sym: ts.Symbol, at: ts.Node): Resolved;
  classFor(decl: ts.ClassDeclaration, typeArgs?: readonly TypeArg[]): ClassDesc;
  functionFor(decl: ts.FunctionDeclaration, typeArgs?: readonly TypeArg[]): FunctionDesc;
  /** A static member of a class: a static method, or a static field's value after initialization. */
  resolveStatic(cls: ts.ClassDeclaration, member: ts.Symbol, at: ts.Node): Resolved;
  /** Default-value expressions of a callee's parameters (null where there is none). */
  defaultsOf(fn: FunctionDesc): (ts.Expression | null)[];
  libraryFunction(module: string, name: string): FunctionDesc | null;
  libraryMethod(receiver: ts.Type, name: string, argc: number): FunctionDesc | null;
  /** The JitDriver a module-level binding holds (the receiver of jitMergePoint / canEnterJit). */
  jitDriver(receiver: ts.Expression): JitDriverDesc;
  /** Whether a call's callee was declared elidable (rlib/jit.ts). */
  isElidableCall(call: ts.CallExpression): boolean;
  /** The function of a closure expression or nested function declaration in `owner`. */
  closureFor(node: ClosureNode, owner: FunctionDesc | null): FunctionDesc;
  /** The closure adapter of a top-level function or static method used as a value. */
  functionValue(fn: FunctionDesc): FunctionDesc;
  /** Whether a local lives in a cell shared with closures (see captures.ts). */
  needsCell(key: CaptureKey): boolean;
}

/** A marker for a `let` that has no value yet (TypeScript proves it is assigned before use). */
export const UNINITIALIZED = { describe: () => "<uninitialized>" };

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

/** Builds one function's graph; `this` (in methods) is the local keyed by THIS_KEY. */
export class FunctionBuilder {
  private env = new Map<LocalKey, Value>();
  /** Temporaries already evaluated while a later part of the same expression is built. */
  private stack: Value[] = [];
  private current: Block | null;
  private loops: LoopTargets[] = [];
  /** The enclosing try statements, innermost last. */
  private tryFrames: TryFrame[] = [];
  /** Each operation built inside a try that may raise, and where its exception goes. */
  private raising = new Map<Operation, Link>();
  private pendingLabel: string | null = null;
  readonly graph: Graph;

  constructor(
    private ctx: BuildContext,
    private desc: FunctionDesc,
    params: ts.Node[],
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
      const v = new Variable((p as ts.ParameterDeclaration).name?.getText() ?? "arg");
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
  private typeOf(e: ts.Node): ts.Type {
    return concreteType(this.ctx.checker.getTypeAtLocation(e), this.desc.typeEnv).type;
  }

  /** Type arguments written (or inferred) in this function, read in its instantiation. */
  private typeArgs(types: readonly ts.Type[]): TypeArg[] {
    return types.map((type) => ({ type, env: this.desc.typeEnv }));
  }

  // ---- blocks and links -------------------------------------------------------------

  private emit(opname: string, args: Value[], at: ts.Node | null, hint = "v"): Variable {
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
  private exceptionLink(handler: Join | null): Link {
    const caught = new Variable("caught");
    const link = handler ? linkTo(handler, this.env, this.stack, [caught]) : new Link([], this.graph.exceptblock);
    link.exitcase = EXCEPTION;
    link.excValue = caught;
    return link;
  }

  /** The current block; building code after return/break is never needed (it is dead). */
  private block(): Block {
    if (!this.current) throw new Error("emitting into unreachable code");
    return this.current;
  }

  /** `hint` names the extra values, which error messages may mention (at `at`). */
  private newJoin(extra = 0, hint = "t", at: ts.Node | null = null): Join {
    return new Join([...this.env.keys()], this.stack.length, extra, hint, at ? locOfNode(at) : null);
  }

  private jump(join: Join, extras: Value[] = []): void {
    if (!this.current) return;
    this.current.closeWith([linkTo(join, this.env, this.stack, extras)]);
    this.current = null;
  }

  /** Continues building in a join's block (or in dead code when nothing jumped there). */
  private enter(join: Join): Variable[] {
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
  private branch(cond: Value, ifTrue: Join, ifFalse: Join, trueExtras: Value[] = [], falseExtras: Value[] = []): void {
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

  // ---- functions ----------------------------------------------------------------------

  /** Builds the body; `prologue` runs first (field initializers of a base-less constructor). */
  buildBody(body: ts.Block | ts.Expression, prologue?: () => void): Graph {
    prologue?.();
    if (ts.isBlock(body)) this.statements(body.statements);
    else this.returnValue(this.expr(body));
    if (this.current) this.returnValue(new Constant(undefined));
    splitAtRaisingOps(this.graph, this.raising);
    return this.graph;
  }

  private returnValue(v: Value): void {
    this.stack.push(v); // kept across the finally blocks
    this.runFinalizers(0);
    const r = this.stack.pop()!;
    if (!this.current) return;
    this.block().closeWith([new Link([r], this.graph.returnblock)]);
    this.current = null;
  }

  // ---- exceptions -----------------------------------------------------------------------

  /** `throw v`: raises v, to the innermost handler or out of the function. A rethrow of the
   *  caught value continues its stack trace; any other throw starts a new one. */
  private throwStatement(s: ts.ThrowStatement): void {
    this.raise(this.expr(s.expression), isRethrow(this.ctx.checker, s), s);
  }

  private raise(v: Value, rethrow: boolean, at: ts.Node): void {
    const op = new Operation("raise", [v, new Constant(rethrow)], new Variable("void"), locOfNode(at));
    this.block().operations.push(op);
    const frame = this.tryFrames[this.tryFrames.length - 1];
    this.block().closeWith([this.exceptionLink(frame ? frame.handler : null)], LAST_EXCEPTION);
    this.current = null;
  }

  private tryStatement(s: ts.TryStatement): void {
    if (!s.finallyBlock) return this.tryCatch(s.tryBlock, s.catchClause!);
    const finalizer = s.finallyBlock;
    const raised = this.newJoin(1, "caught", finalizer);
    const after = this.newJoin();
    this.tryFrames.push({ handler: raised, finalizer });
    if (s.catchClause) this.tryCatch(s.tryBlock, s.catchClause);
    else this.statement(s.tryBlock);
    this.tryFrames.pop();
    if (this.current) this.statements(finalizer.statements);
    this.jump(after);
    // An exception from the try block or the catch clause: the finally block, then a rethrow.
    const [exc] = this.enter(raised);
    if (this.current) {
      this.stack.push(exc);
      this.statements(finalizer.statements);
      const e = this.stack.pop()!;
      if (this.current) this.raise(e, true, finalizer);
    }
    this.enter(after);
  }

  /** `catch (e)`: e is the caught exception, an Error (RTS only throws Error instances). */
  private tryCatch(body: ts.Block, clause: ts.CatchClause): void {
    const handler = this.newJoin(1, "caught", clause);
    const after = this.newJoin();
    this.tryFrames.push({ handler, finalizer: null });
    this.statement(body);
    this.tryFrames.pop();
    this.jump(after);
    const [exc] = this.enter(handler);
    const decl = clause.variableDeclaration;
    if (decl && !ts.isIdentifier(decl.name)) reject(decl.name);
    if (this.current) {
      if (decl) this.env.set(decl, exc);
      this.statements(clause.block.statements);
      this.jump(after);
    }
    this.enter(after);
  }

  /** Leaving the try frames above `depth` (by return, break or continue) runs their finally
   *  blocks, innermost first, each with only the frames outside it active. */
  private runFinalizers(depth: number): void {
    const frames = this.tryFrames;
    for (let i = frames.length - 1; i >= depth && this.current; i--) {
      const f = frames[i].finalizer;
      if (!f) continue;
      this.tryFrames = frames.slice(0, i);
      this.statements(f.statements);
    }
    this.tryFrames = frames;
  }

  /** For constructors: runs after `super(...)` (or first, in a class without a base). */
  fieldInitializers: (() => void) | null = null;

  // ---- statements ---------------------------------------------------------------------

  private statements(stmts: readonly ts.Statement[]): void {
    const before = new Set(this.env.keys());
    this.hoist(stmts);
    for (const s of stmts) {
      if (!this.current) break;
      this.statement(s);
    }
    for (const k of [...this.env.keys()]) if (!before.has(k)) this.env.delete(k);
  }

  private statement(s: ts.Statement): void {
    const label = this.pendingLabel;
    this.pendingLabel = null;
    switch (s.kind) {
      case ts.SyntaxKind.Block:
        if (label !== null) return this.labeledBlock(label, s as ts.Block);
        return this.statements((s as ts.Block).statements);
      case ts.SyntaxKind.VariableStatement:
        return this.variableList((s as ts.VariableStatement).declarationList);
      case ts.SyntaxKind.ExpressionStatement:
        this.expr((s as ts.ExpressionStatement).expression, true);
        return;
      case ts.SyntaxKind.IfStatement:
        return this.ifStatement(s as ts.IfStatement);
      case ts.SyntaxKind.WhileStatement:
        return this.whileStatement(s as ts.WhileStatement, label);
      case ts.SyntaxKind.DoStatement:
        return this.doStatement(s as ts.DoStatement, label);
      case ts.SyntaxKind.ForStatement:
        return this.forStatement(s as ts.ForStatement, label);
      case ts.SyntaxKind.ForOfStatement:
        return this.forOfStatement(s as ts.ForOfStatement, label);
      case ts.SyntaxKind.SwitchStatement:
        return this.switchStatement(s as ts.SwitchStatement, label);
      case ts.SyntaxKind.BreakStatement:
      case ts.SyntaxKind.ContinueStatement:
        return this.breakOrContinue(s as ts.BreakOrContinueStatement);
      case ts.SyntaxKind.ReturnStatement: {
        const e = (s as ts.ReturnStatement).expression;
        return this.returnValue(e ? this.expr(e) : new Constant(undefined));
      }
      case ts.SyntaxKind.ThrowStatement:
        return this.throwStatement(s as ts.ThrowStatement);
      case ts.SyntaxKind.TryStatement:
        return this.tryStatement(s as ts.TryStatement);
      case ts.SyntaxKind.LabeledStatement: {
        const ls = s as ts.LabeledStatement;
        this.pendingLabel = ls.label.text;
        return this.statement(ls.statement);
      }
      case ts.SyntaxKind.FunctionDeclaration:
        if (!this.env.has(s)) reject(s, "a function declaration that is not directly in a block");
        return; // made when its block was entered (hoist)
      case ts.SyntaxKind.EmptyStatement:
      case ts.SyntaxKind.TypeAliasDeclaration:
      case ts.SyntaxKind.InterfaceDeclaration:
        return;
      default:
        return reject(s);
    }
  }

  /** Entering a block: the cells of its locals that live in cells exist from here on (a
   *  closure made earlier in the block may refer to them), and its nested function
   *  declarations are made (JS hoists them). */
  private hoist(stmts: readonly ts.Statement[]): void {
    const functions = stmts.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s));
    const decls: ts.Node[] = [...functions];
    for (const s of stmts) if (ts.isVariableStatement(s)) decls.push(...s.declarationList.declarations);
    for (const d of decls) if (this.ctx.needsCell(d)) this.env.set(d, this.emit("cell_new", [], d, `${localName(d)}_cell`));
    for (const f of functions) this.declare(f, this.closure(f));
  }

  /** Gives a local its value: into its cell, when it has one. */
  private declare(decl: ts.Node, v: Value): void {
    if (!this.ctx.needsCell(decl)) return void this.env.set(decl, v);
    const cell = this.env.get(decl);
    if (cell) this.emit("cell_set", [cell, v], decl);
    else this.env.set(decl, this.emit("cell_new", [v], decl, `${localName(decl)}_cell`));
  }

  private variableList(list: ts.VariableDeclarationList): void {
    for (const d of list.declarations) {
      if (!ts.isIdentifier(d.name)) reject(d.name);
      if (!d.initializer) {
        if (!this.ctx.needsCell(d)) this.env.set(d, new Constant(UNINITIALIZED));
        else if (!this.env.has(d)) this.env.set(d, this.emit("cell_new", [], d, `${localName(d)}_cell`));
        continue;
      }
      this.declare(d, this.expr(d.initializer));
    }
  }

  /** `for (let i = ...)`: each iteration has its own `i` (closures made in one iteration
   *  keep that iteration's value): a celled loop variable gets a fresh cell holding the
   *  current value after the initializer and before each increment, as JS copies it. */
  private freshIterationCells(init: ts.ForInitializer | undefined): void {
    if (!this.current || !init || !ts.isVariableDeclarationList(init)) return;
    for (const d of init.declarations) {
      if (!this.ctx.needsCell(d)) continue;
      const old = this.emit("cell_get", [this.env.get(d)!], d, localName(d));
      this.env.set(d, this.emit("cell_new", [old], d, `${localName(d)}_cell`));
    }
  }

  /** A closure value: the function of `node` with the current values (or cells) of what it captures. */
  private closure(node: ClosureNode): Value {
    const desc = this.ctx.closureFor(node, this.desc);
    const captured = desc.captures!.map((k) => {
      const v = this.env.get(k);
      if (!v) return reject(node, `a closure that uses '${k === THIS_KEY ? "this" : localName(k)}' where it is not available`);
      return v;
    });
    return this.emit("make_closure", [new Constant(desc), ...captured], node, "closure");
  }

  private ifStatement(s: ts.IfStatement): void {
    const cond = this.condition(s.expression);
    const thenJ = this.newJoin();
    const elseJ = this.newJoin();
    const after = this.newJoin();
    this.branch(cond, thenJ, elseJ);
    this.enter(thenJ);
    this.narrow(s.expression, true);
    this.statement(s.thenStatement);
    this.jump(after);
    this.enter(elseJ);
    this.narrow(s.expression, false);
    if (s.elseStatement) this.statement(s.elseStatement);
    this.jump(after);
    this.enter(after);
  }

  /** Runs `body` as a loop body with break/continue targets. */
  private loopBody(label: string | null, breakTo: Join, continueTo: Join, body: ts.Statement): void {
    this.loops.push({ kind: "loop", label, breakTo, continueTo, tryDepth: this.tryFrames.length });
    this.statement(body);
    this.loops.pop();
  }

  private whileStatement(s: ts.WhileStatement, label: string | null): void {
    const after = this.newJoin();
    const head = this.newJoin();
    this.jump(head);
    this.enter(head);
    const cond = this.condition(s.expression);
    const body = this.newJoin();
    this.branch(cond, body, after);
    this.enter(body);
    this.narrow(s.expression, true);
    this.loopBody(label, after, head, s.statement);
    this.jump(head);
    this.enter(after);
  }

  private doStatement(s: ts.DoStatement, label: string | null): void {
    const after = this.newJoin();
    const head = this.newJoin();
    const test = this.newJoin();
    this.jump(head);
    this.enter(head);
    this.loopBody(label, after, test, s.statement);
    this.jump(test);
    this.enter(test);
    if (this.current) this.branch(this.condition(s.expression), head, after);
    this.enter(after);
  }

  private forStatement(s: ts.ForStatement, label: string | null): void {
    const outer = new Set(this.env.keys());
    const after = this.newJoin();
    if (s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) this.variableList(s.initializer);
      else this.expr(s.initializer, true);
    }
    this.freshIterationCells(s.initializer);
    const head = this.newJoin();
    const update = this.newJoin();
    this.jump(head);
    this.enter(head);
    const body = this.newJoin();
    this.branch(s.condition ? this.condition(s.condition) : new Constant(true), body, after);
    this.enter(body);
    this.loopBody(label, after, update, s.statement);
    this.jump(update);
    this.enter(update);
    this.freshIterationCells(s.initializer);
    if (this.current && s.incrementor) this.expr(s.incrementor, true);
    this.jump(head);
    this.enter(after);
    for (const k of [...this.env.keys()]) if (!outer.has(k)) this.env.delete(k);
  }

  /** `for (const x of arr)` becomes an index loop over the array's current length. */
  private forOfStatement(s: ts.ForOfStatement, label: string | null): void {
    if (s.awaitModifier) reject(s);
    const init = s.initializer;
    const iteration = iterationOf(this.ctx.checker, s.expression, (x) => this.typeOf(x));
    if (iteration && ts.isVariableDeclarationList(init) && init.declarations.length === 1) {
      return this.forOfCollection(s, init.declarations[0], iteration, label);
    }
    if (!ts.isVariableDeclarationList(init) || init.declarations.length !== 1 || !ts.isIdentifier(init.declarations[0].name)) {
      return reject(init, "for-of over anything but a single `const x` / `let x` declaration");
    }
    const decl = init.declarations[0];
    const iterated = this.typeOf(s.expression);
    if (iterated.flags & ts.TypeFlags.StringLike) {
      return reject(s.expression, "for-of over a string (it iterates code points, RTS strings are UTF-16 code units)");
    }
    const arr = this.expr(s.expression);
    const after = this.newJoin();
    // Hidden loop state lives in the env under synthetic keys: the iterated array and the index.
    const arrKey = s.expression;
    const idxKey = s;
    this.env.set(arrKey, arr);
    this.env.set(idxKey, new Constant(0));
    const head = this.newJoin();
    const update = this.newJoin();
    this.jump(head);
    this.enter(head);
    const len = this.emit("getattr", [this.env.get(arrKey)!, new Constant("length")], s.expression, "len");
    const more = this.emit("lt", [this.env.get(idxKey)!, len], s, "more");
    const body = this.newJoin();
    this.branch(more, body, after);
    this.enter(body);
    this.declare(decl, this.emit("getitem", [this.env.get(arrKey)!, this.env.get(idxKey)!], decl, decl.name.getText()));
    this.loopBody(label, after, update, s.statement);
    this.jump(update);
    this.enter(update);
    if (this.current) this.env.set(idxKey, this.emit("add", [this.env.get(idxKey)!, new Constant(1)], s, "i"));
    this.jump(head);
    this.enter(after);
    this.env.delete(arrKey);
    this.env.delete(idxKey);
  }

  /** `for (const [k, v] of m)` (or over `m.keys()`, a Set...): an rlib iterator object, whose
   *  `advance()` moves to the next live entry (seeing the insertions and deletions the loop
   *  body makes, as JS's iterators do). */
  private forOfCollection(s: ts.ForOfStatement, decl: ts.VariableDeclaration, it: Iteration, label: string | null): void {
    const targets = loopTargets(decl, it);
    this.iterate(it, s, (iter, after, head) => {
      const parts = it.yields === "entries" ? ["key", "value"] : [it.yields === "keys" ? "key" : "value"];
      parts.forEach((part, i) => {
        const target = targets[i];
        if (target) this.env.set(target, this.emit("call_method", [iter(), new Constant(part)], target, target.name.getText()));
      });
      this.loopBody(label, after, head, s.statement);
    });
  }

  /** A loop over a collection's iterator (the hidden local keyed by `at`); `body` reads the
   *  current entry through `iter()` and may break to `after` or continue at `head`. */
  private iterate(it: Iteration, at: ts.Node, body: (iter: () => Value, after: Join, head: Join) => void): void {
    this.env.set(at, this.emit("call_method", [this.expr(it.collection), new Constant("iter")], it.collection, "iter"));
    const iter = () => this.env.get(at)!;
    const after = this.newJoin();
    const head = this.newJoin();
    this.jump(head);
    this.enter(head);
    const more = this.emit("call_method", [iter(), new Constant("advance")], at, "more");
    const bodyJ = this.newJoin();
    this.branch(more, bodyJ, after);
    this.enter(bodyJ);
    body(iter, after, head);
    this.jump(head);
    this.enter(after);
    this.env.delete(at);
  }

  /** `Array.from(m.keys())`, `Array.from(s)`...: a new array filled by iterating. */
  private arrayFrom(it: Iteration, e: ts.CallExpression): Value {
    if (it.yields === "entries") return reject(e, "Array.from of a Map's entries (RTS has no tuples)");
    const list = e; // hidden local: the array being filled
    this.env.set(list, this.emit("newlist", [], e, "list"));
    this.iterate(it, e.arguments[0], (iter) => {
      const x = this.emit("call_method", [iter(), new Constant(it.yields === "keys" ? "key" : "value")], e, "x");
      this.emit("call_method", [this.env.get(list)!, new Constant("push"), x], e);
    });
    const r = this.env.get(list)!;
    this.env.delete(list);
    return r;
  }

  /** `switch`: the cases are tested with === in order; bodies fall through into the next.
   *  (transform/switches.ts turns a dense integer switch into one br_table.) */
  private switchStatement(s: ts.SwitchStatement, label: string | null): void {
    const v = this.expr(s.expression);
    const scrutinee = s.expression; // hidden local: the value switched on
    this.env.set(scrutinee, v);
    const after = this.newJoin();
    const clauses = s.caseBlock.clauses;
    const bodies = clauses.map(() => this.newJoin());
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i];
      if (!ts.isCaseClause(c)) continue;
      const caseValue = this.expr(c.expression);
      const next = this.newJoin();
      this.branch(this.emit("eq", [this.env.get(scrutinee)!, caseValue], c.expression, "match"), bodies[i], next);
      this.enter(next);
    }
    const defaultIndex = clauses.findIndex((c) => ts.isDefaultClause(c));
    this.jump(defaultIndex >= 0 ? bodies[defaultIndex] : after);
    this.loops.push({ kind: "switch", label, breakTo: after, continueTo: null, tryDepth: this.tryFrames.length });
    for (let i = 0; i < clauses.length; i++) {
      const fallthrough = this.current;
      if (fallthrough) this.jump(bodies[i]);
      this.enter(bodies[i]);
      this.statements(clauses[i].statements);
    }
    this.loops.pop();
    this.jump(after);
    this.enter(after);
    this.env.delete(scrutinee);
  }

  private labeledBlock(label: string, b: ts.Block): void {
    const after = this.newJoin();
    this.loops.push({ kind: "block", label, breakTo: after, continueTo: null, tryDepth: this.tryFrames.length });
    this.statements(b.statements);
    this.loops.pop();
    this.jump(after);
    this.enter(after);
  }

  private breakOrContinue(s: ts.BreakOrContinueStatement): void {
    const isBreak = s.kind === ts.SyntaxKind.BreakStatement;
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i];
      const matches = s.label ? l.label === s.label.text : isBreak ? l.kind !== "block" : l.kind === "loop";
      if (matches) {
        const target = isBreak ? l.breakTo : l.continueTo;
        if (!target) break;
        this.runFinalizers(l.tryDepth);
        return this.jump(target);
      }
    }
    throw new RtsError(locOfNode(s), "this break/continue has no enclosing loop it can target");
  }

  /** Where `cond` is known to be `whenTrue`, a local tested with `instanceof C` is a C
   *  (TypeScript's narrowing): the local is replaced by an unchecked downcast. */
  private narrow(cond: ts.Expression, whenTrue: boolean): void {
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
        const r = this.resolveName(c.right);
        if (key && r.kind === "class" && !this.ctx.needsCell(key)) {
          this.env.set(key, this.emit("downcast", [this.env.get(key)!, new Constant(r.desc), new Constant(false)], c, "narrowed"));
        }
      }
    }
  }

  /** The key of a local of this function named by `id`, or null. */
  private localKey(id: ts.Identifier): LocalKey | null {
    const decl = symbolOf(this.ctx.checker, id)?.valueDeclaration;
    return decl && this.env.has(decl) ? decl : null;
  }

  // ---- expressions --------------------------------------------------------------------

  /** Evaluates in order; earlier results ride on the stack so later control flow renames them. */
  private evalSeq(parts: (() => Value)[]): Value[] {
    const base = this.stack.length;
    for (const p of parts) {
      const v = p(); // may replace this.stack (entering a join): read it only afterwards
      this.stack.push(v);
    }
    return this.stack.splice(base);
  }

  private exprs(es: readonly ts.Expression[]): Value[] {
    return this.evalSeq(es.map((e) => () => this.expr(e)));
  }

  /** A condition as a boolean value (numbers, strings and objects are tested for truthiness).
   *  `a && b` / `a || b` here only need truthiness, so their operands may differ in type. */
  private condition(e: ts.Expression): Value {
    const inner = skipParens(e);
    if (ts.isBinaryExpression(inner)) {
      const op = inner.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return this.shortCircuit(inner, true);
    }
    return this.truthiness(this.expr(e), e);
  }

  /** A value as a boolean (a boolean constant stays one, so that its branch folds). */
  private truthiness(v: Value, at: ts.Node): Value {
    if (v instanceof Constant && typeof v.value === "boolean") return v;
    return this.emit("bool", [v], at, "c");
  }

  /** `discard` marks expression statements, where `x++` need not keep the old value. */
  expr(e: ts.Expression, discard = false): Value {
    const substituted = this.chainBases.get(e);
    if (substituted) return substituted;
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
      case ts.SyntaxKind.ElementAccessExpression: {
        const ea = e as ts.ElementAccessExpression;
        return this.emit("getitem", this.exprs([ea.expression, ea.argumentExpression]), e);
      }
      case ts.SyntaxKind.ArrayLiteralExpression: {
        const elements = (e as ts.ArrayLiteralExpression).elements;
        for (const x of elements) if (ts.isSpreadElement(x) || ts.isOmittedExpression(x)) reject(x);
        return this.emit("newlist", this.exprs(elements), e, "list");
      }
      default:
        return reject(e);
    }
  }

  private identifier(id: ts.Identifier): Value {
    return this.asValue(this.resolveName(id), id);
  }

  /** A resolved name used as a value: functions become closures (nothing captured). */
  private asValue(r: Resolved, at: ts.Node): Value {
    switch (r.kind) {
      case "value":
        return r.value;
      case "function":
        return this.emit("make_closure", [new Constant(this.ctx.functionValue(r.desc))], at, "closure");
      case "closure":
        return this.emit("make_closure", [new Constant(r.desc)], at, "closure");
      default:
        return reject(at, "a class, module or built-in function used as a value");
    }
  }

  /** A name: a local of this function, or something the context resolves. */
  private resolveName(id: ts.Identifier): Resolved {
    if (id.text === "undefined") return { kind: "value", value: new Constant(undefined) };
    if (id.text === "arguments") reject(id, "the `arguments` object");
    const sym = symbolOf(this.ctx.checker, id);
    if (!sym) throw new RtsError(locOfNode(id), `cannot resolve '${id.text}'`);
    const decl = sym.valueDeclaration ?? sym.declarations?.[0];
    if (decl && this.env.has(decl)) {
      const v = this.env.get(decl)!;
      return { kind: "value", value: this.ctx.needsCell(decl) ? this.emit("cell_get", [v], id, id.text) : v };
    }
    if (decl && (ts.isParameter(decl) || (ts.isVariableDeclaration(decl) && !isModuleLevel(decl)))) {
      reject(id, "a closure: this function uses a local variable of an enclosing function");
    }
    return this.ctx.resolveSymbol(sym, id);
  }

  /** `x as C` for a class C is a checked downcast; other assertions change nothing. */
  private asExpression(e: ts.AsExpression): Value {
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

  private template(t: ts.TemplateExpression): Value {
    let acc: Value = new Constant(t.head.text);
    for (const span of t.templateSpans) {
      const [prefix, v] = this.evalSeq([() => acc, () => this.emit("str", [this.expr(span.expression)], span.expression, "s")]);
      acc = this.emit("add", [prefix, v], span.expression, "s");
      if (span.literal.text !== "") acc = this.emit("add", [acc, new Constant(span.literal.text)], span, "s");
    }
    return acc;
  }

  private binary(e: ts.BinaryExpression): Value {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) return this.assign(e.left, () => this.expr(e.right), false);
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
      const r = ts.isIdentifier(e.right) ? this.resolveName(e.right) : null;
      if (r?.kind === "generic class") return reject(e.right, "instanceof with a generic class");
      if (!r || r.kind !== "class") return reject(e.right, "instanceof with anything but a class name on the right");
      return this.emit("instanceof", [this.expr(e.left), new Constant(r.desc)], e, "is");
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

  private samePrimitiveType(a: ts.Expression, b: ts.Expression): boolean {
    const flags = (x: ts.Expression) => this.ctx.checker.getBaseTypeOfLiteralType(this.typeOf(x)).flags;
    const prim = ts.TypeFlags.Number | ts.TypeFlags.String | ts.TypeFlags.Boolean;
    const fa = flags(a) & prim;
    return fa !== 0 && fa === (flags(b) & prim);
  }

  /** `m.get(k)` (parentheses aside) on a Map of numbers or booleans, else null. */
  private primitiveMapGet(e: ts.Expression): ts.CallExpression | null {
    return mapGetOfPrimitive(this.ctx.checker, skipParens(e), (x) => this.typeOf(x), (t) => concreteType(t, this.desc.typeEnv).type);
  }

  /** `m.get(k) ?? d` on a Map of numbers or booleans: `getOr` when `d` is a constant, else
   *  `m.has(k) ? m.get(k)! : d` (d is evaluated only for a missing key, as in JS). */
  private mapGetOr(get: ts.CallExpression, e: ts.BinaryExpression): Value {
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
  private nullish(e: ts.BinaryExpression): Value {
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
  private shortCircuit(e: ts.BinaryExpression, asCondition: boolean): Value {
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

  /** Enters a join carrying one result value; in dead code the value is never used. */
  private enterWithResult(join: Join, at: ts.Node): Value {
    const [r] = this.enter(join);
    if (!r) throw new RtsError(locOfNode(at), "expression with no reachable result");
    return r;
  }

  private conditional(e: ts.ConditionalExpression): Value {
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

  private prefix(e: ts.PrefixUnaryExpression): Value {
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

  private postfix(e: ts.PostfixUnaryExpression, discard: boolean): Value {
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
  private assign(target: ts.Expression, compute: (old: Value | null) => Value, readOld = true): Value {
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
    if (ts.isPropertyAccessExpression(t)) {
      // A field, or a property with a setter (and a getter for compound assignments).
      const accessor = this.isAccessor(t.name, ts.SymbolFlags.SetAccessor);
      const read = (obj: Value) =>
        accessor
          ? this.emit("call_method", [obj, new Constant(`get ${t.name.text}`)], t)
          : this.emit("getattr", [obj, new Constant(t.name.text)], t);
      const [obj, v] = this.evalSeq([
        () => this.expr(t.expression),
        () => compute(readOld ? read(this.stack[this.stack.length - 1]) : null),
      ]);
      if (accessor) this.emit("call_method", [obj, new Constant(`set ${t.name.text}`), v], t);
      else this.emit("setattr", [obj, new Constant(t.name.text), v], t);
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

  private propertyAccess(e: ts.PropertyAccessExpression): Value {
    if (e.expression.kind === ts.SyntaxKind.SuperKeyword) {
      // super.x reads a base class getter (fields are on `this`, methods are only called).
      const getter = this.desc.cls?.base?.findMethod(`get ${e.name.text}`);
      if (!getter) return reject(e, "super.x that is not a getter of a base class");
      return this.emit("simple_call", [new Constant(getter), this.env.get(THIS_KEY)!], e);
    }
    const r = this.resolveMember(e);
    if (r) return this.asValue(r, e);
    const member = this.ctx.checker.getSymbolAtLocation(e.name);
    if (member && member.flags & ts.SymbolFlags.Method) return reject(e, "a method used as a value (a method reference)");
    const read = (obj: Value) =>
      this.isAccessor(e.name, ts.SymbolFlags.GetAccessor)
        ? this.emit("call_method", [obj, new Constant(`get ${e.name.text}`)], e)
        : this.emit("getattr", [obj, new Constant(e.name.text)], e);
    return read(this.expr(e.expression));
  }

  /** The `?.` links being built, and the value their base evaluated to. */
  private guardedLinks = new Set<ts.Node>();
  private chainBases = new Map<ts.Node, Value>();

  /** `a?.b.c(...)`: the whole rest of the chain after the rightmost unguarded `?.` runs only
   *  when its base is not null or undefined; otherwise the expression is undefined (JS's
   *  short-circuit). Earlier `?.` links are handled while evaluating that base. */
  private optionalChainAround(e: ts.Expression): Value | null {
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
  private optionalChain(obj: Value, use: (obj: Value) => Value, at: ts.Node): Value {
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
  private isAccessor(name: ts.Node, flag: ts.SymbolFlags): boolean {
    const sym = this.ctx.checker.getSymbolAtLocation(name);
    return !!sym && (sym.flags & flag) !== 0;
  }

  /** `ns.f` for a namespace import, `String.fromCharCode`, `Number.NaN`...; null for a field access. */
  private resolveMember(e: ts.PropertyAccessExpression): Resolved | null {
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

  private call(e: ts.CallExpression): Value {
    const callee = skipParens(e.expression);
    if (callee.kind === ts.SyntaxKind.SuperKeyword) return this.superCall(e);
    if (ts.isIdentifier(callee)) {
      return this.callResolved(this.resolveName(callee), e, callee);
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
        const m = base?.findMethod(callee.name.text);
        if (!m) return reject(callee, "super.method() with no such method in a base class");
        const args = this.callArgs(this.ctx.defaultsOf(m), e);
        return this.emit("simple_call", [new Constant(m), this.env.get(THIS_KEY)!, ...args], e);
      }
      if (this.isJitMarker(callee)) return this.jitMarker(e, callee);
      const r = this.resolveMember(callee);
      if (r) return this.callResolved(r, e, callee);
      if (this.primitiveMapGet(e)) {
        return reject(e, "Map.get of a number or boolean value without `!` or `??` (RTS numbers cannot be undefined)");
      }
      const receiver = this.typeOf(callee.expression);
      checkCollectionCall(this.ctx.checker, e, receiver);
      const lib = this.ctx.libraryMethod(receiver, callee.name.text, e.arguments.length);
      if (lib) {
        const [obj, ...args] = this.evalSeq([() => this.expr(callee.expression), ...e.arguments.map((a) => () => this.expr(a))]);
        return this.emit("simple_call", [new Constant(lib), obj, ...args], e);
      }
      const invoke = (obj: Value) => {
        this.stack.push(obj);
        const args = this.callArgs(this.methodDefaults(callee), e);
        return this.emit("call_method", [this.stack.pop()!, new Constant(callee.name.text), ...args], e);
      };
      return invoke(this.expr(callee.expression));
    }
    return this.callValue(() => this.expr(callee), e);
  }

  /** Whether `o.f` names a field (of a function type) rather than a method. */
  private isFunctionField(callee: ts.PropertyAccessExpression): boolean {
    if (this.resolveMember(callee)) return false;
    const sym = this.ctx.checker.getSymbolAtLocation(callee.name);
    return !!sym && (sym.flags & ts.SymbolFlags.Property) !== 0;
  }

  /** A call through a function value (a closure): `call_value(f, ...args)`. */
  private callValue(callee: () => Value, e: ts.CallExpression): Value {
    for (const a of e.arguments) if (ts.isSpreadElement(a)) reject(a, "spread arguments");
    const [f, ...args] = this.evalSeq([callee, ...e.arguments.map((a) => () => this.expr(a))]);
    return this.emit("call_value", [f, ...args], e);
  }

  private isJitMarker(callee: ts.PropertyAccessExpression): boolean {
    const decl = this.ctx.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
    return !!decl && ts.isMethodDeclaration(decl) && isJitModuleDecl(decl);
  }

  /** `driver.jitMergePoint({...})` / `driver.canEnterJit({...})`: an operation on the
   *  driver's greens then reds (see jithints.ts for the rules checked here). */
  private jitMarker(e: ts.CallExpression, callee: ts.PropertyAccessExpression): Value {
    const method = callee.name.text;
    const driver = this.ctx.jitDriver(callee.expression);
    const operands = markerOperands(driver, e, method);
    const loop = markerLoop(e, method);
    if (method === "jitMergePoint") checkGreenAssignments(this.ctx.checker, driver, loop, operands, (c) => this.ctx.isElidableCall(c));
    const args = this.evalSeq(operands.map((x) => () => this.expr(x)));
    this.emit(method === "jitMergePoint" ? "jit_merge_point" : "can_enter_jit", [new Constant(driver), ...args], e);
    return new Constant(undefined);
  }

  /** The call's arguments, then the default values of the parameters it leaves out
   *  (evaluated at the call, which the frontend allows only for defaults that use no other
   *  parameter; an omitted optional parameter is undefined). */
  private callArgs(defaults: (ts.Expression | null)[], call: ts.CallExpression | ts.NewExpression): Value[] {
    const given = call.arguments ?? [];
    for (const a of given) if (ts.isSpreadElement(a)) reject(a, "spread arguments");
    const parts = given.map((a) => () => this.expr(a));
    for (let i = given.length; i < defaults.length; i++) {
      const d = defaults[i];
      parts.push(() => (d ? this.expr(d) : new Constant(undefined)));
    }
    return this.evalSeq(parts);
  }

  /** The defaults of the method a call names, from its statically known declaration. */
  private methodDefaults(callee: ts.PropertyAccessExpression): (ts.Expression | null)[] {
    const decl = this.ctx.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
    if (!decl || !ts.isMethodDeclaration(decl)) return [];
    return decl.parameters.map((p) => p.initializer ?? null);
  }

  private callResolved(r: Resolved, e: ts.CallExpression, callee: ts.Node): Value {
    switch (r.kind) {
      case "generic function": {
        const sig = this.ctx.checker.getResolvedSignature(e);
        const types = (sig && this.ctx.checker.getTypeArgumentsForResolvedSignature(sig)) ?? [];
        return this.callResolved({ kind: "function", desc: this.ctx.functionFor(r.decl, this.typeArgs(types)) }, e, callee);
      }
      case "function":
        return this.emit("simple_call", [new Constant(r.desc), ...this.callArgs(this.ctx.defaultsOf(r.desc), e)], e);
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
  private callConversion(name: string, e: ts.CallExpression): Value {
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
  private superCall(e: ts.CallExpression): Value {
    const base = this.desc.cls?.base;
    if (!this.desc.isConstructor || !base) return reject(e, "super(...) outside a derived class constructor");
    const args = this.callArgs(this.ctx.defaultsOf(base.ctor), e);
    this.emit("simple_call", [new Constant(base.ctor), this.env.get(THIS_KEY)!, ...args], e);
    this.fieldInitializers?.();
    return new Constant(undefined);
  }

  private newExpr(e: ts.NewExpression): Value {
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
        const args = this.callArgs(this.ctx.defaultsOf(r.desc.ctor), e);
        return this.emit("new", [new Constant(r.desc), ...args], e, "obj");
      }
    }
    return reject(e, "`new` of something other than a class or a typed array");
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

/** A link of a property/element/call chain (where `?.` may appear). */
function isChainLink(e: ts.Node): boolean {
  return ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e) || ts.isNonNullExpression(e);
}

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** The object of a method call `o.m(...)`. */
function receiverOf(call: ts.CallExpression): ts.Expression {
  return (call.expression as ts.PropertyAccessExpression).expression;
}

function isNullish(e: ts.Expression): boolean {
  const x = skipParens(e);
  return x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");
}

export function isModuleLevel(decl: ts.Node): boolean {
  for (let p = decl.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassLike(p)) return false;
    if (ts.isSourceFile(p)) return true;
  }
  return true;
}

/** A symbol declared only in .d.ts files (String, Number, console...). */
export function isGlobalLib(sym: ts.Symbol): boolean {
  const decls = sym.declarations ?? [];
  return decls.length > 0 && decls.every((d) => d.getSourceFile().isDeclarationFile);
}

function isGlobalName(checker: ts.TypeChecker, id: ts.Identifier): boolean {
  const sym = checker.getSymbolAtLocation(id);
  return !!sym && isGlobalLib(sym);
}
