// The compiler: one top-level datum to bytecode (a Code of no parameters), each lambda in it
// to its own Code. Variables are addressed lexically, (depth, slot), except globals, which go
// through their symbol's cell. Derived forms (let*, named let, do, cond, case, quasiquote...)
// compile directly to the core instructions. A syntax error is recorded in `error` (the first
// one) and compilation goes on harmlessly; the caller checks `error` before running.
import type { int } from "../../rlib/types.ts";
import { Value, Sym, Pair, Primitive, Code, NIL, UNSPECIFIED, TRUE, FALSE, intern, listToArray } from "./values.ts";
import { toWriteString } from "./printer.ts";
import { Scope, Emitter } from "./emitter.ts";
import * as op from "./opcodes.ts";
import { PRIM_MEMV } from "./lists.ts";
import { P_APPLY } from "./misc.ts";
import { compileQuasiquote } from "./quasiquote.ts";

const DEFINE = intern("define");
const ELSE = intern("else");
const ARROW = intern("=>");
const IF = intern("if");
const BEGIN = intern("begin");

/** The arithmetic built-ins with their own two-argument instruction. */
const FAST_NAMES = ["+", "-", "*", "=", "<", ">", "<=", ">="];
const FAST_OPS = [op.ADD, op.SUB, op.MUL, op.NUM_EQ, op.LT, op.GT, op.LE, op.GE];

export class Compiler {
  /** The first syntax error, "" when none. */
  error: string = "";
  /** Library mode (for the prelude): a built-in called by name is always that built-in,
   *  whatever the program later binds to the name. */
  readonly library: boolean;
  // Where resolve() found a variable.
  private depth: int = 0;
  private slot: int = 0;

  constructor(library: boolean) {
    this.library = library;
  }

  /** Compiles a top-level form into a procedure of no arguments. */
  compileToplevel(form: Value): Code {
    const scope = new Scope(null, true);
    const em = new Emitter();
    this.compile(form, scope, em, true);
    em.emit(op.RETURN);
    return em.finish("", 0, false, scope.nslots);
  }

  private fail(message: string, form: Value): void {
    if (this.error === "") this.error = `${message}: ${toWriteString(form)}`;
  }

  /** Finds a lexical variable: true with this.depth / this.slot set, false for a global. */
  private resolve(name: Sym, scope: Scope): boolean {
    let s: Scope | null = scope;
    let depth = 0;
    while (s !== null) {
      const slot = s.lookup(name);
      if (slot >= 0) {
        this.depth = depth;
        this.slot = slot;
        return true;
      }
      s = s.parent;
      depth++;
    }
    return false;
  }

  /** Emits code leaving the value of `x` on the stack; `tail` when its value is returned. */
  compile(x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    if (x instanceof Sym) {
      this.compileRef(x, scope, em);
    } else if (x instanceof Pair) {
      const head = x.car;
      if (head instanceof Sym && !this.resolve(head, scope) && this.compileSpecial(head.name, x, scope, em, tail)) return;
      this.compileCall(x, scope, em, tail);
    } else if (x === NIL) {
      this.fail("missing procedure in an empty combination", x);
    } else {
      em.emit1(op.CONST, em.constIndex(x));
    }
  }

  private compileRef(name: Sym, scope: Scope, em: Emitter): void {
    if (!this.resolve(name, scope)) em.emit1(op.GLOBAL, em.symIndex(name));
    else if (this.depth === 0) em.emit1(op.LOCAL, this.slot);
    else em.emit2(op.OUTER, this.depth, this.slot);
  }

  /** Pops the stack top into variable `name` (local, outer or global). */
  private compileStore(name: Sym, scope: Scope, em: Emitter): void {
    if (!this.resolve(name, scope)) em.emit1(op.STORE_GLOBAL, em.symIndex(name));
    else if (this.depth === 0) em.emit1(op.STORE_LOCAL, this.slot);
    else em.emit2(op.STORE_OUTER, this.depth, this.slot);
  }

  private unspecified(em: Emitter): void {
    em.emit1(op.CONST, em.constIndex(UNSPECIFIED));
  }

  /** Compiles a special form; false when `name` is not one (then x is a call). */
  private compileSpecial(name: string, x: Pair, scope: Scope, em: Emitter, tail: boolean): boolean {
    const items = listToArray(x);
    if (items === null) {
      this.fail("a form must be a proper list", x);
      return true;
    }
    switch (name) {
      case "quote":
        if (items.length !== 2) this.fail("bad quote", x);
        else em.emit1(op.CONST, em.constIndex(items[1]));
        return true;
      case "quasiquote":
        if (items.length !== 2) this.fail("bad quasiquote", x);
        else compileQuasiquote(this, items[1], 1, x, scope, em);
        return true;
      case "if":
        this.compileIf(items, x, scope, em, tail);
        return true;
      case "define":
        this.compileDefine(items, x, scope, em);
        return true;
      case "set!":
        if (items.length !== 3 || !(items[1] instanceof Sym)) {
          this.fail("bad set!", x);
          return true;
        }
        this.compile(items[2], scope, em, false);
        this.compileStore(items[1] as Sym, scope, em);
        this.unspecified(em);
        return true;
      case "lambda":
        if (items.length < 3) this.fail("bad lambda", x);
        else this.compileLambda(items[1], items, 2, "", x, scope, em);
        return true;
      case "begin":
        if (items.length === 1) this.unspecified(em);
        else this.compileSequence(items, 1, scope, em, tail);
        return true;
      case "let":
        this.compileLet(items, x, scope, em, tail);
        return true;
      case "let*":
      case "letrec":
      case "letrec*":
        this.compileLetStar(name !== "let*", items, x, scope, em, tail);
        return true;
      case "and":
      case "or":
        this.compileAndOr(name === "and", items, scope, em, tail);
        return true;
      case "when":
      case "unless": {
        if (items.length < 3) {
          this.fail(`bad ${name}`, x);
          return true;
        }
        this.compile(items[1], scope, em, false);
        const onFalse = em.emitJump(op.JUMP_IF_FALSE);
        if (name === "when") this.compileSequence(items, 2, scope, em, tail);
        else this.unspecified(em);
        const end = em.emitJump(op.JUMP);
        em.patch(onFalse);
        if (name === "when") this.unspecified(em);
        else this.compileSequence(items, 2, scope, em, tail);
        em.patch(end);
        return true;
      }
      case "cond":
        this.compileCond(items, x, scope, em, tail);
        return true;
      case "case":
        this.compileCase(items, x, scope, em, tail);
        return true;
      case "do":
        this.compileDo(items, x, scope, em, tail);
        return true;
      case "define-syntax":
      case "let-syntax":
      case "syntax-rules":
      case "call/cc":
      case "call-with-current-continuation":
      case "dynamic-wind":
        this.fail(`${name} is not supported by this interpreter`, x);
        return true;
      default:
        return false;
    }
  }

  /** Compiles items[from..] in order, keeping only the last value. */
  private compileSequence(items: Value[], from: int, scope: Scope, em: Emitter, tail: boolean): void {
    for (let i = from; i < items.length; i++) {
      const last = i === items.length - 1;
      this.compile(items[i], scope, em, tail && last);
      if (!last) em.emit(op.POP);
    }
  }

  /** A body: internal defines (at its start or anywhere in it) bind locals of the enclosing
   *  frame, visible to the whole body, as letrec*. */
  private compileBody(items: Value[], from: int, form: Value, scope: Scope, em: Emitter, tail: boolean): void {
    if (from >= items.length) {
      this.fail("empty body", form);
      return;
    }
    const mark = scope.names.length;
    for (let i = from; i < items.length; i++) {
      const f = items[i];
      if (f instanceof Pair && f.car === DEFINE && !this.resolve(DEFINE, scope)) {
        const rest = f.cdr;
        const target = rest instanceof Pair ? rest.car : NIL;
        const name = target instanceof Pair ? target.car : target;
        if (name instanceof Sym) scope.bind(name);
      }
    }
    this.compileSequence(items, from, scope, em, tail);
    scope.unbind(mark);
  }

  private compileIf(items: Value[], x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    if (items.length !== 3 && items.length !== 4) {
      this.fail("bad if", x);
      return;
    }
    this.compile(items[1], scope, em, false);
    const otherwise = em.emitJump(op.JUMP_IF_FALSE);
    this.compile(items[2], scope, em, tail);
    const end = em.emitJump(op.JUMP);
    em.patch(otherwise);
    if (items.length === 4) this.compile(items[3], scope, em, tail);
    else this.unspecified(em);
    em.patch(end);
  }

  private compileDefine(items: Value[], x: Value, scope: Scope, em: Emitter): void {
    if (items.length < 2) {
      this.fail("bad define", x);
      return;
    }
    const target = items[1];
    let name: Value = target;
    if (target instanceof Pair) {
      // (define (name . params) body...)
      name = target.car;
      if (!(name instanceof Sym) || items.length < 3) {
        this.fail("bad define", x);
        return;
      }
      this.compileLambda(target.cdr, items, 2, name.name, x, scope, em);
    } else if (target instanceof Sym && items.length <= 3) {
      if (items.length === 3) this.compileNamed(items[2], target.name, scope, em);
      else this.unspecified(em);
    } else {
      this.fail("bad define", x);
      return;
    }
    const sym = name as Sym;
    if (scope.toplevel && scope.names.length === 0) {
      em.emit1(op.DEFINE_GLOBAL, em.symIndex(sym));
    } else if (scope.lookup(sym) >= 0) {
      em.emit1(op.STORE_LOCAL, scope.lookup(sym));
    } else {
      this.fail("define is only allowed at the top level or in a body", x);
      return;
    }
    this.unspecified(em);
  }

  /** Compiles a value; a lambda gets `name` (for printing and error messages). */
  private compileNamed(x: Value, name: string, scope: Scope, em: Emitter): void {
    if (x instanceof Pair && x.car instanceof Sym && (x.car as Sym).name === "lambda" && !this.resolve(x.car as Sym, scope)) {
      const items = listToArray(x);
      if (items !== null && items.length >= 3) {
        this.compileLambda(items[1], items, 2, name, x, scope, em);
        return;
      }
    }
    this.compile(x, scope, em, false);
  }

  /** Emits a closure of the lambda with `params` and body items[from..]. */
  private compileLambda(params: Value, items: Value[], from: int, name: string, form: Value, scope: Scope, em: Emitter): void {
    const inner = new Scope(scope, false);
    const sub = new Emitter();
    let nparams = 0;
    let p = params;
    while (p instanceof Pair) {
      if (!(p.car instanceof Sym)) {
        this.fail("a parameter must be a symbol", form);
        return;
      }
      inner.bind(p.car as Sym);
      nparams++;
      p = p.cdr;
    }
    const rest = p instanceof Sym;
    if (rest) inner.bind(p as Sym);
    else if (p !== NIL) this.fail("bad parameter list", form);
    this.compileBody(items, from, form, inner, sub, true);
    sub.emit(op.RETURN);
    em.codes.push(sub.finish(name, nparams, rest, inner.nslots));
    em.emit1(op.CLOSURE, em.codes.length - 1);
  }

  /** Checks (let) bindings: each (name init) or (name); returns the names, or null. */
  private bindingNames(bindings: Value, form: Value): Sym[] | null {
    const list = listToArray(bindings);
    if (list === null) {
      this.fail("bad bindings", form);
      return null;
    }
    const names: Sym[] = [];
    for (let i = 0; i < list.length; i++) {
      const b = listToArray(list[i]);
      if (b === null || b.length < 1 || b.length > 3 || !(b[0] instanceof Sym)) {
        this.fail("bad binding", form);
        return null;
      }
      names.push(b[0] as Sym);
    }
    return names;
  }

  /** The init of binding i (a (name init) list checked by bindingNames), pushed. */
  private compileInit(bindings: Value, i: int, scope: Scope, em: Emitter): void {
    const b = listToArray(listToArray(bindings)![i])!;
    if (b.length >= 2) this.compileNamed(b[1], (b[0] as Sym).name, scope, em);
    else this.unspecified(em);
  }

  private compileLet(items: Value[], x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    if (items.length >= 2 && items[1] instanceof Sym) {
      // Named let: a procedure bound to the name in the body, called on the inits.
      if (items.length < 4) {
        this.fail("bad named let", x);
        return;
      }
      const names = this.bindingNames(items[2], x);
      if (names === null) return;
      for (let i = 0; i < names.length; i++) this.compileInit(items[2], i, scope, em);
      let params: Value = NIL;
      for (let i = names.length - 1; i >= 0; i--) params = new Pair(names[i], params);
      this.compileLoop(items[1] as Sym, params, names.length, items, 3, x, scope, em, tail);
      return;
    }
    if (items.length < 3) {
      this.fail("bad let", x);
      return;
    }
    const names = this.bindingNames(items[1], x);
    if (names === null) return;
    // The inits see the outer bindings: evaluate them all, then bind.
    for (let i = 0; i < names.length; i++) this.compileInit(items[1], i, scope, em);
    const mark = scope.names.length;
    const slots: int[] = [];
    for (let i = 0; i < names.length; i++) slots.push(scope.bind(names[i]));
    for (let i = names.length - 1; i >= 0; i--) em.emit1(op.STORE_LOCAL, slots[i]);
    this.compileBody(items, 2, x, scope, em, tail);
    scope.unbind(mark);
  }

  /** The loop of a named let or do: with its argc arguments on the stack, binds `name` to
   *  a procedure of `params` and body items[from..] and calls it. */
  private compileLoop(name: Sym, params: Value, argc: int, items: Value[], from: int, x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    const mark = scope.names.length;
    const slot = scope.bind(name);
    this.compileLambda(params, items, from, name.name, x, scope, em);
    em.emit1(op.STORE_LOCAL, slot);
    em.emit1(op.LOCAL, slot);
    em.emit2(tail ? op.TAIL_CALL : op.CALL, argc, em.exprIndex(x));
    scope.unbind(mark);
  }

  /** let* (sequential) or letrec / letrec* (all names visible to all inits). */
  private compileLetStar(recursive: boolean, items: Value[], x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    if (items.length < 3) {
      this.fail("bad let", x);
      return;
    }
    const names = this.bindingNames(items[1], x);
    if (names === null) return;
    const mark = scope.names.length;
    const slots: int[] = [];
    if (recursive) for (let i = 0; i < names.length; i++) slots.push(scope.bind(names[i]));
    for (let i = 0; i < names.length; i++) {
      this.compileInit(items[1], i, scope, em);
      em.emit1(op.STORE_LOCAL, recursive ? slots[i] : scope.bind(names[i]));
    }
    this.compileBody(items, 2, x, scope, em, tail);
    scope.unbind(mark);
  }

  private compileAndOr(isAnd: boolean, items: Value[], scope: Scope, em: Emitter, tail: boolean): void {
    if (items.length === 1) {
      em.emit1(op.CONST, em.constIndex(isAnd ? TRUE : FALSE));
      return;
    }
    const exits: int[] = [];
    for (let i = 1; i < items.length; i++) {
      const last = i === items.length - 1;
      this.compile(items[i], scope, em, tail && last);
      if (!last) exits.push(em.emitJump(isAnd ? op.AND_JUMP : op.OR_JUMP));
    }
    for (let i = 0; i < exits.length; i++) em.patch(exits[i]);
  }

  private compileCond(items: Value[], x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    const exits: int[] = [];
    let sawElse = false;
    for (let i = 1; i < items.length && !sawElse; i++) {
      const clause = listToArray(items[i]);
      if (clause === null || clause.length === 0) {
        this.fail("bad cond clause", x);
        return;
      }
      if (clause[0] === ELSE) {
        sawElse = true;
        if (clause.length === 1) this.unspecified(em);
        else this.compileSequence(clause, 1, scope, em, tail);
        continue;
      }
      this.compile(clause[0], scope, em, false);
      if (clause.length === 1) {
        exits.push(em.emitJump(op.OR_JUMP));
        continue;
      }
      if (clause[1] === ARROW) {
        // (test => receiver): call the receiver on the test's value.
        if (clause.length !== 3) {
          this.fail("bad cond clause", x);
          return;
        }
        const temp = scope.temp();
        em.emit1(op.STORE_LOCAL, temp);
        em.emit1(op.LOCAL, temp);
        const next = em.emitJump(op.JUMP_IF_FALSE);
        em.emit1(op.LOCAL, temp);
        this.compile(clause[2], scope, em, false);
        em.emit2(tail ? op.TAIL_CALL : op.CALL, 1, em.exprIndex(items[i]));
        exits.push(em.emitJump(op.JUMP));
        em.patch(next);
        continue;
      }
      this.compileClause(clause, exits, scope, em, tail);
    }
    this.finishClauses(sawElse, exits, em);
  }

  /** A cond or case clause whose test value is on the stack: when true, runs the body and
   *  jumps to the end (the jump is added to `exits`). */
  private compileClause(clause: Value[], exits: int[], scope: Scope, em: Emitter, tail: boolean): void {
    const next = em.emitJump(op.JUMP_IF_FALSE);
    this.compileSequence(clause, 1, scope, em, tail);
    exits.push(em.emitJump(op.JUMP));
    em.patch(next);
  }

  /** After the clauses: no else gives the unspecified value; the taken clauses jump here. */
  private finishClauses(sawElse: boolean, exits: int[], em: Emitter): void {
    if (!sawElse) this.unspecified(em);
    for (let i = 0; i < exits.length; i++) em.patch(exits[i]);
  }

  private compileCase(items: Value[], x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    if (items.length < 2) {
      this.fail("bad case", x);
      return;
    }
    this.compile(items[1], scope, em, false);
    const key = scope.temp();
    em.emit1(op.STORE_LOCAL, key);
    const exits: int[] = [];
    let sawElse = false;
    for (let i = 2; i < items.length && !sawElse; i++) {
      const clause = listToArray(items[i]);
      if (clause === null || clause.length < 2) {
        this.fail("bad case clause", x);
        return;
      }
      if (clause[0] === ELSE) {
        sawElse = true;
        this.compileSequence(clause, 1, scope, em, tail);
        continue;
      }
      if (listToArray(clause[0]) === null) {
        this.fail("bad case clause", x);
        return;
      }
      em.emit1(op.LOCAL, key);
      em.emit1(op.CONST, em.constIndex(clause[0]));
      em.emit1(op.CONST, em.constIndex(PRIM_MEMV));
      em.emit2(op.CALL, 2, em.exprIndex(x));
      this.compileClause(clause, exits, scope, em, tail);
    }
    this.finishClauses(sawElse, exits, em);
  }

  /** (do ((var init step)...) (test result...) body...): a loop procedure of the vars whose
   *  body is (if test (begin result...) (begin body... (loop step...))). */
  private compileDo(items: Value[], x: Value, scope: Scope, em: Emitter, tail: boolean): void {
    if (items.length < 3) {
      this.fail("bad do", x);
      return;
    }
    const names = this.bindingNames(items[1], x);
    const exit = listToArray(items[2]);
    if (names === null || exit === null || exit.length === 0) {
      if (this.error === "") this.fail("bad do", x);
      return;
    }
    const loop = new Sym("do-loop"); // not interned: no program name can refer to it
    const bindings = listToArray(items[1])!;
    let steps: Value = NIL;
    let params: Value = NIL;
    for (let i = names.length - 1; i >= 0; i--) {
      const b = listToArray(bindings[i])!;
      steps = new Pair(b.length === 3 ? b[2] : names[i], steps);
      params = new Pair(names[i], params);
    }
    let body: Value = new Pair(new Pair(loop, steps), NIL);
    for (let i = items.length - 1; i >= 3; i--) body = new Pair(items[i], body);
    let result: Value = NIL;
    for (let i = exit.length - 1; i >= 1; i--) result = new Pair(exit[i], result);
    const ifForm = new Pair(IF, new Pair(exit[0], new Pair(new Pair(BEGIN, result), new Pair(new Pair(BEGIN, body), NIL))));
    for (let i = 0; i < names.length; i++) this.compileInit(items[1], i, scope, em);
    const loopItems: Value[] = [ifForm];
    this.compileLoop(loop, params, names.length, loopItems, 0, x, scope, em, tail);
  }

  private compileCall(x: Pair, scope: Scope, em: Emitter, tail: boolean): void {
    const items = listToArray(x);
    if (items === null) {
      this.fail("a call must be a proper list", x);
      return;
    }
    const argc = items.length - 1;
    for (let i = 1; i < items.length; i++) this.compile(items[i], scope, em, false);
    const head = items[0];
    const e = em.exprIndex(x);
    if (head instanceof Sym && !this.resolve(head, scope) && head.builtin instanceof Primitive) {
      // A built-in by name: run it directly while the global still holds it.
      const prim = head.builtin as Primitive;
      if (this.library) {
        em.emit1(op.CONST, em.constIndex(prim));
        em.emit2(tail ? op.TAIL_CALL : op.CALL, argc, e);
        return;
      }
      if (argc === 2) {
        for (let i = 0; i < FAST_NAMES.length; i++) {
          if (FAST_NAMES[i] === head.name) {
            em.ops.push(FAST_OPS[i]);
            em.ops.push(em.symIndex(head));
            em.ops.push(e);
            em.ops.push(tail ? 1 : 0);
            return;
          }
        }
      }
      if (prim.id !== P_APPLY && argc >= prim.minArgs && (prim.maxArgs < 0 || argc <= prim.maxArgs)) {
        em.ops.push(op.PRIM_CALL);
        em.ops.push(argc);
        em.ops.push(em.symIndex(head));
        em.ops.push(e);
        em.ops.push(tail ? 1 : 0);
        return;
      }
    }
    this.compile(head, scope, em, false);
    em.emit2(tail ? op.TAIL_CALL : op.CALL, argc, e);
  }
}
