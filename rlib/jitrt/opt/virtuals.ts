// Allocation removal (RPython's optimizeopt/virtualize.py). A NEW is not emitted: its object
// stays *virtual*, a set of field values the optimizer knows, as long as the trace only
// reads and writes its fields, compares it (a fresh object is equal to itself only) or tests
// its class (guards.ts knows a NEW's class: those tests fold before they get here). Its
// setfields vanish and its getfields are the values set (or the zero of the field's type:
// allocation zeroes). Where it escapes (any other operation that names it: a call argument,
// a value stored into an object that is not virtual or into a list, JUMP, FINISH...) it is
// *forced*: its NEW and one setfield per known field are emitted just before that operation
// (the virtuals its fields name first, recursively), and from there on it is an ordinary
// object. A guard whose fail arguments name a virtual keeps it virtual: the guard gets the
// operations that build it (fresh NEW and SETFIELD operations, with the field values known
// at that guard) as its `onFailure` list, which runs on the guard's failure path before
// anything reads the fail arguments, which then name those fresh objects (the runtime's
// materialize.ts, or compiled inline before a bridge compiled in the guard's place). So
// the blackhole, a bridge and everything after an exit see real objects, as if the trace
// had allocated them (resume data that describes virtuals).
// A virtual that reaches JUMP is forced there (each iteration allocates a loop-carried
// object once), unless the loop is being unrolled (peel.ts): then JumpExport replaces it by
// its fields' values.
// Lazy list appends, with the same machinery: a list_append is kept *pending* (not emitted)
// while nothing can observe its list. Its result, the new length, is the list's length
// before the first pending append (a list_len, which the heap cache usually knows) plus the
// pending count; a pop of a pending item is that item (both vanish: an interpreter's push
// then pop of its value stack), a read at a pending item's index (as the same length plus a
// constant: heap.ts's Index) is that item, a read below them reads the list as it is,
// list_len is known. A pending item that is virtual stays virtual. The pending appends of a
// list are emitted, in order, before any other operation that names the list or may see it
// (an operation on another list, which may be the same one; a residual call, unless the
// codewriter's effect analysis says it sees no list; an operation this file does not know;
// JUMP and FINISH), and a guard's failure path performs them
// (after building the virtuals, which they may name).
import { int } from "../../types.ts";
import {
  ARRAYLEN, CALL_F, CALL_I, CALL_N, CALL_R, ConstFloat, ConstInt, ConstRef, DEBUG_MERGE_POINT, GETARRAYITEM_F, GETARRAYITEM_I, GETFIELD_F, GETFIELD_I, GETFIELD_R,
  GETLISTITEM_F, GETLISTITEM_I, GETLISTITEM_R, INT_ADD, isGuard, JUMP, LABEL, LIST_APPEND, LIST_LEN, LIST_POP_F, LIST_POP_I, LIST_POP_R, NEW,
  INT_SUB, PTR_EQ, PTR_IS_OBJECT, PTR_NE, ResOp, SETARRAYITEM, SETFIELD, Value,
} from "../resop.ts";
import { DescrInfo } from "./descrs.ts";
import { isPure } from "./effects.ts";
import { indexOf } from "./heap.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

/** A virtual object: the NEW that would allocate it and its fields' values by descriptor,
 *  in the order they were first set. */
class VirtualObject {
  descrs: int[] = [];
  values: Value[] = [];

  constructor(public alloc: ResOp) {}

  get(descr: int): Value | null {
    const k = this.descrs.indexOf(descr);
    return k < 0 ? null : this.values[k];
  }

  set(descr: int, v: Value): void {
    const k = this.descrs.indexOf(descr);
    if (k >= 0) {
      this.values[k] = v;
    } else {
      this.descrs.push(descr);
      this.values.push(v);
    }
  }
}

/** The shape of a virtual object a loop's JUMP carries (unroll.ts): its class (the NEW's
 *  descriptor) and its fields, in order, each a plain value or a virtual of its own. */
export class Shape {
  fields: int[] = [];
  nested: (Shape | null)[] = [];

  constructor(public descr: int) {}
}

/** What the Virtuals do at a loop's JUMP when asked (unroll.ts). `expected` null: a virtual
 *  argument is not forced but replaced by its fields' values (its leaves, flattened in
 *  shape order), and `shapes` says which arguments were (null: a plain value). Otherwise
 *  the arguments must have the `expected` shapes and are replaced the same way; `failed`
 *  says they did not (the JUMP then forces them, as without export). */
export class JumpExport {
  shapes: (Shape | null)[] = [];
  failed = false;

  constructor(public expected: (Shape | null)[] | null) {}

  exported(): boolean {
    for (const s of this.shapes) if (s !== null) return true;
    return false;
  }
}

/** What listOp did with an operation. */
const NOT_A_LIST_OP = 0;
const KEPT = 1;
const REMOVED = 2;

/** A list's pending appends: its length before them (`root + offset`, root an int value:
 *  the lengths and indices computed from it then name the same root, as fold.ts
 *  reassociates them) and their items, in order, under the appends' list descriptor. */
class PendingAppends {
  items: Value[] = [];
  root: Value;
  offset: int = 0;

  constructor(
    public list: Value,
    length: Value,
    public descr: int,
  ) {
    this.root = length;
    if (length instanceof ResOp && (length.opnum === INT_ADD || length.opnum === INT_SUB) && length.args[1] instanceof ConstInt) {
      this.root = length.args[0];
      const c = (length.args[1] as ConstInt).value;
      this.offset = length.opnum === INT_ADD ? c : 0 - c;
    }
  }
}

/** Operations that can neither see a list nor let one escape unless they name it: they
 *  leave pending appends pending (typed arrays are never lists). */
function blindToLists(opnum: int): boolean {
  return isPure(opnum) || isGuard(opnum) || opnum === GETFIELD_I || opnum === GETFIELD_R || opnum === GETFIELD_F || opnum === SETFIELD ||
    opnum === GETARRAYITEM_I || opnum === GETARRAYITEM_F || opnum === SETARRAYITEM || opnum === ARRAYLEN || opnum === NEW ||
    opnum === LABEL || opnum === DEBUG_MERGE_POINT;
}

/** The zero a field of a fresh object holds, by the getfield that reads it. */
function zeroOf(opnum: int): Value {
  if (opnum === GETFIELD_R) return new ConstRef(0);
  if (opnum === GETFIELD_F) return new ConstFloat(0);
  return new ConstInt(0);
}

export class Virtuals extends Optimization {
  /** The virtual objects by their NEW's key. */
  private virtuals = new Map<string, VirtualObject>();
  /** The lists with pending appends, by list key. */
  private pending = new Map<string, PendingAppends>();

  constructor(
    private descrs: DescrInfo = new DescrInfo(),
    private jumpExport: JumpExport | null = null,
  ) {
    super();
  }

  propagate(op: ResOp, opt: Optimizer): boolean {
    const list = this.listOp(op, opt);
    if (list !== NOT_A_LIST_OP) return list === REMOVED;
    switch (op.opnum) {
      case NEW:
        this.virtuals.set(opt.key(op), new VirtualObject(op));
        return true;
      case SETFIELD: {
        const v = this.virtualOf(op.args[0], opt);
        if (v === null) break;
        v.set(op.descr, op.args[1]);
        return true;
      }
      case GETFIELD_I: case GETFIELD_R: case GETFIELD_F: {
        const v = this.virtualOf(op.args[0], opt);
        if (v === null) break;
        const known = v.get(op.descr);
        opt.replace(op, known === null ? zeroOf(op.opnum) : known);
        return true;
      }
      case PTR_EQ: case PTR_NE: {
        // A virtual is no other object: nothing else can hold it (fold.ts took x == x).
        if (this.virtualOf(op.args[0], opt) === null && this.virtualOf(op.args[1], opt) === null) break;
        opt.replace(op, new ConstInt(op.opnum === PTR_EQ ? 0 : 1));
        return true;
      }
      case PTR_IS_OBJECT:
        if (this.virtualOf(op.args[0], opt) === null) break;
        opt.replace(op, new ConstInt(1));
        return true;
    }
    if (this.pending.size > 0 && !blindToLists(op.opnum) && !this.callBlindToLists(op)) this.flushAll(opt);
    if (op.opnum === JUMP && this.jumpExport !== null) this.exportAtJump(op, this.jumpExport, opt);
    for (const a of op.args) {
      this.flush(a, opt);
      this.force(a, opt);
    }
    if (isGuard(op.opnum)) this.describeAtGuard(op, opt);
    return false;
  }

  /** A residual call that cannot see an existing list (translator/jit/effects.ts) unless it
   *  is passed one. */
  private callBlindToLists(op: ResOp): boolean {
    const opnum = op.opnum;
    return (opnum === CALL_I || opnum === CALL_R || opnum === CALL_F || opnum === CALL_N) && !this.descrs.callMayTouchLists(op.descr);
  }

  /** A list's append, pop, item read or length: REMOVED, KEPT (its list's pending appends
   *  emitted first where it may see them), or NOT_A_LIST_OP. Any of them first emits the
   *  other lists' pending appends (the two lists may be one). */
  private listOp(op: ResOp, opt: Optimizer): int {
    const opnum = op.opnum;
    const isPop = opnum === LIST_POP_I || opnum === LIST_POP_R || opnum === LIST_POP_F;
    const isRead = opnum === GETLISTITEM_I || opnum === GETLISTITEM_R || opnum === GETLISTITEM_F;
    if (!isPop && !isRead && opnum !== LIST_APPEND && opnum !== LIST_LEN) return NOT_A_LIST_OP;
    if (this.pending.size === 0 && opnum !== LIST_APPEND) return KEPT;
    const list = op.args[0];
    const key = opt.key(list);
    for (const other of this.pendingLists()) if (opt.key(other) !== key) this.flush(other, opt);
    let p = this.pending.get(key) ?? null;
    if (opnum === LIST_APPEND) {
      this.flush(op.args[1], opt);
      if (p === null) {
        const length = new ResOp(LIST_LEN, [list], -1);
        opt.emit(length, this);
        p = new PendingAppends(list, opt.get(length), op.descr);
        this.pending.set(key, p);
      }
      p.items.push(op.args[1]);
      opt.replace(op, this.lengthOf(p, opt));
      return REMOVED;
    }
    if (p === null) return KEPT;
    if (opnum === LIST_LEN) {
      opt.replace(op, this.lengthOf(p, opt));
      return REMOVED;
    }
    if (isPop) {
      opt.replace(op, p.items[p.items.length - 1]);
      p.items.pop();
      if (p.items.length === 0) this.pending.delete(key);
      return REMOVED;
    }
    const at = indexOf(op.args[1], opt);
    const k = at.offset - p.offset;
    if (at.base === opt.key(p.root) && k < 0) return KEPT; // an item below the pending ones
    if (at.base === opt.key(p.root) && k < p.items.length) {
      opt.replace(op, p.items[k]);
      return REMOVED;
    }
    this.flush(list, opt);
    return KEPT;
  }

  /** The list's length with its pending appends: an int_add emitted now. */
  private lengthOf(p: PendingAppends, opt: Optimizer): Value {
    const sum = new ResOp(INT_ADD, [p.root, new ConstInt(p.offset + p.items.length)], -1);
    opt.emit(sum, this);
    return opt.get(sum);
  }

  /** Emits the pending appends of `list` (if it has any), their virtual items forced. */
  private flush(list: Value, opt: Optimizer): void {
    if (this.pending.size === 0) return;
    const key = opt.key(list);
    const p = this.pending.get(key) ?? null;
    if (p === null) return;
    this.pending.delete(key);
    for (const x of p.items) {
      this.force(x, opt);
      opt.emit(new ResOp(LIST_APPEND, [p.list, x], p.descr), this);
    }
  }

  private flushAll(opt: Optimizer): void {
    for (const list of this.pendingLists()) this.flush(list, opt);
  }

  /** The lists with pending appends (a copy: flushing changes the map). */
  private pendingLists(): Value[] {
    const lists: Value[] = [];
    for (const [, p] of this.pending) lists.push(p.list);
    return lists;
  }

  private virtualOf(v: Value, opt: Optimizer): VirtualObject | null {
    if (this.virtuals.size === 0 || v.isConstant()) return null;
    return this.virtuals.get(opt.key(v)) ?? null;
  }

  /** Emits the virtual `v` (if it is one) as a real object: its NEW, the virtuals its fields
   *  name, then its setfields. */
  private force(v: Value, opt: Optimizer): void {
    const virtual = this.virtualOf(v, opt);
    if (virtual === null) return;
    this.virtuals.delete(opt.key(v));
    opt.emit(virtual.alloc, this);
    for (const x of virtual.values) this.force(x, opt);
    for (let k = 0; k < virtual.descrs.length; k++) {
      opt.emit(new ResOp(SETFIELD, [virtual.alloc, virtual.values[k]], virtual.descrs[k]), this);
    }
  }

  /** Replaces the JUMP's virtual arguments by their leaves, as `exp` asks (JumpExport). A
   *  virtual reached twice (two arguments, or two fields, name it) cannot be: its identity
   *  would be lost, and nothing is exported. */
  private exportAtJump(jump: ResOp, exp: JumpExport, opt: Optimizer): void {
    const shapes: (Shape | null)[] = [];
    const seen: VirtualObject[] = [];
    for (let k = 0; k < jump.args.length; k++) {
      const v = this.virtualOf(jump.args[k], opt);
      const expected = exp.expected === null ? null : exp.expected[k];
      // Where a plain value is expected, a virtual would be forced, and a virtual whose
      // leaves go elsewhere in the JUMP with it: the loop could not be entered.
      if (exp.expected !== null && (v === null) !== (expected === null)) exp.failed = true;
      const shape = v === null || exp.failed ? null : this.shapeOf(v, expected, seen, opt);
      if (v !== null && shape === null) exp.failed = true;
      shapes.push(shape);
    }
    if (exp.failed) return;
    const leaves: Value[] = [];
    for (let k = 0; k < jump.args.length; k++) {
      const shape = shapes[k];
      if (shape === null) leaves.push(jump.args[k]);
      else this.flatten(this.virtualOf(jump.args[k], opt)!, shape, leaves, opt);
    }
    exp.shapes = shapes;
    jump.args = leaves;
  }

  /** The shape of virtual v (the `expected` one, if given, when v has it); null when v or a
   *  virtual it names was seen before, or v lacks the expected shape. */
  private shapeOf(v: VirtualObject, expected: Shape | null, seen: VirtualObject[], opt: Optimizer): Shape | null {
    if (seen.indexOf(v) >= 0) return null;
    seen.push(v);
    if (expected !== null && (expected.descr !== v.alloc.descr || expected.fields.length !== v.descrs.length)) return null;
    const shape = new Shape(v.alloc.descr);
    for (let i = 0; i < v.descrs.length; i++) {
      const descr = expected === null ? v.descrs[i] : expected.fields[i];
      const x = v.get(descr);
      if (x === null) return null;
      const inner = this.virtualOf(x, opt);
      const innerExpected = expected === null ? null : expected.nested[i];
      if (expected !== null && (inner === null) !== (innerExpected === null)) return null;
      const nested = inner === null ? null : this.shapeOf(inner, innerExpected, seen, opt);
      if (inner !== null && nested === null) return null;
      shape.fields.push(descr);
      shape.nested.push(nested);
    }
    return shape;
  }

  /** Appends v's leaves in shape order. */
  private flatten(v: VirtualObject, shape: Shape, leaves: Value[], opt: Optimizer): void {
    for (let i = 0; i < shape.fields.length; i++) {
      const x = v.get(shape.fields[i])!;
      const nested = shape.nested[i];
      if (nested === null) leaves.push(x);
      else this.flatten(this.virtualOf(x, opt)!, nested, leaves, opt);
    }
  }

  /** The guard's fail arguments that are virtual become fresh objects its failure path
   *  builds (op.onFailure: every NEW first, so fields may name each other, then the
   *  setfields), then it performs the pending appends. */
  private describeAtGuard(guard: ResOp, opt: Optimizer): void {
    if (this.virtuals.size === 0 && this.pending.size === 0) return;
    const originals: VirtualObject[] = [];
    const copies: ResOp[] = [];
    for (const a of guard.failArgs) this.collect(a, opt, originals, copies);
    for (const [, p] of this.pending) for (const x of p.items) this.collect(x, opt, originals, copies);
    const copyOf = (x: Value): Value => {
      const virtual = this.virtualOf(x, opt);
      return virtual === null ? x : copies[originals.indexOf(virtual)];
    };
    const onFailure: ResOp[] = [];
    for (const c of copies) onFailure.push(c);
    for (let i = 0; i < originals.length; i++) {
      const virtual = originals[i];
      for (let k = 0; k < virtual.descrs.length; k++) {
        onFailure.push(new ResOp(SETFIELD, [copies[i], copyOf(virtual.values[k])], virtual.descrs[k]));
      }
    }
    for (const [, p] of this.pending) {
      for (const x of p.items) onFailure.push(new ResOp(LIST_APPEND, [p.list, copyOf(x)], p.descr));
    }
    guard.onFailure = onFailure;
    for (let i = 0; i < guard.failArgs.length; i++) guard.failArgs[i] = copyOf(guard.failArgs[i]);
  }

  /** The virtuals reachable from `v`, each once, with a fresh NEW for each. */
  private collect(v: Value, opt: Optimizer, originals: VirtualObject[], copies: ResOp[]): void {
    const virtual = this.virtualOf(v, opt);
    if (virtual === null || originals.indexOf(virtual) >= 0) return;
    originals.push(virtual);
    copies.push(new ResOp(NEW, [], virtual.alloc.descr));
    for (const x of virtual.values) this.collect(x, opt, originals, copies);
  }
}
