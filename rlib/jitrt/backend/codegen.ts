// The function of a compiled loop trace: (frame: i32, refs: i32) -> i32. Every value of the
// trace is a Wasm local (ints i64, floats f64, refs i32); the inputs are loaded from the
// frame and refs slots (rlib/jitrt/frame.ts), then the operations run in a Wasm `loop`
// whose carried values are the label's arguments: JUMP assigns them and branches back.
// A guard that fails stores its failArgs to the same slots and returns its exit number.
import { int } from "../../types.ts";
import { fatal } from "../../runtime.ts";
import { exitValues, frameSlots } from "../frame.ts";
import {
  ConstFloat, ConstInt, ConstRef, InputArg, opName, ResOp, Trace, TYPE_FLOAT, TYPE_REF, TYPE_VOID, Value,
} from "../resop.ts";
import { ByteBuffer } from "./bytes.ts";
import {
  OP_CODES, SHAPE_COMPARE, SHAPE_COPY, SHAPE_FINISH, SHAPE_GUARD_FALSE, SHAPE_GUARD_TRUE, SHAPE_GUARD_VALUE, SHAPE_JUMP,
  SHAPE_LABEL, SHAPE_NOTHING, SHAPE_PURE,
} from "./optable.ts";
import {
  BR, EMPTY_BLOCK, END, F64, F64_CONST, F64_LOAD, F64_STORE, I32, I32_CONST, I32_EQZ, I32_LOAD, I32_NE, I32_STORE, I64, I64_CONST,
  I64_EQZ, I64_EXTEND_I32_U, I64_LOAD, I64_NE, I64_REINTERPRET_F64, I64_STORE, IF, LOCAL_GET, LOCAL_SET, LOOP, RETURN, UNREACHABLE,
} from "./wasm.ts";

/** The function's parameters. */
const FRAME = 0;
const REFS = 1;

/** The Wasm value type of a trace value of this type. */
function wasmType(type: int): int {
  if (type === TYPE_FLOAT) return F64;
  if (type === TYPE_REF) return I32;
  return I64;
}

class FunctionCode {
  code: ByteBuffer = new ByteBuffer();
  locals: Map<Value, int> = new Map<Value, int>();
  /** Locals per Wasm type, in the order they are declared: i64, f64, i32. */
  counts: int[] = [0, 0, 0];
  exits: int = 0;

  constructor(public trace: Trace) {}

  /** Numbers the locals: the parameters, then the i64, f64 and i32 values. */
  allocateLocals(): void {
    const values: Value[] = [];
    for (const a of this.trace.inputargs) values.push(a);
    for (const op of this.trace.ops) if (op.type !== TYPE_VOID) values.push(op);
    const groups = [I64, F64, I32];
    let next = 2;
    for (let g = 0; g < 3; g++) {
      for (const v of values) {
        if (wasmType(v.type) !== groups[g]) continue;
        this.locals.set(v, next);
        next++;
        this.counts[g]++;
      }
    }
  }

  local(v: Value): int {
    if (!this.locals.has(v)) fatal("jit backend: a value is used before it is defined");
    return this.locals.get(v)!;
  }

  /** Pushes a value: a constant, or its local. */
  push(v: Value): void {
    const c = this.code;
    if (v instanceof ConstInt) {
      c.byte(I64_CONST);
      c.s64(v.value);
    } else if (v instanceof ConstFloat) {
      c.byte(F64_CONST);
      c.f64(v.value);
    } else if (v instanceof ConstRef) {
      c.byte(I32_CONST);
      c.s64(v.address);
    } else {
      c.byte(LOCAL_GET);
      c.u32(this.local(v));
    }
  }

  setLocal(v: Value): void {
    this.code.byte(LOCAL_SET);
    this.code.u32(this.local(v));
  }

  /** A load or store with its alignment and constant offset. */
  memoryAccess(instr: int, align: int, offset: int): void {
    this.code.byte(instr);
    this.code.u32(align);
    this.code.u32(offset);
  }

  loadInputs(): void {
    const inputs: Value[] = this.trace.inputargs;
    const slots = frameSlots(inputs);
    for (let i = 0; i < inputs.length; i++) {
      const t = inputs[i].type;
      this.code.byte(LOCAL_GET);
      this.code.u32(t === TYPE_REF ? REFS : FRAME);
      if (t === TYPE_REF) this.memoryAccess(I32_LOAD, 2, slots[i] * 4);
      else if (t === TYPE_FLOAT) this.memoryAccess(F64_LOAD, 3, slots[i] * 8);
      else this.memoryAccess(I64_LOAD, 3, slots[i] * 8);
      this.setLocal(inputs[i]);
    }
  }

  /** Stores an exit's values to the slots and returns the exit's number. */
  leave(values: Value[]): void {
    const slots = frameSlots(values);
    for (let i = 0; i < values.length; i++) {
      const t = values[i].type;
      this.code.byte(LOCAL_GET);
      this.code.u32(t === TYPE_REF ? REFS : FRAME);
      this.push(values[i]);
      if (t === TYPE_REF) this.memoryAccess(I32_STORE, 2, slots[i] * 4);
      else if (t === TYPE_FLOAT) this.memoryAccess(F64_STORE, 3, slots[i] * 8);
      else this.memoryAccess(I64_STORE, 3, slots[i] * 8);
    }
    this.code.byte(I32_CONST);
    this.code.s64(this.exits);
    this.code.byte(RETURN);
    this.exits++;
  }

  /** A guard: its failure condition (an i32) is on the stack. */
  guard(op: ResOp): void {
    this.code.byte(IF);
    this.code.byte(EMPTY_BLOCK);
    this.leave(exitValues(op));
    this.code.byte(END);
  }

  operation(op: ResOp, label: ResOp): void {
    const c = this.code;
    const entry = OP_CODES[op.opnum];
    const a = op.args;
    switch (entry.shape) {
      case SHAPE_PURE:
        for (const v of a) this.push(v);
        c.byte(entry.instr);
        this.setLocal(op);
        return;
      case SHAPE_COMPARE:
        for (const v of a) this.push(v);
        c.byte(entry.instr);
        c.byte(I64_EXTEND_I32_U);
        this.setLocal(op);
        return;
      case SHAPE_COPY:
        this.push(a[0]);
        this.setLocal(op);
        return;
      case SHAPE_NOTHING:
        return;
      case SHAPE_GUARD_TRUE:
        this.push(a[0]);
        c.byte(I64_EQZ);
        this.guard(op);
        return;
      case SHAPE_GUARD_FALSE:
        this.push(a[0]);
        c.byte(I64_EQZ);
        c.byte(I32_EQZ);
        this.guard(op);
        return;
      case SHAPE_GUARD_VALUE:
        this.differs(a[0], a[1]);
        this.guard(op);
        return;
      case SHAPE_FINISH:
        this.leave(a);
        return;
      case SHAPE_JUMP:
        // All the new values are pushed before any label argument is assigned.
        for (const v of a) this.push(v);
        for (let i = a.length - 1; i >= 0; i--) this.setLocal(label.args[i]);
        c.byte(BR);
        c.u32(0);
        return;
    }
    fatal(`jit backend: ${opName(op.opnum)} cannot be compiled yet`);
  }

  /** Whether two values differ (an i32): floats bit for bit. */
  differs(x: Value, y: Value): void {
    const c = this.code;
    if (x.type === TYPE_FLOAT) {
      this.push(x);
      c.byte(I64_REINTERPRET_F64);
      this.push(y);
      c.byte(I64_REINTERPRET_F64);
      c.byte(I64_NE);
    } else {
      this.push(x);
      this.push(y);
      c.byte(x.type === TYPE_REF ? I32_NE : I64_NE);
    }
  }
}

/** A loop trace starts with LABEL, whose arguments are distinct inputargs (the loop-carried
 *  values), and ends with JUMP to it with as many values of the same types. */
function checkLoop(trace: Trace): void {
  const ops = trace.ops;
  if (ops.length < 2 || OP_CODES[ops[0].opnum].shape !== SHAPE_LABEL || OP_CODES[ops[ops.length - 1].opnum].shape !== SHAPE_JUMP) {
    fatal("jit backend: a loop trace starts with label and ends with jump");
  }
  const label = ops[0];
  const jump = ops[ops.length - 1];
  if (label.args.length !== jump.args.length) fatal("jit backend: the jump's values do not match the label's");
  for (let i = 0; i < label.args.length; i++) {
    const arg = label.args[i];
    if (!(arg instanceof InputArg)) fatal("jit backend: a label argument is not an input of the trace");
    if (arg.type !== jump.args[i].type) fatal("jit backend: a jump value's type differs from the label argument's");
    for (let k = 0; k < i; k++) if (label.args[k] === arg) fatal("jit backend: a label argument appears twice");
  }
  for (let i = 1; i < ops.length - 1; i++) {
    const shape = OP_CODES[ops[i].opnum].shape;
    if (shape === SHAPE_LABEL || shape === SHAPE_JUMP) fatal("jit backend: label and jump only start and end a loop trace");
  }
}

/** The body of the trace function (its locals and code) as the code section holds it. */
export function loopFunctionBody(trace: Trace): ByteBuffer {
  checkLoop(trace);
  const f = new FunctionCode(trace);
  f.allocateLocals();
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
  f.loadInputs();
  const c = f.code;
  c.byte(LOOP);
  c.byte(EMPTY_BLOCK);
  const label = trace.ops[0];
  for (let i = 1; i < trace.ops.length; i++) f.operation(trace.ops[i], label);
  c.byte(END);
  c.byte(UNREACHABLE);
  c.byte(END);
  for (let i = 0; i < c.length; i++) body.byte(c.bytes[i]);
  return body;
}
