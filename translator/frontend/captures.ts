// Which locals a closure captures, and which captured locals need a cell. A local that is
// never reassigned is captured by value (copied into the closure object when the closure
// is made). A local that is assigned after its declaration, or that a closure may read
// before the declaration has run (recursion through `const f = () => f()`, closures that
// call each other), lives in a cell: a one-field GC object shared by the frame and every
// closure that captures it. Locals that no closure captures stay plain SSA values.
import { ts } from "ts-morph";
import { CaptureKey } from "./program.ts";
import { symbolOf } from "./loc.ts";
import { isModuleLevel } from "./ast.ts";
import { THIS_KEY } from "./joins.ts";

export type ClosureNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

interface LocalUse {
  captured: boolean;
  /** Assigned somewhere (not counting its declaration's initializer). */
  assigned: boolean;
  /** Used by a closure that starts before the declaration ends. */
  capturedEarly: boolean;
}

export class CaptureAnalysis {
  private capturesCache = new Map<ts.Node, CaptureKey[]>();
  /** Per function-like scope: how each local declared in it is used. */
  private usesCache = new Map<ts.Node, Map<ts.Node, LocalUse>>();

  constructor(private checker: ts.TypeChecker) {}

  /** The locals of enclosing functions (and their `this`) that `fn` uses, in order of first
   *  use (a nested function declaration's own name included, when it calls itself). */
  capturesOf(fn: ClosureNode): CaptureKey[] {
    let keys = this.capturesCache.get(fn);
    if (keys) return keys;
    const found: CaptureKey[] = [];
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.ThisKeyword && !found.includes(THIS_KEY)) found.push(THIS_KEY);
      if (ts.isIdentifier(n)) {
        const decl = this.localDeclaration(n);
        if (decl && (decl === fn || !contains(fn, decl)) && !found.includes(decl)) found.push(decl);
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn, visit);
    keys = found;
    this.capturesCache.set(fn, keys);
    return keys;
  }

  /** Whether a local (a parameter, variable or nested function declaration) lives in a cell. */
  needsCell(decl: CaptureKey): boolean {
    if (decl === THIS_KEY) return false;
    const node = decl as ts.Node;
    const scope = enclosingFunction(node);
    if (!scope) return false;
    const use = this.usesIn(scope).get(node);
    return !!use && use.captured && (use.assigned || use.capturedEarly);
  }

  private usesIn(scope: ts.Node): Map<ts.Node, LocalUse> {
    let uses = this.usesCache.get(scope);
    if (uses) return uses;
    const found = new Map<ts.Node, LocalUse>();
    uses = found;
    const visit = (n: ts.Node, closure: ts.Node | null): void => {
      if (ts.isIdentifier(n)) {
        const decl = this.localDeclaration(n);
        if (decl && enclosingFunction(decl) === scope) {
          let u = found.get(decl);
          if (!u) {
            u = { captured: false, assigned: false, capturedEarly: false };
            found.set(decl, u);
          }
          if (isAssignmentTarget(n)) u.assigned = true;
          // A nested function's name used in its own body is a capture too (recursion).
          if (closure && (closure === decl || !contains(closure, decl))) {
            u.captured = true;
            // A nested function declaration is made when its block is entered (JS hoists it).
            if (closure.pos < decl.end || ts.isFunctionDeclaration(closure)) u.capturedEarly = true;
          }
        }
      }
      const inner = closure ?? (ts.isFunctionLike(n) && n !== scope ? n : null);
      ts.forEachChild(n, (c) => visit(c, inner));
    };
    visit(scope, null);
    this.usesCache.set(scope, found);
    return found;
  }

  /** The declaration of a local variable, parameter or nested function `id` refers to. */
  private localDeclaration(id: ts.Identifier): ts.Node | null {
    // `o.x` names a field, even one declared by a constructor's parameter property.
    if (ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) return null;
    if (ts.isQualifiedName(id.parent) && id.parent.right === id) return null;
    const sym = symbolOf(this.checker, id);
    const decl = sym?.valueDeclaration;
    if (!decl) return null;
    if (ts.isParameter(decl)) return decl;
    if ((ts.isVariableDeclaration(decl) || ts.isBindingElement(decl) || ts.isFunctionDeclaration(decl)) && !isModuleLevel(decl)) return decl;
    return null;
  }
}

/** The function whose local `decl` is (for a parameter, its function). */
function enclosingFunction(decl: ts.Node): ts.Node | null {
  for (let p = decl.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return p;
  return null;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getSourceFile() === outer.getSourceFile() && inner.pos >= outer.pos && inner.end <= outer.end;
}

/** Whether `id` is assigned here: the left of an assignment or `++`/`--`, a target in a
 *  destructuring assignment's pattern, or the head of a for-of that assigns. */
function isAssignmentTarget(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  for (;;) {
    while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
    const p = n.parent;
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      return p.left === n && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
    }
    if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) {
      return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
    }
    if (ts.isForOfStatement(p)) return p.initializer === n;
    // Inside an array or object literal: a target when the outermost literal is one.
    if ((ts.isShorthandPropertyAssignment(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.initializer === n)) n = p.parent;
    else if (ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p) || ts.isSpreadAssignment(p)) n = p;
    else return false;
  }
}
