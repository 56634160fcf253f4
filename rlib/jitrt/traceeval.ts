// A reference evaluator of loop traces: runs the trace IR directly, operation by operation,
// with the semantics the Wasm trace backend compiles each operation to (i64 ints, f64
// floats, comparisons giving 0 or 1). Tests compare compiled traces with it, and the
// optimizer's tests compare traces before and after optimization with it. The lists and
// objects a trace's refs point to are modelled (traceheap.ts); fields, arrays and calls are
// not. A guard that fails runs its onFailure list's list operations before it exits.
import { float, int } from "../types.ts";
import { fatal } from "../runtime.ts";
import { exitValues, frameSlots, JitFrame } from "./frame.ts";
import {
  ConstFloat, ConstInt, ConstRef, FINISH, FLOAT_ADD, FLOAT_DIV, FLOAT_LT, FLOAT_MUL, FLOAT_SUB, GUARD_FALSE, GUARD_TRUE,
  GUARD_VALUE, INT_ADD, INT_AND, INT_EQ, INT_GE, INT_GT, INT_LE, INT_LSHIFT, INT_LT, INT_MUL, INT_NE, INT_OR, INT_RSHIFT,
  INT_SUB, INT_XOR, isExit, JUMP, LABEL, opName, ResOp, SAME_AS_I, DEBUG_MERGE_POINT, Trace, TYPE_FLOAT, TYPE_REF, Value,
  INT32_AND, INT32_OR, INT32_XOR, INT32_LSHIFT, INT32_RSHIFT, INT32_URSHIFT, PTR_EQ, PTR_NE, PTR_IS_OBJECT, CAST_INT_TO_FLOAT,
  FLOAT_LE, FLOAT_EQ, FLOAT_NEG, FLOAT_ABS, InputArg, loopHeader, GUARD_NO_EXCEPTION, GUARD_NOT_INVALIDATED, LIST_LEN, GETLISTITEM_I, GETLISTITEM_R,
  GETLISTITEM_F, SETLISTITEM, LIST_APPEND, LIST_POP_I, LIST_POP_R, LIST_POP_F, INSTANCEOF, FIRST_OBJECT_ADDRESS, TYPE_INT,
} from "./resop.ts";
import { intDiv, toFloat } from "../rarith.ts";
import { TraceHeap } from "./traceheap.ts";
import { isInvalidated } from "./quasiimmut.ts";

/** The values of a trace while it runs, by value number (one number per value, any kind). */
class Registers {
  numbers: Map<Value, int> = new Map<Value, int>();
  ints: int[] = [];
  floats: float[] = [];
  refs: int[] = [];

  add(v: Value): void {
    this.numbers.set(v, this.ints.length);
    this.ints.push(0);
    this.floats.push(0);
    this.refs.push(0);
  }

  int(v: Value): int {
    if (v instanceof ConstInt) return v.value;
    return this.ints[this.number(v)];
  }

  float(v: Value): float {
    if (v instanceof ConstFloat) return v.value;
    return this.floats[this.number(v)];
  }

  ref(v: Value): int {
    if (v instanceof ConstRef) return v.address;
    return this.refs[this.number(v)];
  }

  private number(v: Value): int {
    if (!this.numbers.has(v)) fatal("trace evaluator: a value is used before it is defined");
    return this.numbers.get(v)!;
  }
}

/** Runs a loop trace from the inputs in `frame` until an exit; writes the exit's values to
 *  `frame` and returns the exit's number (as a compiled trace does). The trace's list
 *  operations and instanceof tests work on `heap`. */
export function evaluateLoop(trace: Trace, frame: JitFrame, heap: TraceHeap = new TraceHeap()): int {
  const regs = new Registers();
  const inSlots = frameSlots(trace.inputargs);
  for (let i = 0; i < trace.inputargs.length; i++) {
    const a = trace.inputargs[i];
    regs.add(a);
    if (a.type === TYPE_REF) regs.refs[i] = frame.refs[inSlots[i]];
    else if (a.type === TYPE_FLOAT) regs.floats[i] = frame.floats[inSlots[i]];
    else regs.ints[i] = frame.ints[inSlots[i]];
  }
  for (const op of trace.ops) {
    regs.add(op);
    for (const m of op.onFailure) regs.add(m);
  }
  if (trace.ops[0].opnum !== LABEL) fatal("trace evaluator: a loop trace starts with a label");
  // A peeled loop (opt/peel.ts): the preamble's JUMP goes on into the header after it.
  const header = loopHeader(trace);
  const label = trace.ops[header];
  for (const a of label.args) if (a instanceof InputArg && trace.inputargs.indexOf(a) < 0) regs.add(a);
  let exitsBefore = 0;
  for (let i = 0; i < header; i++) if (isExit(trace.ops[i].opnum)) exitsBefore++;
  let exit = 0;
  let pc = 1;
  for (;;) {
    const op = trace.ops[pc];
    pc++;
    if (op.opnum === LABEL) continue;
    if (op.opnum === JUMP) {
      jump(regs, label, op);
      exit = exitsBefore;
      pc = header + 1;
    } else if (isExit(op.opnum)) {
      if (failed(regs, op)) {
        // Its failure path (the optimizer's pending appends and writes) runs first.
        for (const m of op.onFailure) if (!heapStep(regs, heap, m)) fatal(`trace evaluator: ${opName(m.opnum)} on a failure path is not supported`);
        writeExit(regs, exitValues(op), frame);
        return exit;
      }
      exit++;
    } else if (!heapStep(regs, heap, op)) {
      step(regs, op);
    }
  }
}

/** The label's arguments take the jump's values (all read before any is written). */
function jump(regs: Registers, label: ResOp, op: ResOp): void {
  const ints: int[] = [];
  const floats: float[] = [];
  const refs: int[] = [];
  for (const v of op.args) {
    ints.push(v.type === TYPE_REF || v.type === TYPE_FLOAT ? 0 : regs.int(v));
    floats.push(v.type === TYPE_FLOAT ? regs.float(v) : 0);
    refs.push(v.type === TYPE_REF ? regs.ref(v) : 0);
  }
  for (let i = 0; i < label.args.length; i++) set(regs, label.args[i], ints[i], floats[i], refs[i]);
}

function set(regs: Registers, v: Value, i: int, f: float, r: int): void {
  if (v.isConstant()) return;
  const n = regs.numbers.get(v)!;
  regs.ints[n] = i;
  regs.floats[n] = f;
  regs.refs[n] = r;
}

function failed(regs: Registers, op: ResOp): boolean {
  switch (op.opnum) {
    case GUARD_TRUE:
      return regs.int(op.args[0]) === 0;
    case GUARD_FALSE:
      return regs.int(op.args[0]) !== 0;
    case GUARD_VALUE: {
      const a = op.args[0];
      const b = op.args[1];
      if (a.type === TYPE_REF) return regs.ref(a) !== regs.ref(b);
      if (a.type === TYPE_FLOAT) return !sameFloat(regs.float(a), regs.float(b));
      return regs.int(a) !== regs.int(b);
    }
    case FINISH:
      return true;
    case GUARD_NO_EXCEPTION:
      // Nothing the evaluator runs raises (an index error and an empty pop are fatal).
      return false;
    case GUARD_NOT_INVALIDATED:
      return isInvalidated(op.descr);
  }
  fatal(`trace evaluator: ${opName(op.opnum)} is not supported`);
  return true;
}

/** Bitwise equality, as the compiled guard compares floats. */
function sameFloat(a: float, b: float): boolean {
  if (a !== a || b !== b) return a !== a && b !== b;
  return a === b && 1 / a === 1 / b;
}

function writeExit(regs: Registers, values: Value[], frame: JitFrame): void {
  const slots = frameSlots(values);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.type === TYPE_REF) frame.setRef(slots[i], regs.ref(v));
    else if (v.type === TYPE_FLOAT) frame.setFloat(slots[i], regs.float(v));
    else frame.setInt(slots[i], regs.int(v));
  }
}

function step(regs: Registers, op: ResOp): void {
  const n = regs.numbers.get(op)!;
  const a = op.args;
  switch (op.opnum) {
    case INT_ADD:
      regs.ints[n] = regs.int(a[0]) + regs.int(a[1]);
      return;
    case INT_SUB:
      regs.ints[n] = regs.int(a[0]) - regs.int(a[1]);
      return;
    case INT_MUL:
      regs.ints[n] = regs.int(a[0]) * regs.int(a[1]);
      return;
    case INT_AND:
    case INT_OR:
    case INT_XOR:
      regs.ints[n] = bitwise(op.opnum, regs.int(a[0]), regs.int(a[1]));
      return;
    case INT_LSHIFT:
      regs.ints[n] = shiftLeft(regs.int(a[0]), regs.int(a[1]));
      return;
    case INT_RSHIFT:
      regs.ints[n] = shiftRight(regs.int(a[0]), regs.int(a[1]));
      return;
    case INT_LT:
      regs.ints[n] = regs.int(a[0]) < regs.int(a[1]) ? 1 : 0;
      return;
    case INT_LE:
      regs.ints[n] = regs.int(a[0]) <= regs.int(a[1]) ? 1 : 0;
      return;
    case INT_GT:
      regs.ints[n] = regs.int(a[0]) > regs.int(a[1]) ? 1 : 0;
      return;
    case INT_GE:
      regs.ints[n] = regs.int(a[0]) >= regs.int(a[1]) ? 1 : 0;
      return;
    case INT_EQ:
      regs.ints[n] = regs.int(a[0]) === regs.int(a[1]) ? 1 : 0;
      return;
    case INT_NE:
      regs.ints[n] = regs.int(a[0]) !== regs.int(a[1]) ? 1 : 0;
      return;
    case FLOAT_ADD:
      regs.floats[n] = regs.float(a[0]) + regs.float(a[1]);
      return;
    case FLOAT_SUB:
      regs.floats[n] = regs.float(a[0]) - regs.float(a[1]);
      return;
    case FLOAT_MUL:
      regs.floats[n] = regs.float(a[0]) * regs.float(a[1]);
      return;
    case FLOAT_DIV:
      regs.floats[n] = regs.float(a[0]) / regs.float(a[1]);
      return;
    case FLOAT_LT:
      regs.ints[n] = regs.float(a[0]) < regs.float(a[1]) ? 1 : 0;
      return;
    case FLOAT_LE:
      regs.ints[n] = regs.float(a[0]) <= regs.float(a[1]) ? 1 : 0;
      return;
    case FLOAT_EQ:
      regs.ints[n] = regs.float(a[0]) === regs.float(a[1]) ? 1 : 0;
      return;
    case FLOAT_NEG:
      regs.floats[n] = -regs.float(a[0]);
      return;
    case FLOAT_ABS:
      regs.floats[n] = Math.abs(regs.float(a[0]));
      return;
    case CAST_INT_TO_FLOAT:
      regs.floats[n] = toFloat(regs.int(a[0]));
      return;
    // RTS's bitwise operators are the main module's int32 operations.
    case INT32_AND:
      regs.ints[n] = regs.int(a[0]) & regs.int(a[1]);
      return;
    case INT32_OR:
      regs.ints[n] = regs.int(a[0]) | regs.int(a[1]);
      return;
    case INT32_XOR:
      regs.ints[n] = regs.int(a[0]) ^ regs.int(a[1]);
      return;
    case INT32_LSHIFT:
      regs.ints[n] = regs.int(a[0]) << regs.int(a[1]);
      return;
    case INT32_RSHIFT:
      regs.ints[n] = regs.int(a[0]) >> regs.int(a[1]);
      return;
    case INT32_URSHIFT:
      regs.ints[n] = regs.int(a[0]) >>> regs.int(a[1]);
      return;
    case PTR_EQ:
      regs.ints[n] = regs.ref(a[0]) === regs.ref(a[1]) ? 1 : 0;
      return;
    case PTR_NE:
      regs.ints[n] = regs.ref(a[0]) !== regs.ref(a[1]) ? 1 : 0;
      return;
    case PTR_IS_OBJECT:
      regs.ints[n] = regs.ref(a[0]) >= FIRST_OBJECT_ADDRESS ? 1 : 0;
      return;
    case SAME_AS_I:
      regs.ints[n] = regs.int(a[0]);
      return;
    case DEBUG_MERGE_POINT:
      return;
  }
  fatal(`trace evaluator: ${opName(op.opnum)} is not supported`);
}

/** Runs an operation on the lists and objects of `heap`; false if it is not one. */
function heapStep(regs: Registers, heap: TraceHeap, op: ResOp): boolean {
  const n = regs.numbers.get(op)!;
  const a = op.args;
  switch (op.opnum) {
    case LIST_LEN:
      regs.ints[n] = heap.list(regs.ref(a[0])).length;
      return true;
    case GETLISTITEM_I:
    case GETLISTITEM_R:
    case GETLISTITEM_F: {
      const list = heap.list(regs.ref(a[0]));
      const i = regs.int(a[1]);
      list.check(i);
      set(regs, op, list.ints[i], list.floats[i], list.ints[i]);
      return true;
    }
    case SETLISTITEM: {
      const list = heap.list(regs.ref(a[0]));
      const i = regs.int(a[1]);
      list.check(i);
      list.ints[i] = itemInt(regs, a[2]);
      list.floats[i] = a[2].type === TYPE_FLOAT ? regs.float(a[2]) : 0;
      return true;
    }
    case LIST_APPEND:
      regs.ints[n] = heap.list(regs.ref(a[0])).append(itemInt(regs, a[1]), a[1].type === TYPE_FLOAT ? regs.float(a[1]) : 0);
      return true;
    case LIST_POP_I:
    case LIST_POP_R:
    case LIST_POP_F: {
      const list = heap.list(regs.ref(a[0]));
      const last = list.pop();
      set(regs, op, list.ints[last], list.floats[last], list.ints[last]);
      return true;
    }
    case INSTANCEOF:
      regs.ints[n] = heap.isInstance(regs.ref(a[0]), regs.int(a[1]), regs.int(a[2])) ? 1 : 0;
      return true;
  }
  return false;
}

/** An int or ref item as a list holds it (a ref as its address). */
function itemInt(regs: Registers, v: Value): int {
  if (v.type === TYPE_REF) return regs.ref(v);
  if (v.type === TYPE_INT) return regs.int(v);
  return 0;
}

/** 64-bit and, or, xor, sixteen bits at a time (RTS's bitwise operators are 32-bit). */
function bitwise(opnum: int, x: int, y: int): int {
  let result = 0;
  let scale = 1;
  let a = x;
  let b = y;
  for (let k = 0; k < 4; k++) {
    const lowA = a & 65535;
    const lowB = b & 65535;
    const bits = opnum === INT_AND ? lowA & lowB : opnum === INT_OR ? lowA | lowB : lowA ^ lowB;
    // The top sixteen bits carry the sign: a set bit 63 makes the result negative.
    result = result + (k === 3 && bits >= 32768 ? bits - 65536 : bits) * scale;
    a = intDiv(a - lowA, 65536);
    b = intDiv(b - lowB, 65536);
    scale = scale * 65536;
  }
  return result;
}

/** i64.shl: the count taken modulo 64, the bits shifted out of the top lost (wrapping). */
function shiftLeft(x: int, count: int): int {
  let r = x;
  for (let k = 0; k < (count & 63); k++) r = r + r;
  return r;
}

/** i64.shr_s: the count modulo 64, rounding toward minus infinity. */
function shiftRight(x: int, count: int): int {
  let r = x;
  for (let k = 0; k < (count & 63); k++) r = intDiv(r - (r & 1), 2);
  return r;
}
