// The trace IR (RPython's rpython/jit/metainterp/resoperation.py and history.py), written in
// RTS: the meta-interpreter records a trace into it, the optimizer rewrites it, the Wasm
// trace backend compiles it. A trace is a list of operations over values; a value is an
// input argument of the trace, a constant, or the result of an earlier operation (the
// operation itself is the value, as in RPython). Guards carry the values the interpreter
// needs to resume when they fail (their fail arguments).
import { fatal } from "../runtime.ts";
import { float, int } from "../types.ts";

/** Value types: the register kinds of the jitcodes, and "no value". */
export const TYPE_INT = 0;
export const TYPE_REF = 1;
export const TYPE_FLOAT = 2;
export const TYPE_VOID = 3;

// Operation numbers; OPS below holds each one's name, result type and arity in this order.
export const LABEL = 0;
export const JUMP = 1;
export const FINISH = 2;
export const INT_ADD = 3;
export const INT_SUB = 4;
export const INT_MUL = 5;
export const INT_AND = 6;
export const INT_OR = 7;
export const INT_XOR = 8;
export const INT_LSHIFT = 9;
export const INT_RSHIFT = 10;
export const INT_LT = 11;
export const INT_LE = 12;
export const INT_GT = 13;
export const INT_GE = 14;
export const INT_EQ = 15;
export const INT_NE = 16;
export const FLOAT_ADD = 17;
export const FLOAT_SUB = 18;
export const FLOAT_MUL = 19;
export const FLOAT_DIV = 20;
export const FLOAT_LT = 21;
export const GUARD_TRUE = 22;
export const GUARD_FALSE = 23;
export const GUARD_VALUE = 24;
export const GUARD_CLASS = 25;
export const GETFIELD_I = 26;
export const GETFIELD_R = 27;
export const GETFIELD_F = 28;
export const SETFIELD = 29;
export const GETARRAYITEM_I = 30;
export const SETARRAYITEM = 31;
export const ARRAYLEN = 32;
export const CALL_I = 33;
export const CALL_R = 34;
export const CALL_F = 35;
export const CALL_N = 36;
export const CALL_PURE_I = 37;
export const NEW = 38;
export const NEW_ARRAY = 39;
export const SAME_AS_I = 40;
export const DEBUG_MERGE_POINT = 41;
export const GETARRAYITEM_F = 42;
export const GUARD_NO_EXCEPTION = 43;
// The main module's 32-bit operations on ints: both operands wrapped to i32, the result
// sign-extended (zero-extended for int32_urshift), as targets/wasm/ops.ts compiles them.
export const INT32_AND = 44;
export const INT32_OR = 45;
export const INT32_XOR = 46;
export const INT32_LSHIFT = 47;
export const INT32_RSHIFT = 48;
export const INT32_URSHIFT = 49;
export const PTR_EQ = 50;
export const PTR_NE = 51;
/** Whether a reference is an object (not null or undefined): 1 or 0. */
export const PTR_IS_OBJECT = 52;
export const CAST_INT_TO_FLOAT = 53;
export const FLOAT_LE = 54;
export const FLOAT_EQ = 55;
export const FLOAT_NEG = 56;
export const FLOAT_ABS = 57;
/** A list's length: unlike arraylen_gc (strings and typed arrays), it changes over time. */
export const LIST_LEN = 58;
/** A list's item (the descriptor gives the item's type): the index is checked against the
 *  list's length (out of range, a read or a write is the runtime's index error). */
export const GETLISTITEM_I = 59;
export const GETLISTITEM_R = 60;
export const GETLISTITEM_F = 61;
export const SETLISTITEM = 62;
/** list.push(x) (the descriptor gives the item's type): makes room when the list is full
 *  (the runtime's listGrow, which may collect), stores x, returns the new length. */
export const LIST_APPEND = 63;
/** list.pop(): the last item; an empty list is the runtime's fatal error. */
export const LIST_POP_I = 64;
export const LIST_POP_R = 65;
export const LIST_POP_F = 66;
/** instanceof(x, lo, hi): 1 when x is an object whose type id is in [lo, hi) (a class and
 *  its subclasses: their ids are consecutive), else 0 (null and undefined too). */
export const INSTANCEOF = 67;
/** Fails once the trace has been invalidated (a quasi-immutable field it read as a
 *  constant was written since): its descr is the trace's flag (rlib/jitrt/quasiimmut.ts). */
export const GUARD_NOT_INVALIDATED = 68;

/** Per operation: name, result type, number of arguments (-1: any). */
class OpInfo {
  constructor(
    public name: string,
    public type: int,
    public arity: int,
  ) {}
}

const I = TYPE_INT;
const R = TYPE_REF;
const F = TYPE_FLOAT;
const V = TYPE_VOID;
const OPS: OpInfo[] = [
  new OpInfo("label", V, -1), new OpInfo("jump", V, -1), new OpInfo("finish", V, -1),
  new OpInfo("int_add", I, 2), new OpInfo("int_sub", I, 2), new OpInfo("int_mul", I, 2),
  new OpInfo("int_and", I, 2), new OpInfo("int_or", I, 2), new OpInfo("int_xor", I, 2),
  new OpInfo("int_lshift", I, 2), new OpInfo("int_rshift", I, 2),
  new OpInfo("int_lt", I, 2), new OpInfo("int_le", I, 2), new OpInfo("int_gt", I, 2),
  new OpInfo("int_ge", I, 2), new OpInfo("int_eq", I, 2), new OpInfo("int_ne", I, 2),
  new OpInfo("float_add", F, 2), new OpInfo("float_sub", F, 2), new OpInfo("float_mul", F, 2),
  new OpInfo("float_truediv", F, 2), new OpInfo("float_lt", I, 2),
  new OpInfo("guard_true", V, 1), new OpInfo("guard_false", V, 1), new OpInfo("guard_value", V, 2),
  new OpInfo("guard_class", V, 2),
  new OpInfo("getfield_gc_i", I, 1), new OpInfo("getfield_gc_r", R, 1), new OpInfo("getfield_gc_f", F, 1),
  new OpInfo("setfield_gc", V, 2), new OpInfo("getarrayitem_gc_i", I, 2), new OpInfo("setarrayitem_gc", V, 3),
  new OpInfo("arraylen_gc", I, 1),
  new OpInfo("call_i", I, -1), new OpInfo("call_r", R, -1), new OpInfo("call_f", F, -1), new OpInfo("call_n", V, -1),
  new OpInfo("call_pure_i", I, -1), new OpInfo("new", R, 0), new OpInfo("new_array", R, 1),
  new OpInfo("same_as_i", I, 1), new OpInfo("debug_merge_point", V, -1),
  new OpInfo("getarrayitem_gc_f", F, 2), new OpInfo("guard_no_exception", V, 0),
  new OpInfo("int32_and", I, 2), new OpInfo("int32_or", I, 2), new OpInfo("int32_xor", I, 2),
  new OpInfo("int32_lshift", I, 2), new OpInfo("int32_rshift", I, 2), new OpInfo("int32_urshift", I, 2),
  new OpInfo("ptr_eq", I, 2), new OpInfo("ptr_ne", I, 2), new OpInfo("ptr_is_object", I, 1),
  new OpInfo("cast_int_to_float", F, 1), new OpInfo("float_le", I, 2), new OpInfo("float_eq", I, 2),
  new OpInfo("float_neg", F, 1), new OpInfo("float_abs", F, 1), new OpInfo("list_len", I, 1),
  new OpInfo("getlistitem_gc_i", I, 2), new OpInfo("getlistitem_gc_r", R, 2), new OpInfo("getlistitem_gc_f", F, 2),
  new OpInfo("setlistitem_gc", V, 3), new OpInfo("list_append", I, 2),
  new OpInfo("list_pop_i", I, 1), new OpInfo("list_pop_r", R, 1), new OpInfo("list_pop_f", F, 1),
  new OpInfo("instanceof", I, 3), new OpInfo("guard_not_invalidated", V, 0),
];

/** How many operations there are (the backend's tables have one entry per operation). */
export const NUM_OPS = OPS.length;

export function opName(opnum: int): string {
  return OPS[opnum].name;
}

export function isGuard(opnum: int): boolean {
  return (opnum >= GUARD_TRUE && opnum <= GUARD_CLASS) || opnum === GUARD_NO_EXCEPTION || opnum === GUARD_NOT_INVALIDATED;
}

/** Whether the operation is a comparison: its result is 0 or 1. */
export function isComparison(opnum: int): boolean {
  return (opnum >= INT_LT && opnum <= INT_NE) || opnum === FLOAT_LT || opnum === FLOAT_LE || opnum === FLOAT_EQ ||
    opnum === PTR_EQ || opnum === PTR_NE || opnum === PTR_IS_OBJECT;
}

/** The comparison that holds exactly where this one does not, or -1 (floats have none: a
 *  NaN makes both `<` and `>=` false). */
export function negatedComparison(opnum: int): int {
  switch (opnum) {
    case INT_LT: return INT_GE;
    case INT_GE: return INT_LT;
    case INT_GT: return INT_LE;
    case INT_LE: return INT_GT;
    case INT_EQ: return INT_NE;
    case INT_NE: return INT_EQ;
    case PTR_EQ: return PTR_NE;
    case PTR_NE: return PTR_EQ;
  }
  return -1;
}

/** Where a compiled trace can return: its guards and FINISH (numbered in this order). */
export function isExit(opnum: int): boolean {
  return isGuard(opnum) || opnum === FINISH;
}

/** A value in a trace. */
export abstract class Value {
  /** Its number in the printed trace (set by the printer; -1: not printed yet). */
  printNumber: int = -1;
  /** For an int: the optimizer knows it lies in the signed 32-bit range, wherever it is
   *  defined (opt/intbounds.ts): the backend keeps it in an i32 local (backend/function.ts). */
  narrow: boolean = false;
  constructor(public type: int) {}
  isConstant(): boolean {
    return false;
  }
}

/** A constant: the optimizer folds operations whose arguments are all constants. */
export abstract class Const extends Value {
  isConstant(): boolean {
    return true;
  }
}

export class ConstInt extends Const {
  constructor(public value: int) {
    super(TYPE_INT);
  }
}

export class ConstFloat extends Const {
  constructor(public value: float) {
    super(TYPE_FLOAT);
  }
}

/** References below this address are undefined (0) and null (8), not objects. */
export const FIRST_OBJECT_ADDRESS = 16;

/** A constant GC reference: the object's address (0 is undefined, 8 null). */
export class ConstRef extends Const {
  constructor(public address: int) {
    super(TYPE_REF);
  }
}

export class InputArg extends Value {
  constructor(type: int) {
    super(type);
  }
}

/** The onFailure list of the operations that have none (never added to). */
const NO_OPS: ResOp[] = [];

/** An operation, and the value it produces. */
export class ResOp extends Value {
  /** For guards: what the interpreter needs to resume (the jitcode's -live- registers). */
  failArgs: Value[] = [];
  /** For guards the meta-interpreter records: the index of their resume data (resume.ts). */
  resume = -1;
  /** For guards: per fail argument, the interval an int lay in where the guard is (before
   *  its own test), as lower and upper bound (opt/bound.ts LIMIT: unknown): a bridge from
   *  the guard starts knowing them (opt/index.ts). Empty when the optimizer did not say. */
  failBounds: int[] = [];
  /** For compiled guards: how often the guard failed (a peeled loop's guard and its copy in
   *  the preamble share resume data, not their failures). */
  failures = 0;
  /** For typed-array item reads and writes: the optimizer proved the index in range, so the
   *  backend emits no bounds check. */
  inBounds = false;
  /** For those in range whose index is `base + k` (k a constant) with base known to lie in
   *  [0, 2^28): base, else null, and k. The backend then addresses the item from base, with
   *  k in the access's constant offset: the items a tape interpreter reads around its
   *  pointer take one 32-bit copy of it, not an add each (opt/intbounds.ts). */
  indexBase: Value | null = null;
  indexOffset = 0;
  /** For guards: what their failure path does before it stores the fail arguments (the
   *  optimizer's virtual objects allocated and filled, its pending list appends performed:
   *  opt/virtuals.ts; its kept-back writes made: opt/lazywrites.ts): NEW, SETFIELD,
   *  LIST_APPEND, SETARRAYITEM and SETLISTITEM operations, which no other operation of the
   *  trace names. Most guards have none: they share one empty list, and whoever
   *  gives a guard some assigns a list of its own. */
  onFailure: ResOp[] = NO_OPS;
  constructor(
    public opnum: int,
    public args: Value[],
    /** Index of the descriptor in the jitcode tables (-1: none). */
    public descr: int,
  ) {
    super(OPS[opnum].type);
  }
}

/** Where a loop trace's loop starts: its last LABEL (a peeled loop has two, opt/peel.ts),
 *  or -1. */
export function loopHeader(trace: Trace): int {
  for (let i = trace.ops.length - 1; i >= 0; i--) if (trace.ops[i].opnum === LABEL) return i;
  return -1;
}

/** A trace being recorded or optimized: its input arguments and operations in order. */
export class Trace {
  inputargs: InputArg[] = [];
  ops: ResOp[] = [];
  /** A loop whose preamble is a full iteration (opt/peel.ts unroll). */
  unrolled = false;

  addInput(type: int): InputArg {
    const a = new InputArg(type);
    this.inputargs.push(a);
    return a;
  }

  record(opnum: int, args: Value[], descr: int): ResOp {
    const arity = OPS[opnum].arity;
    if (arity >= 0 && arity !== args.length) fatal(`jit: ${opName(opnum)} takes ${arity} arguments, got ${args.length}`);
    const op = new ResOp(opnum, args, descr);
    this.ops.push(op);
    return op;
  }

  recordGuard(opnum: int, args: Value[], failArgs: Value[]): ResOp {
    const op = this.record(opnum, args, -1);
    op.failArgs = failArgs;
    return op;
  }
}
