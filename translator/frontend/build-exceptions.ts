// Exceptions in flow graphs (the builder's side). Inside a try, an operation that may raise
// ends its block: the block's exitswitch is LAST_EXCEPTION, with a normal link to the rest and
// an exception link to the handler (a catch clause, or the exception path of a finally block).
// The builder records those operations while it builds, and splitAtRaisingOps cuts the blocks
// afterwards, so the expression builders never see a block end in the middle of an expression.
// Outside a try nothing is marked: the exception transform (translator/transform/exceptions.ts)
// makes every call that can raise return early when an exception is pending.
import { ts } from "ts-morph";
import { Block, Graph, LAST_EXCEPTION, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { Join } from "./joins.ts";

export interface TryFrame {
  /** Where exceptions raised inside the frame go. */
  handler: Join;
  /** A finally block runs whenever control leaves the frame; null for a catch clause. */
  finalizer: ts.Block | null;
}

/** High-level operations that may raise: calls, and the property and element accesses that
 *  raise a TypeError on null or undefined. Which ones really can is known after annotation;
 *  the exception transform drops the handler links of the others. */
export const MAY_RAISE = new Set(["simple_call", "call_method", "call_value", "new", "getattr", "setattr", "getitem", "setitem"]);

/** `throw e` of the unmodified variable of an enclosing catch clause. */
export function isRethrow(checker: ts.TypeChecker, s: ts.ThrowStatement): boolean {
  let e: ts.Expression = s.expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isIdentifier(e)) return false;
  const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isCatchClause(decl.parent)) return false;
  let assigned = false;
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left)) {
      if (checker.getSymbolAtLocation(n.left)?.valueDeclaration === decl) assigned = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(decl.parent.block);
  return !assigned;
}

/** Ends each block after every operation in `raising` (block-local form is kept: the rest of
 *  the block becomes a new block that receives the values it uses). */
export function splitAtRaisingOps(g: Graph, raising: Map<Operation, Link>): void {
  if (raising.size === 0) return;
  // A handler is only reachable through the exception links this attaches (a catch after a
  // try block that never ends normally): walk the graph again until nothing new appears.
  const seen = new Set<Block>();
  for (let fresh = g.blocks(); fresh.length > 0; fresh = g.blocks().filter((b) => !seen.has(b))) {
    for (const b of fresh) {
      let block = b;
      seen.add(block);
      for (;;) {
        const i = block.operations.findIndex((op, k) => raising.has(op) && !(k === block.operations.length - 1 && block.exitswitch === LAST_EXCEPTION));
        if (i < 0) break;
        block = splitAfter(block, i, raising);
        seen.add(block);
      }
    }
  }
}

function splitAfter(block: Block, i: number, raising: Map<Operation, Link>): Block {
  const excLink = raising.get(block.operations[i])!;
  const rest = block.operations.splice(i + 1);
  const defined = new Set<Variable>([...block.inputargs, ...block.operations.map((op) => op.result)]);
  const used: Variable[] = [];
  const subst = new Map<Variable, Variable>();
  const rename = (v: Value): Value => {
    if (!(v instanceof Variable) || !defined.has(v)) return v;
    let r = subst.get(v);
    if (!r) {
      r = new Variable(v.hint);
      subst.set(v, r);
      used.push(v);
    }
    return r;
  };
  for (const op of rest) {
    op.args = op.args.map(rename);
    const later = raising.get(op); // not attached to a block yet
    if (later) later.args = later.args.map(rename);
  }
  const exitswitch = block.exitswitch === null ? null : rename(block.exitswitch);
  for (const l of block.exits) l.args = l.args.map(rename);
  const next = new Block(used.map((v) => subst.get(v)!));
  next.operations = rest;
  next.closeWith(block.exits, exitswitch);
  block.closeWith([new Link(used, next), excLink], LAST_EXCEPTION);
  return next;
}
