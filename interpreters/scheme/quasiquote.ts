// Quasiquote: the constant parts of a template are quoted data, the unquoted parts are
// evaluated, and the result is built with cons / list / append / list->vector (called as the
// primitives themselves, not through their globals, which the program may rebind).
import type { int } from "../../rlib/types.ts";
import { Value, Pair, Vector, Primitive, NIL, intern, arrayToList } from "./values.ts";
import { Scope, Emitter } from "./emitter.ts";
import * as op from "./opcodes.ts";
import { PRIM_CONS, PRIM_APPEND, PRIM_LIST } from "./lists.ts";
import { PRIM_LIST_TO_VECTOR } from "./misc.ts";
import type { Compiler } from "./compiler.ts";

const QUASIQUOTE = intern("quasiquote");
const UNQUOTE = intern("unquote");
const UNQUOTE_SPLICING = intern("unquote-splicing");

/** Quasiquoted `x` at nesting `depth`: constant parts quoted, unquotes evaluated. */
export function compileQuasiquote(c: Compiler, x: Value, depth: int, form: Value, scope: Scope, em: Emitter): void {
  if (!hasUnquote(x)) {
    em.emit1(op.CONST, em.constIndex(x));
    return;
  }
  if (x instanceof Vector) {
    compileQuasiquote(c, arrayToList(x.items, 0), depth, form, scope, em);
    emitPrimCall(PRIM_LIST_TO_VECTOR, 1, form, em);
    return;
  }
  const p = x as Pair;
  const arg = singleArgument(p);
  if ((p.car === UNQUOTE || p.car === QUASIQUOTE) && arg !== null) {
    if (p.car === UNQUOTE && depth === 1) {
      c.compile(arg, scope, em, false);
      return;
    }
    em.emit1(op.CONST, em.constIndex(p.car));
    compileQuasiquote(c, arg, p.car === UNQUOTE ? depth - 1 : depth + 1, form, scope, em);
    emitPrimCall(PRIM_LIST, 2, form, em);
    return;
  }
  const head = p.car;
  const spliced = head instanceof Pair && head.car === UNQUOTE_SPLICING ? singleArgument(head) : null;
  if (depth === 1 && spliced !== null) {
    c.compile(spliced, scope, em, false);
    compileQuasiquote(c, p.cdr, depth, form, scope, em);
    emitPrimCall(PRIM_APPEND, 2, form, em);
    return;
  }
  compileQuasiquote(c, head, depth, form, scope, em);
  compileQuasiquote(c, p.cdr, depth, form, scope, em);
  emitPrimCall(PRIM_CONS, 2, form, em);
}

/** Calls a built-in directly (not through its global, which the program may rebind). */
function emitPrimCall(prim: Primitive, argc: int, form: Value, em: Emitter): void {
  em.emit1(op.CONST, em.constIndex(prim));
  em.emit2(op.CALL, argc, em.exprIndex(form));
}

/** x of a two-element list (head x), or null. */
function singleArgument(p: Pair): Value | null {
  const rest = p.cdr;
  if (rest instanceof Pair && rest.cdr === NIL) return rest.car;
  return null;
}

/** Whether a quasiquoted datum contains an unquote anywhere (else it is a constant). */
function hasUnquote(x: Value): boolean {
  if (x instanceof Vector) {
    for (let i = 0; i < x.items.length; i++) {
      if (hasUnquote(x.items[i])) return true;
    }
    return false;
  }
  let p = x;
  while (p instanceof Pair) {
    if (p.car === UNQUOTE || p.car === UNQUOTE_SPLICING) return true;
    if (hasUnquote(p.car)) return true;
    p = p.cdr;
  }
  return false;
}
