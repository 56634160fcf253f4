// The function of a compiled trace: (frame: i32, refs: i32) -> i32. Every value of the
// trace is a Wasm local (ints i64, or i32 when narrow, floats f64, refs i32); the inputs
// are loaded from the frame and refs slots (rlib/jitrt/frame.ts), then the operations run,
// for a loop in a Wasm `loop` whose carried values are the label's arguments: JUMP assigns
// them and branches back. A guard that fails runs the bridge compiled in its place, whose
// FINISH back to the loop is a branch too; else it stores its failArgs to the same slots
// and goes on in its bridge compiled since, or returns its exit id (function.ts leave:
// through exit code at the function's end that all its guards share, exitTail).
import { int } from "../../types.ts";
import { fatal } from "../../runtime.ts";
import { ConstInt, FIRST_OBJECT_ADDRESS, InputArg, LIST_APPEND, loopHeader, NEW, opName, ResOp, SETARRAYITEM, SETFIELD, SETLISTITEM, Trace, TYPE_FLOAT, TYPE_REF, Value } from "../resop.ts";
import { ByteBuffer } from "./bytes.ts";
import { residualCall } from "./calls.ts";
import { FuncType, FunctionCode, GLOBAL_EXC, MATERIALIZE_FLAG, REFS, Scope, TraceCode } from "./function.ts";
import { arrayLength, callRuntime, getArrayItem, getField, newObject, pushClassDiffers, setArrayItem, setField } from "./heap.ts";
import { RUNTIME_MATERIALIZE } from "../jitcodes.ts";
import { hasFailurePlan } from "../materialize.ts";
import { getListItem, listAppend, listPop, setListItem } from "./lists.ts";
import { flagAddress } from "../quasiimmut.ts";
import {
  OP_CODES, SHAPE_ARRAYLEN, SHAPE_CALL, SHAPE_COMPARE, SHAPE_COPY, SHAPE_FINISH, SHAPE_GETARRAYITEM, SHAPE_GETFIELD, SHAPE_GUARD_CLASS,
  SHAPE_GUARD_FALSE, SHAPE_GUARD_NO_EXCEPTION, SHAPE_GUARD_NOT_INVALIDATED, SHAPE_GUARD_TRUE, SHAPE_GUARD_VALUE, SHAPE_JUMP, SHAPE_LABEL, SHAPE_NOTHING, SHAPE_PURE,
  SHAPE_SETARRAYITEM, SHAPE_SETFIELD, SHAPE_INT32, SHAPE_IS_OBJECT, SHAPE_GETLISTITEM, SHAPE_SETLISTITEM,
  SHAPE_LIST_APPEND, SHAPE_LIST_POP, SHAPE_INSTANCEOF, SHAPE_NEW,
} from "./optable.ts";
import {
  BLOCK, BR, DROP, END, F64, GLOBAL_GET, I32, I32_EQZ, I32_NE, I64, I64_EQZ, I64_EXTEND_I32_U, I64_NE, I64_REINTERPRET_F64, LOOP, EMPTY_BLOCK,
  UNREACHABLE, I32_GE_U, IF, I32_LOAD, I32_SUB, I32_LT_U, I32_AND, I32_XOR, LOCAL_GET, LOCAL_SET, LOCAL_TEE,
} from "./wasm.ts";

/** The instructions of the operation at position `at`. */
function operation(f: FunctionCode, at: int): void {
  const op = f.segment.trace.ops[at];
  const entry = OP_CODES[op.opnum];
  const a = op.args;
  switch (entry.shape) {
    case SHAPE_PURE:
      if (in32Bits(f, op)) {
        for (const v of a) f.push32(v);
        f.byte(entry.instr32);
        f.setLocal32(op);
        return;
      }
      for (const v of a) f.push(v);
      f.byte(entry.instr);
      f.setLocal(op);
      return;
    case SHAPE_COMPARE:
      if (fusedWithGuard(f, at)) return;
      pushComparison(f, op);
      if (f.isNarrow(op)) {
        f.setLocal32(op);
        return;
      }
      f.byte(I64_EXTEND_I32_U);
      f.setLocal(op);
      return;
    case SHAPE_INT32:
      for (const v of a) f.push32(v);
      f.byte(entry.instr);
      if (f.isNarrow(op)) {
        f.setLocal32(op);
        return;
      }
      f.byte(entry.widen);
      f.setLocal(op);
      return;
    case SHAPE_IS_OBJECT:
      f.push(a[0]);
      f.i32Const(FIRST_OBJECT_ADDRESS);
      f.byte(I32_GE_U);
      f.byte(I64_EXTEND_I32_U);
      f.setLocal(op);
      return;
    case SHAPE_INSTANCEOF:
      typeTest(f, op);
      return;
    case SHAPE_NEW:
      newObject(f, op, f.refsLiveAcross(at));
      return;
    case SHAPE_COPY:
      f.push(a[0]);
      f.setLocal(op);
      return;
    case SHAPE_NOTHING:
      return;
    case SHAPE_GUARD_TRUE:
      if (pushFused(f, a[0])) {
        f.byte(I32_EQZ);
      } else if (f.fits32(a[0])) {
        f.push32(a[0]);
        f.byte(I32_EQZ);
      } else {
        f.push(a[0]);
        f.byte(I64_EQZ);
      }
      guard(f, op, at);
      return;
    case SHAPE_GUARD_FALSE:
      if (pushFused(f, a[0])) {
        // (The comparison's i32 is the failure condition.)
      } else if (f.fits32(a[0])) {
        f.push32(a[0]);
      } else {
        f.push(a[0]);
        f.byte(I64_EQZ);
        f.byte(I32_EQZ);
      }
      guard(f, op, at);
      return;
    case SHAPE_GUARD_VALUE:
      differs(f, a[0], a[1]);
      guard(f, op, at);
      return;
    case SHAPE_GUARD_CLASS:
      pushClassDiffers(f, op);
      guard(f, op, at);
      return;
    case SHAPE_GUARD_NO_EXCEPTION:
      f.instr(GLOBAL_GET, GLOBAL_EXC);
      guard(f, op, at);
      return;
    case SHAPE_GUARD_NOT_INVALIDATED:
      // Each trace has a flag of its own.
      f.relocated(flagAddress(op.descr));
      f.memoryAccess(I32_LOAD, 2, 0);
      guard(f, op, at);
      return;
    case SHAPE_GETFIELD:
      getField(f, op);
      return;
    case SHAPE_SETFIELD:
      setField(f, op);
      return;
    case SHAPE_GETARRAYITEM:
      getArrayItem(f, op);
      return;
    case SHAPE_SETARRAYITEM:
      setArrayItem(f, op);
      return;
    case SHAPE_GETLISTITEM:
      getListItem(f, op);
      return;
    case SHAPE_SETLISTITEM:
      setListItem(f, op);
      return;
    case SHAPE_LIST_APPEND:
      listAppend(f, op, f.refsLiveAcross(at));
      return;
    case SHAPE_LIST_POP:
      listPop(f, op);
      return;
    case SHAPE_ARRAYLEN:
      arrayLength(f, op);
      return;
    case SHAPE_CALL:
      residualCall(f, op, at);
      return;
    case SHAPE_FINISH: {
      const n = f.nextExit();
      const links = f.segment.links;
      const scope = links.finishLoops && f.scope.isLoop ? f.scope : f.scopeEntered(links.finishWord);
      if (scope !== null) {
        backToStart(f, scope, a);
      } else if (f.segment.finishInto !== null) {
        copiedLoop(f, f.segment.finishInto, a);
      } else {
        f.leave(op, n);
      }
      return;
    }
    case SHAPE_JUMP: {
      // A peeled loop's preamble ends with a JUMP into the loop right after it.
      const scope = f.scope;
      assignLabel(f, scope.code.trace.ops[scope.header], a);
      if (at !== scope.header - 1) f.instr(BR, f.level - scope.bodyLevel);
      else if (scope.code === f.root) f.preStore(true);
      return;
    }
  }
  fatal(`jit backend: ${opName(op.opnum)} cannot be compiled yet`);
}

/** Whether the comparison at `at` is only used by the guard right after it, which then
 *  computes it as its condition (an i32: no local, no widening, no test against 0). */
function fusedWithGuard(f: FunctionCode, at: int): boolean {
  const ops = f.segment.trace.ops;
  const op = ops[at];
  if (at + 1 >= ops.length || (f.uses.get(op) ?? 0) !== 1) return false;
  const next = OP_CODES[ops[at + 1].opnum].shape;
  if ((next !== SHAPE_GUARD_TRUE && next !== SHAPE_GUARD_FALSE) || ops[at + 1].args[0] !== op) return false;
  f.fused.add(op);
  return true;
}

/** Pushes a fused comparison's result (an i32) and returns true, or returns false. */
function pushFused(f: FunctionCode, v: Value): boolean {
  if (!f.fused.has(v)) return false;
  pushComparison(f, v as ResOp);
  return true;
}

/** Whether the int operation is computed in 32 bits: it has an i32 form, its result is
 *  narrow and so are its operands (or constants within 32 bits). */
function in32Bits(f: FunctionCode, op: ResOp): boolean {
  if (OP_CODES[op.opnum].instr32 === 0 || !f.isNarrow(op)) return false;
  for (const v of op.args) if (!f.fits32(v)) return false;
  return true;
}

/** Pushes a comparison's result, an i32 0 or 1. */
function pushComparison(f: FunctionCode, op: ResOp): void {
  const entry = OP_CODES[op.opnum];
  compareValues(f, op.args[0], op.args[1], entry.instr32, entry.instr);
}

/** Pushes x and y and compares them: as i32s with `instr32` where it is not 0 and both fit
 *  in 32 bits, else as pushed, with `instr`. */
function compareValues(f: FunctionCode, x: Value, y: Value, instr32: int, instr: int): void {
  if (instr32 !== 0 && f.fits32(x) && f.fits32(y)) {
    f.push32(x);
    f.push32(y);
    f.byte(instr32);
    return;
  }
  f.push(x);
  f.push(y);
  f.byte(instr);
}

/** instanceof(x, lo, hi) as the main module's: x an object and (its type id - lo) < hi - lo,
 *  unsigned. Without a branch: the header word of null or undefined (addresses 0 and 8) is
 *  loaded too, harmlessly (that memory is the runtime's), and the first test gives 0. */
function typeTest(f: FunctionCode, op: ResOp): void {
  const x = op.args[0];
  const lo = op.args[1];
  const hi = op.args[2];
  if (!(lo instanceof ConstInt) || !(hi instanceof ConstInt)) fatal("jit backend: instanceof of a class range that is not constant");
  f.push(x);
  f.i32Const(FIRST_OBJECT_ADDRESS);
  f.byte(I32_GE_U);
  f.push(x);
  f.memoryAccess(I32_LOAD, 2, 0);
  f.i32Const((lo as ConstInt).value);
  f.byte(I32_SUB);
  f.i32Const((hi as ConstInt).value - (lo as ConstInt).value);
  f.byte(I32_LT_U);
  f.byte(I32_AND);
  f.byte(I64_EXTEND_I32_U);
  f.setLocal(op);
}

/** Goes back to the start of the loop of `scope` (a FINISH into it), with `values` for
 *  its inputs. */
function backToStart(f: FunctionCode, scope: Scope, values: Value[]): void {
  const label = scope.code.trace.ops[0];
  assignLabel(f, label, values);
  // The root's unpeeled loop starts here with its refs kept in slots (a peeled one's
  // preamble stores them again).
  if (scope.code === f.root && scope.header === 0) f.preStoreChanged(label, values);
  f.instr(BR, f.level - scope.startLevel);
}

/** A FINISH into another loop that goes on in a copy of its tree compiled here: its inputs
 *  take `values`, and it runs as that loop's own function does, but for the refs kept in
 *  slots (prestore.ts: its exits store all their values). It leaves by its exits and by
 *  branches back to the start of a loop around it, never past its end. */
function copiedLoop(f: FunctionCode, copy: TraceCode, values: Value[]): void {
  checkLoop(copy.trace);
  const inputs: Value[] = copy.trace.inputargs;
  for (const v of values) f.push(v);
  for (let i = inputs.length - 1; i >= 0; i--) f.setLocal(inputs[i]);
  const saved = f.beginScope(copy);
  loopCode(f);
  f.byte(UNREACHABLE);
  f.endScope(saved);
}

/** The code of the loop of the innermost scope (its segment being encoded): a peeled
 *  loop's preamble in a Wasm loop of its own, the start a bridge that goes on in the loop
 *  branches back to, then the loop's body in another. */
function loopCode(f: FunctionCode): void {
  const scope = f.scope;
  const ops = scope.code.trace.ops;
  f.count(0);
  if (scope.header > 0) {
    openLoop(f);
    scope.startLevel = f.level;
  }
  for (let i = 1; i < scope.header; i++) operation(f, i);
  openLoop(f);
  scope.bodyLevel = f.level;
  if (scope.header === 0) scope.startLevel = f.level;
  f.count(1);
  for (let i = scope.header + 1; i < ops.length; i++) operation(f, i);
  while (f.level >= scope.startLevel) {
    f.byte(END);
    f.level--;
  }
}

/** Gives a label's arguments `values`. All are pushed before any is assigned (a constant
 *  label argument keeps its value: the one given for it is dropped). */
function assignLabel(f: FunctionCode, label: ResOp, values: Value[]): void {
  for (const v of values) f.push(v);
  for (let i = values.length - 1; i >= 0; i--) {
    if (label.args[i].isConstant()) f.byte(DROP);
    else f.setLocal(label.args[i]);
  }
}

/** A guard at `at`, its failure condition (an i32) on the stack: when it fails, it does
 *  what its onFailure list says (virtual objects built, pending list appends performed:
 *  opt/virtuals.ts; kept-back writes made: opt/lazywrites.ts), then the bridge compiled in
 *  its place runs, or the trace leaves by it. Leaving, it stores its values and calls the
 *  runtime to do the onFailure list (materialize.ts); only a guard with its bridge in place
 *  (a hot one), or whose list only writes, does it inline. */
function guard(f: FunctionCode, op: ResOp, at: int): void {
  const n = f.nextExit();
  f.byte(IF);
  f.byte(EMPTY_BLOCK);
  f.level++;
  const bridge = f.segment.inlined[n];
  const group = f.groupOf(at);
  const plan = hasFailurePlan(op);
  if (bridge === null && !plan) failurePath(f, op, at);
  if (group !== null) {
    // Its values are stored by its group's stub (exitgroups.ts).
    if (plan) f.materializesInTail = true;
    f.tailExitIdOf(op, n);
    f.instr(BR, f.level + group.block);
  } else if (bridge === null) {
    f.storeExitValues(op);
    if (plan) {
      if (f.throughTail(op, n)) {
        f.materializesInTail = true;
      } else {
        f.exitIdOf(n);
        callMaterialize(f);
      }
    }
    f.branchOut(op, n);
  } else {
    failurePath(f, op, at);
    const saved = f.beginSegment(bridge);
    f.count(0);
    for (let i = firstOp(bridge.trace); i < bridge.trace.ops.length; i++) operation(f, i);
    f.endSegment(saved);
  }
  f.level--;
  f.byte(END);
}

/** The onFailure list of the guard at `at`, compiled in its place. */
function failurePath(f: FunctionCode, op: ResOp, at: int): void {
  for (let k = 0; k < op.onFailure.length; k++) {
    const m = op.onFailure[k];
    if (m.opnum === NEW) newObject(f, m, f.refsLiveOnFailure(at, k));
    else if (m.opnum === SETFIELD) setField(f, m);
    else if (m.opnum === SETARRAYITEM) setArrayItem(f, m);
    else if (m.opnum === SETLISTITEM) setListItem(f, m);
    else if (m.opnum === LIST_APPEND) listAppend(f, m, f.refsLiveOnFailure(at, k));
    else fatal(`jit backend: ${opName(m.opnum)} on a guard's failure path`);
  }
}

/** Opens the blocks of the guards' exit stubs (exitgroups.ts), each inside the next: the
 *  guards of stub k branch out of block k with their exit id, past which the stub is
 *  (closeStubs). */
function openStubs(f: FunctionCode): void {
  for (let k = f.stubs.length - 1; k >= 0; k--) {
    f.byte(BLOCK);
    f.byte(I32);
  }
}

/** After the code of the trace: each stub after the end of its block, which stores its
 *  values and leaves with the exit id its guard gave (under the stores' operands). */
function closeStubs(f: FunctionCode): void {
  const n = f.stubs.length;
  for (let k = 0; k < n; k++) {
    f.byte(END);
    const stub = f.stubs[k];
    for (let i = 0; i < stub.values.length; i++) f.storeInSlot(stub.values[i], stub.slots[i]);
    f.instr(BR, n - 1 - k);
  }
}

/** Calls the runtime's jitMaterialize with the exit id on the stack (an i32). */
function callMaterialize(f: FunctionCode): void {
  f.byte(I64_EXTEND_I32_U);
  f.instr(LOCAL_GET, REFS);
  f.byte(I64_EXTEND_I32_U);
  callRuntime(f, RUNTIME_MATERIALIZE, new FuncType([I64, I64], []));
}

/** After the block beginExits opened, the id of the exit taken on the stack: the exit code
 *  all exits that go through it share. Where one of them has a failure plan, it calls
 *  jitMaterialize for the exits whose id carries MATERIALIZE_FLAG (one call for all: a call
 *  per exit is large machine code), without the flag. */
function sharedExit(f: FunctionCode): void {
  f.instr(LOCAL_SET, f.exitId);
  if (f.materializesInTail) {
    f.instr(LOCAL_GET, f.exitId);
    f.i32Const(MATERIALIZE_FLAG);
    f.byte(I32_AND);
    f.byte(IF);
    f.byte(EMPTY_BLOCK);
    f.instr(LOCAL_GET, f.exitId);
    f.i32Const(MATERIALIZE_FLAG);
    f.byte(I32_XOR);
    f.instr(LOCAL_TEE, f.exitId);
    callMaterialize(f);
    f.byte(END);
  }
  f.exitTail();
}

/** Whether two values differ (an i32): floats bit for bit. */
function differs(f: FunctionCode, x: Value, y: Value): void {
  if (x.type === TYPE_FLOAT) {
    f.push(x);
    f.byte(I64_REINTERPRET_F64);
    f.push(y);
    f.byte(I64_REINTERPRET_F64);
    f.byte(I64_NE);
  } else if (x.type === TYPE_REF) {
    compareValues(f, x, y, 0, I32_NE);
  } else {
    compareValues(f, x, y, I32_NE, I64_NE);
  }
}

/** A loop trace starts with LABEL, whose arguments are its inputs, and ends with JUMP back
 *  to its last LABEL (the loop's header), whose arguments are distinct inputs (the
 *  loop-carried values) or constants (the optimizer may know one); a JUMP gives it as many
 *  values of the same types. A peeled loop (opt/peel.ts) has a preamble before the header,
 *  which ends with a JUMP into it. Returns the header's index. */
function checkLoop(trace: Trace): int {
  const ops = trace.ops;
  if (ops.length < 2 || OP_CODES[ops[0].opnum].shape !== SHAPE_LABEL || OP_CODES[ops[ops.length - 1].opnum].shape !== SHAPE_JUMP) {
    fatal("jit backend: a loop trace starts with label and ends with jump");
  }
  const header = loopHeader(trace);
  const label = ops[header];
  if (header > 0) {
    if (OP_CODES[ops[header - 1].opnum].shape !== SHAPE_JUMP) fatal("jit backend: a preamble ends with a jump into the loop");
    checkJump(label, ops[header - 1]);
    const first = ops[0];
    if (first.args.length !== trace.inputargs.length) fatal("jit backend: a preamble's label takes the trace's inputs");
    for (let i = 0; i < first.args.length; i++) if (first.args[i] !== trace.inputargs[i]) fatal("jit backend: a preamble's label takes the trace's inputs");
  }
  checkJump(label, ops[ops.length - 1]);
  for (let i = 0; i < label.args.length; i++) {
    const arg = label.args[i];
    if (!(arg instanceof InputArg) && !arg.isConstant()) fatal("jit backend: a label argument is not an input of the trace");
    for (let k = 0; k < i; k++) if (label.args[k] === arg && !arg.isConstant()) fatal("jit backend: a label argument appears twice");
  }
  for (let i = 1; i < ops.length - 1; i++) {
    const shape = OP_CODES[ops[i].opnum].shape;
    if ((shape === SHAPE_LABEL && i !== header) || (shape === SHAPE_JUMP && i !== header - 1)) {
      fatal("jit backend: label and jump only start and end a loop trace and its preamble");
    }
  }
  return header;
}

function checkJump(label: ResOp, jump: ResOp): void {
  if (label.args.length !== jump.args.length) fatal("jit backend: the jump's values do not match the label's");
  for (let i = 0; i < label.args.length; i++) {
    if (label.args[i].type !== jump.args[i].type) fatal("jit backend: a jump value's type differs from the label argument's");
  }
}

/** The function of a loop trace and the bridges compiled into it: its body (locals and
 *  code, as the code section holds it) and the function types its indirect calls use (the
 *  module declares them). A peeled loop's preamble runs in a Wasm loop of its own, the
 *  start a bridge that goes on in this trace branches back to. */
export function loopFunction(tree: TraceCode): FunctionCode {
  const header = checkLoop(tree.trace);
  const f = new FunctionCode(tree, true);
  f.beginExits();
  openStubs(f);
  f.loadInputs();
  if (header === 0) f.preStore(false);
  loopCode(f);
  f.byte(UNREACHABLE);
  closeStubs(f);
  f.byte(END);
  sharedExit(f);
  f.byte(END);
  return f;
}

function openLoop(f: FunctionCode): void {
  f.byte(LOOP);
  f.byte(EMPTY_BLOCK);
  f.level++;
}

/** The function of a straight-line trace and the bridges compiled into it: it leaves by a
 *  guard or by its FINISH (or goes back to its start: below). */
export function straightFunction(tree: TraceCode): FunctionCode {
  const trace = tree.trace;
  const ops = trace.ops;
  const first = firstOp(trace);
  if (ops.length === first || OP_CODES[ops[ops.length - 1].opnum].shape !== SHAPE_FINISH) {
    fatal("jit backend: a straight-line trace ends with finish");
  }
  for (let i = first; i < ops.length; i++) {
    const shape = OP_CODES[ops[i].opnum].shape;
    if (shape === SHAPE_LABEL || shape === SHAPE_JUMP) fatal("jit backend: a straight-line trace has no label or jump inside");
  }
  const f = new FunctionCode(tree, false);
  f.beginExits();
  openStubs(f);
  f.loadInputs();
  f.preStore(false);
  // A root compiled for a green key (code from a loop header on to another loop) runs in a
  // Wasm loop: a bridge compiled into it that goes on at the same key branches back to its
  // start (backToStart) instead of tail-calling its function again (a tape interpreter's
  // benchmark made ~2 M such calls a run).
  const again = tree.entryWord !== 0 && first === 1;
  if (again) {
    openLoop(f);
    f.scope.startLevel = f.level;
  }
  f.count(0);
  for (let i = first; i < ops.length; i++) operation(f, i);
  if (again) {
    f.byte(END);
    f.level--;
  }
  f.byte(UNREACHABLE);
  closeStubs(f);
  f.byte(END);
  sharedExit(f);
  f.byte(END);
  return f;
}

/** Where a straight-line trace's operations start: after its LABEL, if it has one. */
function firstOp(trace: Trace): int {
  return trace.ops.length > 0 && OP_CODES[trace.ops[0].opnum].shape === SHAPE_LABEL ? 1 : 0;
}

/** The locals declaration and code of the function. */
export function functionBody(f: FunctionCode): ByteBuffer {
  const body = new ByteBuffer();
  const types = [I64, F64, I32];
  let groups = 0;
  for (const n of f.counts) if (n > 0) groups++;
  body.u32(groups);
  for (let g = 0; g < 3; g++) {
    if (f.counts[g] === 0) continue;
    body.u32(f.counts[g]);
    body.byte(types[g]);
  }
  body.append(f.code);
  return body;
}
