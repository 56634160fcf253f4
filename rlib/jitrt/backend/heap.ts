// Fields and typed-array items, as the main module's backend (targets/wasm/ops.ts) accesses
// them: the same layouts, bounds checks (a read out of range is the runtime's index error; a
// typed-array write out of range does nothing, as in JS), integer stores keeping the low
// bits, and the generational collector's write barrier before a ref is stored into an
// object (for a list, into its items object: lists.ts).
import { int } from "../../types.ts";
import { gcMode, stateBase } from "../../lowlevel.ts";
import { LARGE_OBJECT, NURSERY_FREE, NURSERY_TOP } from "../../gc/generational.ts";
import { MIN_CHUNK } from "../../gc/marksweep.ts";
import { GC_TRACK_YOUNG, LIST_ITEMS, TYPED_DATA, TYPED_LENGTH } from "../../runtime.ts";
import {
  descrWord, ELEM_F32, ELEM_I16, ELEM_I32, ELEM_I8, ELEM_U16, ELEM_U32, ELEM_U8, LL_F64, LL_I32, LL_PTR, NEW_SIZE, NEW_TYPEID,
  RUNTIME_ALLOCATE, RUNTIME_INDEX_ERROR, RUNTIME_REMEMBER, runtimeSlot,
} from "../jitcodes.ts";
import { ConstInt, ConstRef, ResOp, TYPE_REF, Value } from "../resop.ts";
import { reload, spill } from "./calls.ts";
import { FuncType, FunctionCode } from "./function.ts";
import {
  CALL_INDIRECT, ELSE, EMPTY_BLOCK, END, F32_DEMOTE_F64, F32_LOAD, F32_STORE, F64_LOAD, F64_PROMOTE_F32, F64_STORE, I32_ADD,
  I32_AND, I32_GT_U, I32_LOAD, I32_LOAD16_S, I32_LOAD16_U, I32_LOAD8_S, I32_LOAD8_U, I32_SHL, I32_STORE, I32_STORE16, I32_STORE8, I32_WRAP_I64, I64, I64_EXTEND_I32_U, I64_GE_U, I64_LOAD, I64_LOAD16_S, I64_LOAD16_U,
  I64_LOAD32_S, I64_LOAD32_U, I64_LOAD8_S, I64_LOAD8_U, I64_LT_U, I64_NE, I64_STORE, IF, UNREACHABLE,
} from "./wasm.ts";

/** Words of a field descriptor (jitdata.ts): offset, low-level type code. */
const FIELD_OFFSET = 1;
const FIELD_TYPE = 2;
/** Word of an array descriptor: the element kind, in TYPED_ARRAYS order. */
const ARRAY_ELEM = 1;
/** The largest constant offset of a Wasm memory access (a u32). */
const MAX_MEMARG_OFFSET = 4294967295;
/** Header word holding the object's size and the generational collector's flags. */
const GC_FLAGS = 4;
const GC_SIZE = 4;
const GENERATIONAL = 2;

export function getField(f: FunctionCode, op: ResOp): void {
  const offset = descrWord(op.descr, FIELD_OFFSET);
  const type = descrWord(op.descr, FIELD_TYPE);
  f.push(op.args[0]);
  if (type === LL_PTR) f.memoryAccess(I32_LOAD, 2, offset);
  else if (type === LL_F64) f.memoryAccess(F64_LOAD, 3, offset);
  else if (type === LL_I32) {
    f.memoryAccess(I32_LOAD, 2, offset);
    f.byte(I64_EXTEND_I32_U);
  } else f.memoryAccess(I64_LOAD, 3, offset);
  f.setLocal(op);
}

export function setField(f: FunctionCode, op: ResOp): void {
  const offset = descrWord(op.descr, FIELD_OFFSET);
  const type = descrWord(op.descr, FIELD_TYPE);
  const obj = op.args[0];
  const value = op.args[1];
  if (value.type === TYPE_REF) writeBarrier(f, obj, value, false);
  f.push(obj);
  if (type === LL_I32) {
    f.push32(value);
    f.memoryAccess(I32_STORE, 2, offset);
    return;
  }
  f.push(value);
  if (type === LL_PTR) f.memoryAccess(I32_STORE, 2, offset);
  else if (type === LL_F64) f.memoryAccess(F64_STORE, 3, offset);
  else f.memoryAccess(I64_STORE, 3, offset);
}

/** NEW: a fresh zeroed instance, as the main module allocates one (targets/wasm/ops.ts
 *  malloc): with the generational collector, a bump of the nursery pointer and the header
 *  written (the nursery is zeroed after each collection), else, or when the nursery is
 *  full, the runtime's allocate, which may collect: `live`, the refs needed after it, are
 *  spilled around that call, as around a residual call. */
export function newObject(f: FunctionCode, op: ResOp, live: Value[]): void {
  const size = descrWord(op.descr, NEW_SIZE);
  const typeid = descrWord(op.descr, NEW_TYPEID);
  const n = size < MIN_CHUNK ? MIN_CHUNK : (size + 7) & -8;
  if (gcMode() !== GENERATIONAL || n > LARGE_OBJECT) {
    allocateCall(f, op, live, size, typeid);
    return;
  }
  const free = stateBase() + NURSERY_FREE;
  f.i32Const(free);
  f.memoryAccess(I32_LOAD, 2, 0);
  f.setLocal(op);
  f.push(op);
  f.i32Const(n);
  f.byte(I32_ADD);
  f.i32Const(stateBase() + NURSERY_TOP);
  f.memoryAccess(I32_LOAD, 2, 0);
  f.byte(I32_GT_U);
  f.byte(IF);
  f.byte(EMPTY_BLOCK);
  allocateCall(f, op, live, size, typeid);
  f.byte(ELSE);
  f.i32Const(free);
  f.push(op);
  f.i32Const(n);
  f.byte(I32_ADD);
  f.memoryAccess(I32_STORE, 2, 0);
  f.push(op);
  f.i32Const(typeid);
  f.memoryAccess(I32_STORE, 2, 0);
  f.push(op);
  f.i32Const(n);
  f.memoryAccess(I32_STORE, 2, GC_SIZE);
  f.byte(END);
}

function allocateCall(f: FunctionCode, op: ResOp, live: Value[], size: int, typeid: int): void {
  spill(f, live);
  f.push(new ConstInt(size));
  f.push(new ConstInt(typeid));
  callRuntime(f, RUNTIME_ALLOCATE, new FuncType([I64, I64], [I64]));
  f.byte(I32_WRAP_I64);
  f.setLocal(op);
  reload(f, live);
}

/** As the main module's: an object whose header has TRACK_YOUNG set is remembered before a
 *  ref is stored into it (constants are prebuilt objects or null, never young). The object
 *  is `obj`, or with `listItems` the items object of the list `obj`. */
export function writeBarrier(f: FunctionCode, obj: Value, value: Value, listItems: boolean): void {
  if (gcMode() !== GENERATIONAL || value instanceof ConstRef) return;
  pushBarrierTarget(f, obj, listItems);
  f.memoryAccess(I32_LOAD, 2, GC_FLAGS);
  f.i32Const(GC_TRACK_YOUNG);
  f.byte(I32_AND);
  f.byte(IF);
  f.byte(EMPTY_BLOCK);
  pushBarrierTarget(f, obj, listItems);
  f.byte(I64_EXTEND_I32_U);
  callRuntime(f, RUNTIME_REMEMBER, new FuncType([I64], []));
  f.byte(END);
}

function pushBarrierTarget(f: FunctionCode, obj: Value, listItems: boolean): void {
  f.push(obj);
  if (listItems) f.memoryAccess(I32_LOAD, 2, LIST_ITEMS);
}

export function callRuntime(f: FunctionCode, which: int, type: FuncType): void {
  f.i32Const(runtimeSlot(which));
  f.instr(CALL_INDIRECT, f.typeIndex(type));
  f.byte(0);
}

/** The i32 load of an item of 32 bits or fewer. */
function narrowLoad(elem: int): int {
  if (elem === ELEM_U8) return I32_LOAD8_U;
  if (elem === ELEM_I8) return I32_LOAD8_S;
  if (elem === ELEM_U16) return I32_LOAD16_U;
  if (elem === ELEM_I16) return I32_LOAD16_S;
  return I32_LOAD;
}

/** log2 of an element's size. */
function elemShift(elem: int): int {
  if (elem <= ELEM_I8) return 0;
  if (elem <= ELEM_I16) return 1;
  if (elem <= ELEM_F32) return 2;
  return 3;
}

/** Pushes the element's address minus the memarg offset it returns: TYPED_DATA past the
 *  array, which for a constant array is folded into the offset too, and so is the constant
 *  part of an index the optimizer split (ResOp.indexBase). */
function elemAddress(f: FunctionCode, op: ResOp, elem: int): int {
  const arr = op.args[0];
  const base = arr instanceof ConstRef ? arr.address : -1;
  const shift = elemShift(elem);
  const split = base >= 0 && op.indexBase !== null ? base + TYPED_DATA + op.indexOffset * (1 << shift) : -1;
  const fromBase = split >= 0 && split <= MAX_MEMARG_OFFSET;
  if (base < 0) f.push(arr);
  f.push32(fromBase ? op.indexBase! : op.args[1]);
  if (shift > 0) {
    f.i32Const(shift);
    f.byte(I32_SHL);
  }
  if (fromBase) return split;
  if (base < 0) {
    f.byte(I32_ADD);
    return TYPED_DATA;
  }
  return base + TYPED_DATA;
}

/** The length of a typed array (TYPED_LENGTH) or a list (LIST_LENGTH), as an int. */
export function pushLength(f: FunctionCode, obj: Value, lengthOffset: int): void {
  f.push(obj);
  f.memoryAccess(I64_LOAD32_U, 2, lengthOffset);
}

/** An index out of range (negative ones too: compared unsigned) is the runtime's index
 *  error, which stops the program. */
export function checkIndex(f: FunctionCode, obj: Value, index: Value, lengthOffset: int): void {
  f.push(index);
  pushLength(f, obj, lengthOffset);
  f.byte(I64_GE_U);
  f.byte(IF);
  f.byte(EMPTY_BLOCK);
  f.push(index);
  pushLength(f, obj, lengthOffset);
  callRuntime(f, RUNTIME_INDEX_ERROR, new FuncType([I64, I64], []));
  f.byte(UNREACHABLE);
  f.byte(END);
}

export function getArrayItem(f: FunctionCode, op: ResOp): void {
  const arr = op.args[0];
  const index = op.args[1];
  const elem = descrWord(op.descr, ARRAY_ELEM);
  if (!op.inBounds) checkIndex(f, arr, index, TYPED_LENGTH);
  const offset = elemAddress(f, op, elem);
  const shift = elemShift(elem);
  if (f.isNarrow(op) && elem <= ELEM_I32) {
    // An item of 32 bits or fewer that the optimizer bounded (all but a Uint32Array's).
    f.memoryAccess(narrowLoad(elem), shift, offset);
    f.setLocal32(op);
    return;
  }
  if (elem === ELEM_U8) f.memoryAccess(I64_LOAD8_U, shift, offset);
  else if (elem === ELEM_I8) f.memoryAccess(I64_LOAD8_S, shift, offset);
  else if (elem === ELEM_U16) f.memoryAccess(I64_LOAD16_U, shift, offset);
  else if (elem === ELEM_I16) f.memoryAccess(I64_LOAD16_S, shift, offset);
  else if (elem === ELEM_U32) f.memoryAccess(I64_LOAD32_U, shift, offset);
  else if (elem === ELEM_I32) f.memoryAccess(I64_LOAD32_S, shift, offset);
  else if (elem === ELEM_F32) {
    f.memoryAccess(F32_LOAD, shift, offset);
    f.byte(F64_PROMOTE_F32);
  } else f.memoryAccess(F64_LOAD, shift, offset);
  f.setLocal(op);
}

export function setArrayItem(f: FunctionCode, op: ResOp): void {
  const arr = op.args[0];
  const index = op.args[1];
  const elem = descrWord(op.descr, ARRAY_ELEM);
  // Out of range, the write does nothing (unless the optimizer proved it in range).
  if (!op.inBounds) {
    f.push(index);
    pushLength(f, arr, TYPED_LENGTH);
    f.byte(I64_LT_U);
    f.byte(IF);
    f.byte(EMPTY_BLOCK);
  }
  const offset = elemAddress(f, op, elem);
  const shift = elemShift(elem);
  if (elem === ELEM_F32) {
    f.push(op.args[2]);
    f.byte(F32_DEMOTE_F64);
    f.memoryAccess(F32_STORE, 2, offset);
  } else if (shift === 3) {
    f.push(op.args[2]);
    f.memoryAccess(F64_STORE, 3, offset);
  } else {
    // An integer item is stored from the i32 its value wraps to (a narrow value's own: an
    // i64 store would keep a sign extension before every store of one).
    f.push32(op.args[2]);
    f.memoryAccess(shift === 0 ? I32_STORE8 : shift === 1 ? I32_STORE16 : I32_STORE, shift, offset);
  }
  if (!op.inBounds) f.byte(END);
}

/** arraylen_gc and list_len: strings, typed arrays and lists all keep their length at +8. */
export function arrayLength(f: FunctionCode, op: ResOp): void {
  pushLength(f, op.args[0], TYPED_LENGTH);
  f.setLocal(op);
}

/** guard_class: the object's type id (its first header word) is the constant. */
export function pushClassDiffers(f: FunctionCode, op: ResOp): void {
  f.push(op.args[0]);
  f.memoryAccess(I64_LOAD32_U, 2, 0);
  f.push(op.args[1]);
  f.byte(I64_NE);
}
