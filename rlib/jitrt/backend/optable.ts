// How the backend compiles each trace operation: a shape (how its operands and result are
// handled) and the Wasm instruction of the shape, one entry per operation number. Adding an
// operation to the trace IR means adding its entry here (and a case in codegen.ts when it
// needs a new shape).
import { int } from "../../types.ts";
import {
  ARRAYLEN, CALL_F, CALL_I, CALL_N, CALL_PURE_I, CALL_R, GETARRAYITEM_F, GETARRAYITEM_I, GETFIELD_F, GETFIELD_I, GETFIELD_R,
  GUARD_CLASS, GUARD_NO_EXCEPTION, GUARD_NOT_INVALIDATED, SETARRAYITEM, SETFIELD, DEBUG_MERGE_POINT, FINISH, FLOAT_ADD, FLOAT_DIV, FLOAT_LT, FLOAT_MUL, FLOAT_SUB, GUARD_FALSE, GUARD_TRUE, GUARD_VALUE, INT_ADD,
  INT_AND, INT_EQ, INT_GE, INT_GT, INT_LE, INT_LSHIFT, INT_LT, INT_MUL, INT_NE, INT_OR, INT_RSHIFT, INT_SUB, INT_XOR, JUMP, LABEL,
  NUM_OPS, SAME_AS_I, INT32_AND, INT32_OR, INT32_XOR, INT32_LSHIFT, INT32_RSHIFT, INT32_URSHIFT, PTR_EQ, PTR_NE, PTR_IS_OBJECT,
  CAST_INT_TO_FLOAT, FLOAT_LE, FLOAT_EQ, FLOAT_NEG, FLOAT_ABS, LIST_LEN, GETLISTITEM_I, GETLISTITEM_R, GETLISTITEM_F, SETLISTITEM,
  LIST_APPEND, LIST_POP_I, LIST_POP_R, LIST_POP_F, INSTANCEOF, NEW,
} from "../resop.ts";
import {
  F64_ADD, F64_DIV, F64_LT, F64_MUL, F64_SUB, I64_ADD, I64_AND, I64_EQ, I64_GE_S, I64_GT_S, I64_LE_S, I64_LT_S, I64_MUL, I64_NE,
  I64_OR, I64_SHL, I64_SHR_S, I64_SUB, I64_XOR, I32_AND, I32_OR, I32_XOR, I32_SHL, I32_SHR_S, I32_SHR_U, I32_EQ, I32_NE,
  I64_EXTEND_I32_S, I64_EXTEND_I32_U, F64_CONVERT_I64_S, F64_LE, F64_EQ, F64_NEG, F64_ABS, I32_ADD, I32_SUB, I32_MUL,
  I32_LT_S, I32_LE_S, I32_GT_S, I32_GE_S,
} from "./wasm.ts";

/** Not compiled yet: the backend refuses the trace. */
export const SHAPE_UNSUPPORTED = 0;
/** Operands pushed, one instruction, result stored. */
export const SHAPE_PURE = 1;
/** Operands pushed, one comparison (an i32 0 or 1), widened to an int. */
export const SHAPE_COMPARE = 2;
/** The operand is the result. */
export const SHAPE_COPY = 3;
/** No code. */
export const SHAPE_NOTHING = 4;
export const SHAPE_GUARD_TRUE = 5;
export const SHAPE_GUARD_FALSE = 6;
export const SHAPE_GUARD_VALUE = 7;
export const SHAPE_LABEL = 8;
export const SHAPE_JUMP = 9;
export const SHAPE_FINISH = 10;
export const SHAPE_GUARD_CLASS = 11;
export const SHAPE_GUARD_NO_EXCEPTION = 12;
export const SHAPE_GETFIELD = 13;
export const SHAPE_SETFIELD = 14;
export const SHAPE_GETARRAYITEM = 15;
export const SHAPE_SETARRAYITEM = 16;
export const SHAPE_ARRAYLEN = 17;
export const SHAPE_CALL = 18;
/** Operands wrapped to i32, one i32 instruction, the result widened by `widen`. */
export const SHAPE_INT32 = 19;
/** Whether a reference is an object (at or above the first object address). */
export const SHAPE_IS_OBJECT = 20;
export const SHAPE_GETLISTITEM = 21;
export const SHAPE_SETLISTITEM = 22;
export const SHAPE_LIST_APPEND = 23;
export const SHAPE_LIST_POP = 24;
/** An object whose type id is in a constant range. */
export const SHAPE_INSTANCEOF = 25;
/** A fresh instance (the runtime's allocate: it may collect). */
export const SHAPE_NEW = 26;
/** Fails when the trace's flag word is set (rlib/jitrt/quasiimmut.ts). */
export const SHAPE_GUARD_NOT_INVALIDATED = 27;

export class OpCode {
  /** For an int operation of SHAPE_PURE or SHAPE_COMPARE: the i32 instruction that computes
   *  it from 32-bit operands (0: none). Where the result and the operands are narrow
   *  (resop.ts Value.narrow), it gives the same value: a sum, difference, product or bitwise
   *  result within 32 bits has the same low 32 bits computed in either width, and a
   *  comparison of two 32-bit values is the same in either. */
  instr32: int = 0;

  constructor(
    public shape: int,
    /** The instruction of SHAPE_PURE, SHAPE_COMPARE and SHAPE_INT32. */
    public instr: int,
    /** SHAPE_INT32's widening of the i32 result to an int. */
    public widen: int,
  ) {}
}

function buildTable(): OpCode[] {
  const table: OpCode[] = [];
  for (let i = 0; i < NUM_OPS; i++) table.push(new OpCode(SHAPE_UNSUPPORTED, 0, 0));
  const pure = (opnum: number, instr: number) => (table[opnum] = new OpCode(SHAPE_PURE, instr, 0));
  const compare = (opnum: number, instr: number) => (table[opnum] = new OpCode(SHAPE_COMPARE, instr, 0));
  const int32 = (opnum: number, instr: number, widen: number) => (table[opnum] = new OpCode(SHAPE_INT32, instr, widen));
  const other = (opnum: number, shape: number) => (table[opnum] = new OpCode(shape, 0, 0));
  const narrow = (opnum: number, instr32: number) => (table[opnum].instr32 = instr32);
  pure(INT_ADD, I64_ADD);
  pure(INT_SUB, I64_SUB);
  pure(INT_MUL, I64_MUL);
  pure(INT_AND, I64_AND);
  pure(INT_OR, I64_OR);
  pure(INT_XOR, I64_XOR);
  pure(INT_LSHIFT, I64_SHL);
  pure(INT_RSHIFT, I64_SHR_S);
  compare(INT_LT, I64_LT_S);
  compare(INT_LE, I64_LE_S);
  compare(INT_GT, I64_GT_S);
  compare(INT_GE, I64_GE_S);
  compare(INT_EQ, I64_EQ);
  compare(INT_NE, I64_NE);
  // (Not the shifts: an i32 shift takes its count modulo 32, an i64 one modulo 64.)
  narrow(INT_ADD, I32_ADD);
  narrow(INT_SUB, I32_SUB);
  narrow(INT_MUL, I32_MUL);
  narrow(INT_AND, I32_AND);
  narrow(INT_OR, I32_OR);
  narrow(INT_XOR, I32_XOR);
  narrow(INT_LT, I32_LT_S);
  narrow(INT_LE, I32_LE_S);
  narrow(INT_GT, I32_GT_S);
  narrow(INT_GE, I32_GE_S);
  narrow(INT_EQ, I32_EQ);
  narrow(INT_NE, I32_NE);
  pure(FLOAT_ADD, F64_ADD);
  pure(FLOAT_SUB, F64_SUB);
  pure(FLOAT_MUL, F64_MUL);
  pure(FLOAT_DIV, F64_DIV);
  compare(FLOAT_LT, F64_LT);
  compare(FLOAT_LE, F64_LE);
  compare(FLOAT_EQ, F64_EQ);
  pure(FLOAT_NEG, F64_NEG);
  pure(FLOAT_ABS, F64_ABS);
  pure(CAST_INT_TO_FLOAT, F64_CONVERT_I64_S);
  int32(INT32_AND, I32_AND, I64_EXTEND_I32_S);
  int32(INT32_OR, I32_OR, I64_EXTEND_I32_S);
  int32(INT32_XOR, I32_XOR, I64_EXTEND_I32_S);
  int32(INT32_LSHIFT, I32_SHL, I64_EXTEND_I32_S);
  int32(INT32_RSHIFT, I32_SHR_S, I64_EXTEND_I32_S);
  int32(INT32_URSHIFT, I32_SHR_U, I64_EXTEND_I32_U);
  compare(PTR_EQ, I32_EQ);
  compare(PTR_NE, I32_NE);
  other(PTR_IS_OBJECT, SHAPE_IS_OBJECT);
  other(SAME_AS_I, SHAPE_COPY);
  other(DEBUG_MERGE_POINT, SHAPE_NOTHING);
  other(GUARD_TRUE, SHAPE_GUARD_TRUE);
  other(GUARD_FALSE, SHAPE_GUARD_FALSE);
  other(GUARD_VALUE, SHAPE_GUARD_VALUE);
  other(LABEL, SHAPE_LABEL);
  other(JUMP, SHAPE_JUMP);
  other(FINISH, SHAPE_FINISH);
  other(GUARD_CLASS, SHAPE_GUARD_CLASS);
  other(GUARD_NO_EXCEPTION, SHAPE_GUARD_NO_EXCEPTION);
  other(GUARD_NOT_INVALIDATED, SHAPE_GUARD_NOT_INVALIDATED);
  other(GETFIELD_I, SHAPE_GETFIELD);
  other(GETFIELD_R, SHAPE_GETFIELD);
  other(GETFIELD_F, SHAPE_GETFIELD);
  other(SETFIELD, SHAPE_SETFIELD);
  other(GETARRAYITEM_I, SHAPE_GETARRAYITEM);
  other(GETARRAYITEM_F, SHAPE_GETARRAYITEM);
  other(SETARRAYITEM, SHAPE_SETARRAYITEM);
  other(GETLISTITEM_I, SHAPE_GETLISTITEM);
  other(GETLISTITEM_R, SHAPE_GETLISTITEM);
  other(GETLISTITEM_F, SHAPE_GETLISTITEM);
  other(SETLISTITEM, SHAPE_SETLISTITEM);
  other(LIST_APPEND, SHAPE_LIST_APPEND);
  other(LIST_POP_I, SHAPE_LIST_POP);
  other(LIST_POP_R, SHAPE_LIST_POP);
  other(LIST_POP_F, SHAPE_LIST_POP);
  other(INSTANCEOF, SHAPE_INSTANCEOF);
  other(NEW, SHAPE_NEW);
  other(ARRAYLEN, SHAPE_ARRAYLEN);
  other(LIST_LEN, SHAPE_ARRAYLEN);
  other(CALL_I, SHAPE_CALL);
  other(CALL_R, SHAPE_CALL);
  other(CALL_F, SHAPE_CALL);
  other(CALL_N, SHAPE_CALL);
  other(CALL_PURE_I, SHAPE_CALL);
  return table;
}

/** Built when the module loads (at translation time: a prebuilt table). */
export const OP_CODES: OpCode[] = buildTable();
