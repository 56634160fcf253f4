// Statements: blocks and declarations, control flow (if, loops, for-of over arrays and
// collections, switch, labels, break/continue), return, throw and try.
import { ts } from "ts-morph";
import { Constant, LAST_EXCEPTION, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Join, localName } from "./joins.ts";
import { locOfNode } from "./loc.ts";
import { reject } from "./subset.ts";
import { isRethrow } from "./build-exceptions.ts";
import { collectionOf, Iteration, iterationOf } from "./collections.ts";
import { skipParens } from "./ast.ts";
import { tupleElements } from "./tuples.ts";
import { UNINITIALIZED } from "./build-context.ts";
import { AggregateBuilder, boundDeclarations } from "./build-aggregates.ts";

export abstract class StatementBuilder extends AggregateBuilder {
  protected returnValue(v: Value): void {
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
  protected throwStatement(s: ts.ThrowStatement): void {
    this.raise(this.expr(s.expression), isRethrow(this.ctx.checker, s), s);
  }

  protected raise(v: Value, rethrow: boolean, at: ts.Node): void {
    const op = new Operation("raise", [v, new Constant(rethrow)], new Variable("void"), locOfNode(at));
    this.block().operations.push(op);
    const frame = this.tryFrames[this.tryFrames.length - 1];
    this.block().closeWith([this.exceptionLink(frame ? frame.handler : null)], LAST_EXCEPTION);
    this.current = null;
  }

  protected tryStatement(s: ts.TryStatement): void {
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
  protected tryCatch(body: ts.Block, clause: ts.CatchClause): void {
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
  protected runFinalizers(depth: number): void {
    const frames = this.tryFrames;
    for (let i = frames.length - 1; i >= depth && this.current; i--) {
      const f = frames[i].finalizer;
      if (!f) continue;
      this.tryFrames = frames.slice(0, i);
      this.statements(f.statements);
    }
    this.tryFrames = frames;
  }

  // ---- statements ---------------------------------------------------------------------

  protected statements(stmts: readonly ts.Statement[]): void {
    const before = new Set(this.env.keys());
    this.hoist(stmts);
    for (const s of stmts) {
      if (!this.current) break;
      this.statement(s);
    }
    for (const k of [...this.env.keys()]) if (!before.has(k)) this.env.delete(k);
  }

  protected statement(s: ts.Statement): void {
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
  protected hoist(stmts: readonly ts.Statement[]): void {
    const functions = stmts.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s));
    const decls: ts.Node[] = [...functions];
    for (const s of stmts) if (ts.isVariableStatement(s)) decls.push(...s.declarationList.declarations.flatMap(boundDeclarations));
    for (const d of decls) if (this.ctx.needsCell(d)) this.env.set(d, this.emit("cell_new", [], d, `${localName(d)}_cell`));
    for (const f of functions) this.declare(f, this.closure(f));
  }

  protected variableList(list: ts.VariableDeclarationList): void {
    for (const d of list.declarations) {
      if (!d.initializer) {
        if (!this.ctx.needsCell(d)) this.env.set(d, new Constant(UNINITIALIZED));
        else if (!this.env.has(d)) this.env.set(d, this.emit("cell_new", [], d, `${localName(d)}_cell`));
        continue;
      }
      this.bindPattern(d.name, d, this.expr(d.initializer));
    }
  }

  /** `for (let i = ...)`: each iteration has its own `i` (closures made in one iteration
   *  keep that iteration's value): a celled loop variable gets a fresh cell holding the
   *  current value after the initializer and before each increment, as JS copies it. */
  protected freshIterationCells(init: ts.ForInitializer | undefined): void {
    if (!this.current || !init || !ts.isVariableDeclarationList(init)) return;
    for (const d of init.declarations.flatMap(boundDeclarations)) {
      if (!this.ctx.needsCell(d)) continue;
      const old = this.emit("cell_get", [this.env.get(d)!], d, localName(d));
      this.env.set(d, this.emit("cell_new", [old], d, `${localName(d)}_cell`));
    }
  }

  protected ifStatement(s: ts.IfStatement): void {
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
  protected loopBody(label: string | null, breakTo: Join, continueTo: Join, body: ts.Statement): void {
    this.loops.push({ kind: "loop", label, breakTo, continueTo, tryDepth: this.tryFrames.length });
    this.statement(body);
    this.loops.pop();
  }

  protected whileStatement(s: ts.WhileStatement, label: string | null): void {
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

  protected doStatement(s: ts.DoStatement, label: string | null): void {
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

  protected forStatement(s: ts.ForStatement, label: string | null): void {
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
  protected forOfStatement(s: ts.ForOfStatement, label: string | null): void {
    if (s.awaitModifier) reject(s);
    const init = s.initializer;
    if (ts.isVariableDeclarationList(init) && init.declarations.length !== 1) {
      return reject(init, "for-of over anything but a single `const x` / `let x` declaration (or pattern)");
    }
    // `for (const x of xs)` declares; `for (x of xs)`, `for ([a, b] of pairs)` assign.
    const head = ts.isVariableDeclarationList(init) ? init.declarations[0] : init;
    const iteration = iterationOf(this.ctx.checker, s.expression, (x) => this.typeOf(x));
    if (iteration) return this.forOfCollection(s, head, iteration, label);
    const iterated = this.typeOf(s.expression);
    if (tupleElements(this.ctx.checker, iterated, s.expression)) return reject(s.expression, "for-of over a tuple");
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
    const loopHead = this.newJoin();
    const update = this.newJoin();
    this.jump(loopHead);
    this.enter(loopHead);
    const len = this.emit("getattr", [this.env.get(arrKey)!, new Constant("length")], s.expression, "len");
    const more = this.emit("lt", [this.env.get(idxKey)!, len], s, "more");
    const body = this.newJoin();
    this.branch(more, body, after);
    this.enter(body);
    const item = this.emit("getitem", [this.env.get(arrKey)!, this.env.get(idxKey)!], head, ts.isVariableDeclaration(head) ? localName(head) : "item");
    this.bindLoopHead(head, item, this.ctx.checker.getIndexTypeOfType(iterated, ts.IndexKind.Number)!);
    this.loopBody(label, after, update, s.statement);
    this.jump(update);
    this.enter(update);
    if (this.current) this.env.set(idxKey, this.emit("add", [this.env.get(idxKey)!, new Constant(1)], s, "i"));
    this.jump(loopHead);
    this.enter(after);
    this.env.delete(arrKey);
    this.env.delete(idxKey);
  }

  /** `for (const [k, v] of m)` (or over `m.keys()`, a Set...): an rlib iterator object, whose
   *  `advance()` moves to the next live entry (seeing the insertions and deletions the loop
   *  body makes, as JS's iterators do). A destructured Map entry reads the key and the value
   *  directly; an entry kept whole is a [key, value] tuple. */
  protected forOfCollection(s: ts.ForOfStatement, head: ts.VariableDeclaration | ts.Expression, it: Iteration, label: string | null): void {
    const c = collectionOf(this.ctx.checker, this.typeOf(it.collection))!;
    this.iterate(it, s, (iter, after, loopHead) => {
      const pattern = ts.isVariableDeclaration(head) ? head.name : skipParens(head);
      if (it.yields === "entries" && (ts.isArrayBindingPattern(pattern) || ts.isArrayLiteralExpression(pattern))) {
        (pattern.elements as ts.NodeArray<ts.Node>).forEach((el, i) => {
          if (ts.isOmittedExpression(el)) return;
          const name = i === 0 ? "key" : "value";
          const part = () => this.emit("call_method", [iter(), new Constant(name)], el, ts.isBindingElement(el) ? localName(el) : name);
          if (ts.isBindingElement(el)) {
            if (el.dotDotDotToken || el.initializer || i > 1) reject(el, "a rest element, a default or a third element in a Map entry pattern");
            this.bindPattern(el.name, el, part());
          } else {
            if (ts.isSpreadElement(el) || (ts.isBinaryExpression(el) && el.operatorToken.kind === ts.SyntaxKind.EqualsToken) || i > 1) {
              reject(el, "a rest element, a default or a third element in a Map entry pattern");
            }
            this.assignTarget(el as ts.Expression, part, i === 0 ? c.key : c.value);
          }
        });
      } else {
        const entry = this.currentEntry(it, iter(), head);
        const type = it.yields === "entries" ? this.typeOf(head) : it.yields === "keys" ? c.key : c.value;
        this.bindLoopHead(head, entry, type);
      }
      this.loopBody(label, after, loopHead, s.statement);
    });
  }

  /** Gives a for-of head the current item `v` (of type `type`): a declaration binds it, an
   *  expression is assigned (JS gets the item before evaluating the target). */
  private bindLoopHead(head: ts.VariableDeclaration | ts.Expression, v: Value, type: ts.Type): void {
    if (ts.isVariableDeclaration(head)) return this.bindPattern(head.name, head, v);
    this.assignTarget(head, () => v, type);
  }

  /** A loop over a collection's iterator (the hidden local keyed by `at`); `body` reads the
   *  current entry through `iter()` and may break to `after` or continue at `head`. */
  protected iterate(it: Iteration, at: ts.Node, body: (iter: () => Value, after: Join, head: Join) => void): void {
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

  /** `switch`: the cases are tested with === in order; bodies fall through into the next.
   *  (transform/switches.ts turns a dense integer switch into one br_table.) */
  protected switchStatement(s: ts.SwitchStatement, label: string | null): void {
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

  protected labeledBlock(label: string, b: ts.Block): void {
    const after = this.newJoin();
    this.loops.push({ kind: "block", label, breakTo: after, continueTo: null, tryDepth: this.tryFrames.length });
    this.statements(b.statements);
    this.loops.pop();
    this.jump(after);
    this.enter(after);
  }

  protected breakOrContinue(s: ts.BreakOrContinueStatement): void {
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
}
