// The meta-interpreter's data operations (see metainterp.ts): fields, typed-array items and
// arithmetic, executed on the registers and, while tracing, recorded on their boxes (lists
// are listops.ts').
import { load16, load32, load64, load8, loadFloat32, loadFloat64, store16, store32, store64, store8, storeFloat32, storeFloat64 } from "../lowlevel.ts";
import { allocate, indexError, TYPED_DATA, TYPED_LENGTH, writeBarrier } from "../runtime.ts";
import { listOp } from "./listops.ts";
import { genIsYoung } from "../gc/generational.ts";
import { float, int } from "../types.ts";
import {
  descrWord, isImmutableField, quasiImmutableWord, NEW_SIZE, NEW_TYPEID, ELEM_F32, ELEM_I16, ELEM_I32, ELEM_I8, ELEM_U16, ELEM_U32, ELEM_U8, KIND_FLOAT, LL_F64, LL_I64, LL_PTR,
} from "./jitcodes.ts";
import type { MetaInterp } from "./metainterp.ts";
import { Frame, NO_BOX } from "./miframe.ts";
import {
  H_CAST_INT_TO_FLOAT, H_FLOAT_ABS, H_FLOAT_ADD, H_FLOAT_EQ, H_FLOAT_GE, H_FLOAT_GT, H_FLOAT_LE, H_FLOAT_LT, H_FLOAT_MUL, H_FLOAT_NEG,
  H_FLOAT_SUB, H_GETLISTITEM, H_LIST_POP, H_INT_ADD, H_INT_GE, H_INT_GT, H_INT_IS_TRUE, H_INT_LE, H_INT_LT, H_INT_MUL, H_INT_NEG, H_INT_SUB, H_INT32_AND,
  H_INT32_LSHIFT, H_INT32_NOT, H_INT32_OR, H_INT32_RSHIFT, H_INT32_URSHIFT, H_INT32_XOR, H_BOOL_NOT, H_LENGTH, H_LIST_LENGTH, H_PTR_EQ,
  H_PTR_IS_NULLISH, H_PTR_IS_TRUE, H_INSTANCEOF, H_NEW,
} from "./opcodes.ts";
import {
  ARRAYLEN, CAST_INT_TO_FLOAT, ConstFloat, ConstInt, ConstRef, FLOAT_ABS, FLOAT_ADD, FLOAT_DIV, FLOAT_EQ, FLOAT_LE, FLOAT_LT, FLOAT_MUL, FLOAT_NEG, FLOAT_SUB,
  GETARRAYITEM_F, GETARRAYITEM_I, GETFIELD_F, GETFIELD_I, GETFIELD_R, INT_ADD, INT_EQ, INT_GE, INT_GT, INT_LE, INT_LT, INT_MUL, INT_NE,
  FIRST_OBJECT_ADDRESS, INSTANCEOF, NEW, INT_SUB, INT32_AND, INT32_LSHIFT, INT32_OR, INT32_RSHIFT, INT32_URSHIFT, INT32_XOR, LIST_LEN, PTR_EQ, PTR_IS_OBJECT, SETARRAYITEM, SETFIELD,
  Value,
} from "./resop.ts";
import { toFloat } from "../rarith.ts";

/** A field read. An immutable field of a constant object is a constant (nothing recorded),
 *  as RPython's tracer does for _immutable_fields_: the operations on it fold as they are
 *  recorded, and a promote of it needs no guard. So is a quasi-immutable one, which the
 *  trace then watches (knownQuasiImmutable). */
export function getField(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const descr = d.scalars[1];
  const t = descrWord(descr, 2);
  const objBox = mi.tracing ? f.refBoxes[d.scalars[0]] : NO_BOX;
  const constant = mi.tracing && objBox instanceof ConstRef && f.getRef(d.scalars[0]) >= FIRST_OBJECT_ADDRESS;
  const known = constant && (isImmutableField(descr) || knownQuasiImmutable(mi, f, descr));
  // (Read after knownQuasiImmutable, which allocates: the object's address is read again.)
  const at = f.getRef(d.scalars[0]) + descrWord(descr, 1);
  if (t === LL_PTR) {
    const v = load32(at);
    f.setRef(d.result, v);
    if (mi.tracing) f.refBoxes[d.result] = known ? new ConstRef(v) : mi.trace.record(GETFIELD_R, [objBox], descr);
  } else if (t === LL_F64) {
    const v = loadFloat64(at);
    f.floats[d.result] = v;
    if (mi.tracing) f.floatBoxes[d.result] = known ? new ConstFloat(v) : mi.trace.record(GETFIELD_F, [objBox], descr);
  } else {
    const v = t === LL_I64 ? load64(at) : load32(at);
    f.ints[d.result] = v;
    if (mi.tracing) f.intBoxes[d.result] = known ? new ConstInt(v) : mi.trace.record(GETFIELD_I, [objBox], descr);
  }
}

/** Whether the trace takes a constant object's quasi-immutable field (RPython's
 *  QUASIIMMUT_FIELD) as the constant it holds now: recorded with a guard_not_invalidated
 *  (MetaInterp.watchField). Not a young object's address (a trace constant must not move;
 *  the field may have been written while tracing), nor a field written too often. */
function knownQuasiImmutable(mi: MetaInterp, f: Frame, descr: int): boolean {
  const word = quasiImmutableWord(descr);
  const obj = f.getRef(mi.d.scalars[0]);
  if (word < 0 || (descrWord(descr, 2) === LL_PTR && genIsYoung(load32(obj + descrWord(descr, 1))))) return false;
  return mi.watchField(f, obj + word);
}

export function setField(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const objReg = d.scalars[0];
  const descr = d.scalars[2];
  const at = f.getRef(objReg) + descrWord(descr, 1);
  const t = descrWord(descr, 2);
  let valueBox: Value = NO_BOX;
  if (t === LL_PTR) {
    store32(at, f.getRef(d.scalars[1]));
    const obj = f.getRef(objReg);
    writeBarrier(obj);
    if (mi.tracing) valueBox = f.refBoxes[d.scalars[1]];
  } else if (t === LL_F64) {
    storeFloat64(at, mi.float(f, 1));
    if (mi.tracing) valueBox = f.floatBoxes[d.scalars[1]];
  } else {
    if (t === LL_I64) store64(at, mi.int(f, 1));
    else store32(at, mi.int(f, 1));
    if (mi.tracing) valueBox = mi.intBox(f, 1);
  }
  if (mi.tracing) mi.trace.record(SETFIELD, [f.refBoxes[objReg], valueBox], descr);
}

export function getArrayItem(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const arr = f.getRef(d.scalars[0]);
  const i = mi.int(f, 1);
  const descr = d.scalars[2];
  const elem = descrWord(descr, 1);
  const len = load32(arr + TYPED_LENGTH);
  if (i < 0 || i >= len) indexError(i, len);
  const at = arr + TYPED_DATA;
  if (d.resultKind === KIND_FLOAT) {
    f.floats[d.result] = elem === ELEM_F32 ? loadFloat32(at + 4 * i) : loadFloat64(at + 8 * i);
    if (mi.tracing) f.floatBoxes[d.result] = mi.trace.record(GETARRAYITEM_F, [f.refBoxes[d.scalars[0]], mi.intBox(f, 1)], descr);
    return;
  }
  let v = 0;
  if (elem === ELEM_U8) v = load8(at + i);
  else if (elem === ELEM_I8) v = (load8(at + i) << 24) >> 24;
  else if (elem === ELEM_U16) v = load16(at + 2 * i);
  else if (elem === ELEM_I16) v = (load16(at + 2 * i) << 16) >> 16;
  else if (elem === ELEM_U32) v = load32(at + 4 * i);
  else if (elem === ELEM_I32) v = load32(at + 4 * i) | 0;
  f.ints[d.result] = v;
  if (mi.tracing) f.intBoxes[d.result] = mi.trace.record(GETARRAYITEM_I, [f.refBoxes[d.scalars[0]], mi.intBox(f, 1)], descr);
}

export function setArrayItem(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const arr = f.getRef(d.scalars[0]);
  const i = mi.int(f, 1);
  const descr = d.scalars[3];
  const elem = descrWord(descr, 1);
  const float = d.kinds[2] === KIND_FLOAT;
  if (mi.tracing) {
    const value = float ? f.floatBoxes[d.scalars[2]] : mi.intBox(f, 2);
    mi.trace.record(SETARRAYITEM, [f.refBoxes[d.scalars[0]], mi.intBox(f, 1), value], descr);
  }
  storeTypedItem(arr, i, elem, float, float ? 0 : mi.int(f, 2), float ? mi.float(f, 2) : 0);
}

/** Stores item i of the typed array `arr` (element kind `elem`): the int v, or with
 *  `isFloat` the float x. Out of range, a typed array store does nothing (as in JS). */
export function storeTypedItem(arr: int, i: int, elem: int, isFloat: boolean, v: int, x: float): void {
  if (i < 0 || i >= load32(arr + TYPED_LENGTH)) return;
  const at = arr + TYPED_DATA;
  if (isFloat) {
    if (elem === ELEM_F32) storeFloat32(at + 4 * i, x);
    else storeFloat64(at + 8 * i, x);
    return;
  }
  if (elem === ELEM_U8 || elem === ELEM_I8) store8(at + i, v);
  else if (elem === ELEM_U16 || elem === ELEM_I16) store16(at + 2 * i, v);
  else store32(at + 4 * i, v);
}

export function intOp(mi: MetaInterp, f: Frame, h: int): void {
  const a = mi.int(f, 0);
  const b = mi.int(f, 1);
  let v = 0;
  let opnum = 0;
  if (h === H_INT_ADD) {
    v = a + b;
    opnum = INT_ADD;
  } else if (h === H_INT_SUB) {
    v = a - b;
    opnum = INT_SUB;
  } else if (h === H_INT_MUL) {
    v = a * b;
    opnum = INT_MUL;
  } else if (h === H_INT_LT) {
    v = a < b ? 1 : 0;
    opnum = INT_LT;
  } else if (h === H_INT_LE) {
    v = a <= b ? 1 : 0;
    opnum = INT_LE;
  } else if (h === H_INT_GT) {
    v = a > b ? 1 : 0;
    opnum = INT_GT;
  } else if (h === H_INT_GE) {
    v = a >= b ? 1 : 0;
    opnum = INT_GE;
  } else {
    v = a === b ? 1 : 0;
    opnum = INT_EQ;
  }
  mi.setInt(f, v, mi.tracing ? mi.pure(opnum, [mi.intBox(f, 0), mi.intBox(f, 1)], v) : NO_BOX);
}

export function floatOp(mi: MetaInterp, f: Frame, h: int): void {
  const a = mi.float(f, 0);
  const b = mi.float(f, 1);
  const boxes: Value[] = [];
  if (mi.tracing) {
    boxes.push(f.floatBoxes[mi.d.scalars[0]]);
    boxes.push(f.floatBoxes[mi.d.scalars[1]]);
  }
  if (h === H_FLOAT_LT) {
    const v = a < b ? 1 : 0;
    mi.setInt(f, v, mi.pure(FLOAT_LT, boxes, v));
    return;
  }
  let v = 0.0;
  let opnum = 0;
  if (h === H_FLOAT_ADD) {
    v = a + b;
    opnum = FLOAT_ADD;
  } else if (h === H_FLOAT_SUB) {
    v = a - b;
    opnum = FLOAT_SUB;
  } else if (h === H_FLOAT_MUL) {
    v = a * b;
    opnum = FLOAT_MUL;
  } else {
    v = a / b;
    opnum = FLOAT_DIV;
  }
  mi.setFloat(f, v, mi.pureFloat(opnum, boxes, v));
}

/** The operations of the handlers above H_UNKNOWN: list items, appends and pops
 *  (listops.ts), 32-bit and boolean
 *  operations, reference tests, lengths, conversions and the other float operations. Each is
 *  computed as the main module does (RTS's bitwise operators are its int32 operations) and
 *  recorded as one trace operation or two (bool_not is int_eq(x, 0), float_gt(a, b)
 *  float_lt(b, a)...). */
export function otherOp(mi: MetaInterp, f: Frame, h: int): void {
  const d = mi.d;
  if (h >= H_GETLISTITEM && h <= H_LIST_POP) {
    listOp(mi, f, h);
    return;
  }
  if (h === H_NEW) {
    newObject(mi, f);
    return;
  }
  if (h === H_FLOAT_LE || h === H_FLOAT_GT || h === H_FLOAT_GE || h === H_FLOAT_EQ) {
    const a = mi.float(f, 0);
    const b = mi.float(f, 1);
    const boxA = mi.tracing ? f.floatBoxes[d.scalars[0]] : NO_BOX;
    const boxB = mi.tracing ? f.floatBoxes[d.scalars[1]] : NO_BOX;
    if (h === H_FLOAT_LE) mi.setInt(f, a <= b ? 1 : 0, mi.pure(FLOAT_LE, [boxA, boxB], a <= b ? 1 : 0));
    else if (h === H_FLOAT_GT) mi.setInt(f, a > b ? 1 : 0, mi.pure(FLOAT_LT, [boxB, boxA], a > b ? 1 : 0));
    else if (h === H_FLOAT_GE) mi.setInt(f, a >= b ? 1 : 0, mi.pure(FLOAT_LE, [boxB, boxA], a >= b ? 1 : 0));
    else mi.setInt(f, a === b ? 1 : 0, mi.pure(FLOAT_EQ, [boxA, boxB], a === b ? 1 : 0));
    return;
  }
  if (h === H_FLOAT_NEG || h === H_FLOAT_ABS) {
    const a = mi.float(f, 0);
    const box = mi.tracing ? f.floatBoxes[d.scalars[0]] : NO_BOX;
    const v = h === H_FLOAT_NEG ? -a : Math.abs(a);
    mi.setFloat(f, v, mi.pureFloat(h === H_FLOAT_NEG ? FLOAT_NEG : FLOAT_ABS, [box], v));
    return;
  }
  if (h === H_CAST_INT_TO_FLOAT) {
    const v = toFloat(mi.int(f, 0));
    mi.setFloat(f, v, mi.pureFloat(CAST_INT_TO_FLOAT, [mi.intBox(f, 0)], v));
    return;
  }
  if (h === H_PTR_EQ || h === H_PTR_IS_TRUE || h === H_PTR_IS_NULLISH || h === H_LENGTH || h === H_LIST_LENGTH || h === H_INSTANCEOF) {
    refOp(mi, f, h);
    return;
  }
  const a = mi.int(f, 0);
  const boxA = mi.tracing ? mi.intBox(f, 0) : NO_BOX;
  if (h === H_INT32_NOT) {
    mi.setInt(f, ~a, mi.pure(INT32_XOR, [boxA, new ConstInt(-1)], ~a));
  } else if (h === H_BOOL_NOT) {
    mi.setInt(f, a === 0 ? 1 : 0, mi.pure(INT_EQ, [boxA, new ConstInt(0)], a === 0 ? 1 : 0));
  } else if (h === H_INT_IS_TRUE) {
    mi.setInt(f, a !== 0 ? 1 : 0, mi.pure(INT_NE, [boxA, new ConstInt(0)], a !== 0 ? 1 : 0));
  } else if (h === H_INT_NEG) {
    mi.setInt(f, 0 - a, mi.pure(INT_SUB, [new ConstInt(0), boxA], 0 - a));
  } else {
    const b = mi.int(f, 1);
    const args = [boxA, mi.tracing ? mi.intBox(f, 1) : NO_BOX];
    if (h === H_INT32_AND) mi.setInt(f, a & b, mi.pure(INT32_AND, args, a & b));
    else if (h === H_INT32_OR) mi.setInt(f, a | b, mi.pure(INT32_OR, args, a | b));
    else if (h === H_INT32_XOR) mi.setInt(f, a ^ b, mi.pure(INT32_XOR, args, a ^ b));
    else if (h === H_INT32_LSHIFT) mi.setInt(f, a << b, mi.pure(INT32_LSHIFT, args, a << b));
    else if (h === H_INT32_RSHIFT) mi.setInt(f, a >> b, mi.pure(INT32_RSHIFT, args, a >> b));
    else if (h === H_INT32_URSHIFT) mi.setInt(f, a >>> b, mi.pure(INT32_URSHIFT, args, a >>> b));
    else mi.setInt(f, a === b ? 1 : 0, mi.pure(INT_EQ, args, a === b ? 1 : 0));
  }
}

/** `new <malloc size typeid>`: a fresh zeroed instance, allocated as the main module's
 *  slow path does (the runtime's allocate; it may collect: the registers' refs are on the
 *  shadow stack), recorded as NEW. */
function newObject(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const descr = d.scalars[0];
  f.setRef(d.result, allocate(descrWord(descr, NEW_SIZE), descrWord(descr, NEW_TYPEID)));
  if (mi.tracing) f.refBoxes[d.result] = mi.trace.record(NEW, [], descr);
}

/** Whether the reference is an object (undefined is 0, null 8). */
function isObject(r: int): boolean {
  return r >= FIRST_OBJECT_ADDRESS;
}

function refOp(mi: MetaInterp, f: Frame, h: int): void {
  const d = mi.d;
  const r = f.getRef(d.scalars[0]);
  const box = mi.tracing ? f.refBoxes[d.scalars[0]] : NO_BOX;
  if (h === H_INSTANCEOF) {
    // As the main module: an object whose type id is in [lo, hi).
    const id = isObject(r) ? load32(r) : -1;
    const v = id >= mi.int(f, 1) && id < mi.int(f, 2) ? 1 : 0;
    mi.setInt(f, v, mi.pure(INSTANCEOF, mi.tracing ? [box, mi.intBox(f, 1), mi.intBox(f, 2)] : [], v));
  } else if (h === H_PTR_EQ) {
    const v = r === f.getRef(d.scalars[1]) ? 1 : 0;
    mi.setInt(f, v, mi.pure(PTR_EQ, [box, mi.tracing ? f.refBoxes[d.scalars[1]] : NO_BOX], v));
  } else if (h === H_PTR_IS_TRUE) {
    const v = isObject(r) ? 1 : 0;
    mi.setInt(f, v, mi.pure(PTR_IS_OBJECT, [box], v));
  } else if (h === H_PTR_IS_NULLISH) {
    const object = isObject(r) ? 1 : 0;
    const test = mi.pure(PTR_IS_OBJECT, [box], object);
    mi.setInt(f, 1 - object, mi.tracing ? mi.pure(INT_EQ, [test, new ConstInt(0)], 1 - object) : NO_BOX);
  } else {
    // A string's or typed array's length never changes (it folds on a constant one); a
    // list's does, so its length is always read.
    const v = load32(r + TYPED_LENGTH);
    let lengthBox: Value = NO_BOX;
    if (mi.tracing && h === H_LIST_LENGTH) lengthBox = mi.trace.record(LIST_LEN, [box], -1);
    else if (mi.tracing) lengthBox = box.isConstant() ? new ConstInt(v) : mi.trace.record(ARRAYLEN, [box], -1);
    mi.setInt(f, v, lengthBox);
  }
}
