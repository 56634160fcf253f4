// The JIT hints of rlib/jit.ts as the frontend sees them. A JitDriver is a module-level
// constant; `driver.jitMergePoint({...})` and `driver.canEnterJit({...})` become the
// operations jit_merge_point / can_enter_jit whose operands are the driver's greens, then
// its reds; `promote(x)` becomes jit_promote; `elidable(f)` & co. at module level mark f.
// The rules RPython checks when it builds the JIT are checked here, where the source is at
// hand, so that a wrong hint is a diagnostic and never a miscompiled trace:
//   - the markers sit inside a loop, jitMergePoint first in the loop body;
//   - the object literal names every green and red, each bound to a variable;
//   - a green is never assigned a value computed from reds (a trace treats greens as
//     constants; a green that depends on reds must be promote()d);
//   - every variable live at the merge point is a green or a red (checked on the graph).
import * as path from "node:path";
import { ts } from "ts-morph";
import { Block, Graph, Operation, Variable } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { RLIB_DIR } from "../paths.ts";
import { locOfNode, symbolOf } from "./loc.ts";
import { JitDriverDesc, JitHint } from "./program.ts";

export const JIT_MODULE = path.join(RLIB_DIR, "jit.ts");
export const MARKER_OPS = new Set(["jit_merge_point", "can_enter_jit"]);
const FUNCTION_HINTS = new Set<string>(["elidable", "unrollSafe", "dontLookInside"]);

export function isJitModuleDecl(decl: ts.Node): boolean {
  return path.resolve(decl.getSourceFile().fileName) === JIT_MODULE;
}

export function fail(node: ts.Node, msg: string, hint: string): never {
  throw new RtsError(locOfNode(node), msg, hint);
}

/** The calls of rlib/jit.ts functions that are statements at the top of the program's
 *  modules (the hints about functions and classes), with the function's name. */
export function moduleLevelHints(files: readonly ts.SourceFile[], checker: ts.TypeChecker): { call: ts.CallExpression; name: string }[] {
  const out: { call: ts.CallExpression; name: string }[] = [];
  for (const sf of files) {
    for (const st of sf.statements) {
      if (!ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) continue;
      const fn = symbolOf(checker, st.expression.expression)?.valueDeclaration;
      if (fn && isJitModuleDecl(fn) && ts.isFunctionDeclaration(fn)) out.push({ call: st.expression, name: fn.name!.text });
    }
  }
  return out;
}

/** The function a hint names: `f`, `C.m` (static) or `C.prototype.m`. */
function hintedFunction(checker: ts.TypeChecker, arg: ts.Expression): ts.Node | null {
  const decl = symbolOf(checker, ts.isPropertyAccessExpression(arg) ? arg.name : arg)?.valueDeclaration;
  if (decl && (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) && decl.body) return decl;
  return null;
}

/** `elidable(f)`, `unrollSafe(f)`, `dontLookInside(f)` statements at the top of the program's
 *  modules: the hints of each function declaration they name. */
export function collectFunctionHints(files: readonly ts.SourceFile[], checker: ts.TypeChecker): Map<ts.Node, Set<JitHint>> {
  const hints = new Map<ts.Node, Set<JitHint>>();
  for (const { call, name } of moduleLevelHints(files, checker)) {
    if (!FUNCTION_HINTS.has(name)) continue;
    const target = call.arguments.length === 1 ? hintedFunction(checker, call.arguments[0]) : null;
    if (!target) {
      fail(call, `${name}() must name one function or method`, `write ${name}(f), ${name}(C.staticMethod) or ${name}(C.prototype.method) at module level`);
    }
    if (!hints.has(target)) hints.set(target, new Set());
    hints.get(target)!.add(name as JitHint);
  }
  return hints;
}

/** The driver's greens then reds, as the expressions a marker call binds them to. */
export function markerOperands(driver: JitDriverDesc, call: ts.CallExpression, method: string): ts.Expression[] {
  const all = [...driver.greens, ...driver.reds];
  const example = `${method}({ ${all.join(", ")} })`;
  const lit = call.arguments.length === 1 ? call.arguments[0] : null;
  if (!lit || !ts.isObjectLiteralExpression(lit)) {
    fail(call, `${method} takes one object literal naming the driver's greens and reds`, `write ${example}`);
  }
  const bound = new Map<string, ts.Expression>();
  for (const p of lit.properties) {
    let value: ts.Expression;
    let name: string;
    if (ts.isShorthandPropertyAssignment(p)) [name, value] = [p.name.text, p.name];
    else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) [name, value] = [p.name.text, p.initializer];
    else return fail(p, `${method} takes only \`name\` or \`name: variable\` entries`, `write ${example}`);
    if (!all.includes(name)) fail(p, `'${name}' is neither a green nor a red of this driver`, `the driver declares greens [${driver.greens.join(", ")}] and reds [${driver.reds.join(", ")}]`);
    if (!ts.isIdentifier(value) && value.kind !== ts.SyntaxKind.ThisKeyword) {
      fail(value, `the value of '${name}' must be a variable`, "the JIT keeps greens and reds in variables: assign the expression to a variable first");
    }
    bound.set(name, value);
  }
  const missing = all.filter((n) => !bound.has(n));
  if (missing.length > 0) fail(lit, `${method} does not name ${missing.map((n) => `'${n}'`).join(", ")}`, `name every green and red: ${example}`);
  return all.map((n) => bound.get(n)!);
}

/** The loop a marker belongs to (the innermost one around it, in the same function);
 *  jitMergePoint must be the first statement of that loop's body. */
export function markerLoop(call: ts.CallExpression, method: string): ts.IterationStatement {
  let stmt: ts.Node = call.parent;
  let loop: ts.IterationStatement | null = null;
  for (let n: ts.Node = call; n.parent; n = n.parent) {
    if (ts.isFunctionLike(n)) break;
    if (ts.isIterationStatement(n.parent, false) && (n.parent as ts.IterationStatement).statement === n) {
      loop = n.parent as ts.IterationStatement;
      break;
    }
  }
  if (!loop) fail(call, `${method} outside a loop`, "a JitDriver marks the interpreter's dispatch loop: call it inside that loop");
  if (method === "jitMergePoint") {
    const body = loop.statement;
    const first = ts.isBlock(body) ? body.statements[0] : body;
    if (!ts.isExpressionStatement(stmt) || first !== stmt) {
      fail(call, "jitMergePoint must be the first statement of the loop body", "move it to the top of the dispatch loop's body: the merge point is where one guest instruction starts");
    }
  }
  return loop;
}

/** A trace treats greens as constants: a green must not be assigned, inside the loop, a
 *  value that depends on a red, on `this` or on the result of a call the JIT cannot fold. */
export function checkGreenAssignments(
  checker: ts.TypeChecker,
  driver: JitDriverDesc,
  loop: ts.IterationStatement,
  operands: ts.Expression[],
  isElidable: (call: ts.CallExpression) => boolean,
): void {
  const declOf = (n: ts.Node): ts.Node | null => symbolOf(checker, n)?.valueDeclaration ?? null;
  const greens = new Map<ts.Node, string>();
  const tainted = new Set<ts.Node>();
  operands.forEach((e, i) => {
    const d = declOf(e);
    if (!d) return;
    if (i < driver.greens.length) greens.set(d, driver.greens[i]);
    else tainted.add(d);
  });
  // Every assignment in the loop: the variable's declaration and the assigned expression.
  const assignments: { target: ts.Node; value: ts.Expression; at: ts.Node }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer) assignments.push({ target: n, value: n.initializer, at: n });
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const d = ts.isIdentifier(n.left) ? declOf(n.left) : null;
      if (d) assignments.push({ target: d, value: n.right, at: n });
    }
    ts.forEachChild(n, visit);
  };
  visit(loop.statement);
  const dependsOnReds = (e: ts.Node): boolean => {
    if (ts.isIdentifier(e)) {
      const d = declOf(e);
      return !!d && tainted.has(d);
    }
    if (e.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (ts.isCallExpression(e)) {
      const callee = symbolOf(checker, ts.isPropertyAccessExpression(e.expression) ? e.expression.name : e.expression)?.valueDeclaration;
      if (callee && isJitModuleDecl(callee)) return false; // promote(x) is a constant in a trace
      if (!isElidable(e)) return true;
    }
    return !!ts.forEachChild(e, (c) => dependsOnReds(c) || undefined);
  };
  // Locals assigned from reds are red too: propagate to a fixpoint.
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of assignments) {
      if (tainted.has(a.target) || greens.has(a.target) || !dependsOnReds(a.value)) continue;
      tainted.add(a.target);
      changed = true;
    }
  }
  for (const a of assignments) {
    const green = greens.get(a.target);
    if (green !== undefined && dependsOnReds(a.value)) {
      fail(a.at, `the green '${green}' is assigned a value that depends on the reds`,
        `greens are constants in a trace and must be computed from greens (and elidable calls): write promote(...) around the value, or make '${green}' a red`);
    }
  }
}

/** Every variable live after a merge point must be one of its operands (a green or a red):
 *  the JIT rebuilds the interpreter's state from them when it leaves a trace. */
export function checkMergePointLiveness(g: Graph): void {
  const markers: [Block, number][] = [];
  for (const b of g.blocks()) b.operations.forEach((op, i) => op.opname === "jit_merge_point" && markers.push([b, i]));
  if (markers.length === 0) return;
  const liveIn = liveVariables(g);
  for (const [b, i] of markers) {
    const live = liveAfter(b, i + 1, liveIn);
    const op = b.operations[i];
    const missing = [...live].filter((v) => !op.args.includes(v));
    if (missing.length === 0) continue;
    const names = [...new Set(missing.map((v) => v.hint))];
    const driver = (op.args[0] as { value: JitDriverDesc }).value;
    throw new RtsError(op.loc,
      `${names.map((n) => `'${n}'`).join(", ")} ${names.length > 1 ? "are" : "is"} live at the merge point but ${names.length > 1 ? "are" : "is"} neither a green nor a red of driver '${driver.name}'`,
      `add ${names.map((n) => `"${n}"`).join(", ")} to the driver's reds (or greens, if constant for a given guest position) and to the merge point's object`);
  }
}

/** The variables a block's operations and exits use from position `from` on. */
function liveAfter(b: Block, from: number, liveIn: Map<Block, Set<Variable>>): Set<Variable> {
  const live = new Set<Variable>();
  for (const link of b.exits) {
    const targetLive = liveIn.get(link.target)!;
    link.args.forEach((a, k) => {
      if (a instanceof Variable && targetLive.has(link.target.inputargs[k])) live.add(a);
    });
  }
  if (b.exitswitch instanceof Variable) live.add(b.exitswitch);
  for (let k = b.operations.length - 1; k >= from; k--) {
    const op: Operation = b.operations[k];
    live.delete(op.result);
    for (const a of op.args) if (a instanceof Variable) live.add(a);
  }
  return live;
}

/** Live variables at each block's entry (a backward dataflow to a fixpoint). */
function liveVariables(g: Graph): Map<Block, Set<Variable>> {
  const blocks = g.blocks();
  const liveIn = new Map<Block, Set<Variable>>(blocks.map((b) => [b, new Set<Variable>()]));
  liveIn.set(g.returnblock, new Set(g.returnblock.inputargs));
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = blocks.length - 1; k >= 0; k--) {
      const b = blocks[k];
      if (b.isFinal) continue;
      const live = liveAfter(b, 0, liveIn);
      if (live.size !== liveIn.get(b)!.size) {
        liveIn.set(b, live);
        changed = true;
      }
    }
  }
  return liveIn;
}
