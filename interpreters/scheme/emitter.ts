// What the compiler builds while compiling one lambda: the instruction buffer with its
// constant tables (Emitter), and the lexical scope (Scope) that gives each variable its
// frame slot.
import type { int } from "../../rlib/types.ts";
import { Value, Sym, Code } from "./values.ts";

/** The variables of one lambda. Every binding form in the lambda's body (let, internal
 *  define, ...) gets fresh slots in the lambda's one frame: a body never loops without a call
 *  (loops are calls of named-let or do procedures), so a slot is never rebound while a
 *  closure may still see its old value. `names`/`slots` are the bindings visible now. */
export class Scope {
  readonly parent: Scope | null;
  /** The scope of a top-level form: a define there with no enclosing binding is global. */
  readonly toplevel: boolean;
  readonly names: Sym[] = [];
  readonly slots: int[] = [];
  nslots: int = 0;

  constructor(parent: Scope | null, toplevel: boolean) {
    this.parent = parent;
    this.toplevel = toplevel;
  }

  /** Makes `name` visible with a new slot; returns the slot. */
  bind(name: Sym): int {
    const slot = this.temp();
    this.names.push(name);
    this.slots.push(slot);
    return slot;
  }

  /** A new slot no name refers to (for values the compiler keeps, like a case key). */
  temp(): int {
    const slot = this.nslots;
    this.nslots++;
    return slot;
  }

  /** Hides the bindings made since `mark` (a length of `names`). */
  unbind(mark: int): void {
    while (this.names.length > mark) {
      this.names.pop();
      this.slots.pop();
    }
  }

  /** The slot of the innermost visible binding of `name` in this scope, or -1. */
  lookup(name: Sym): int {
    for (let i = this.names.length - 1; i >= 0; i--) {
      if (this.names[i] === name) return this.slots[i];
    }
    return -1;
  }
}

export class Emitter {
  readonly ops: int[] = [];
  readonly consts: Value[] = [];
  readonly syms: Sym[] = [];
  readonly codes: Code[] = [];
  readonly exprs: Value[] = [];

  emit(op: int): void {
    this.ops.push(op);
  }

  emit1(op: int, a: int): void {
    this.ops.push(op);
    this.ops.push(a);
  }

  emit2(op: int, a: int, b: int): void {
    this.ops.push(op);
    this.ops.push(a);
    this.ops.push(b);
  }

  /** Emits a jump with a target to patch; returns the operand's index for patch(). */
  emitJump(op: int): int {
    this.ops.push(op);
    this.ops.push(-1);
    return this.ops.length - 1;
  }

  /** Points the jump operand at `at` to the next instruction. */
  patch(at: int): void {
    this.ops[at] = this.ops.length;
  }

  constIndex(v: Value): int {
    for (let i = 0; i < this.consts.length; i++) {
      if (this.consts[i] === v) return i;
    }
    this.consts.push(v);
    return this.consts.length - 1;
  }

  symIndex(s: Sym): int {
    for (let i = 0; i < this.syms.length; i++) {
      if (this.syms[i] === s) return i;
    }
    this.syms.push(s);
    return this.syms.length - 1;
  }

  /** Records a call site's source for error messages; returns its index. */
  exprIndex(form: Value): int {
    this.exprs.push(form);
    return this.exprs.length - 1;
  }

  finish(name: string, nparams: int, rest: boolean, nslots: int): Code {
    const ops = new Int32Array(this.ops.length);
    for (let i = 0; i < this.ops.length; i++) ops[i] = this.ops[i];
    return new Code(name, ops, this.consts, this.syms, this.codes, this.exprs, nparams, rest, nslots);
  }
}
