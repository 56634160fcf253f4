// List items, appends and pops, as the main module's backend (targets/wasm/ops.ts) does them:
// an index out of range (read or write) is the runtime's index error, a ref stored takes the
// write barrier on the list's *items* object, an append to a full list calls the runtime's
// listGrow (which may collect: the refs the trace still needs are spilled around it, as for
// a residual call), a pop of an empty list is the runtime's fatal error. The items pointer
// is loaded at each access: an append may have grown (moved) the items object.
import { int } from "../../types.ts";
import { ITEMS_CAPACITY, ITEMS_DATA, LIST_ITEMS, LIST_LENGTH } from "../../runtime.ts";
import { descrWord, LL_F64, LL_I32, LL_I64, LL_PTR, RUNTIME_EMPTY_POP, RUNTIME_LIST_GROW } from "../jitcodes.ts";
import { ConstInt, ResOp, TYPE_REF, Value } from "../resop.ts";
import { reload, spill } from "./calls.ts";
import { FuncType, FunctionCode } from "./function.ts";
import { callRuntime, checkIndex, pushLength, writeBarrier } from "./heap.ts";
import {
  EMPTY_BLOCK, END, F64_LOAD, F64_STORE, I32_ADD, I32_LOAD, I32_SHL, I32_STORE, I32_WRAP_I64, I64, I64_ADD, I64_EQ,
  I64_EQZ, I64_EXTEND_I32_U, I64_LOAD, I64_LOAD32_U, I64_STORE, I64_STORE32, I64_SUB, IF, UNREACHABLE,
} from "./wasm.ts";

/** Word of a list descriptor: the item's low-level type code. */
const LIST_ITEM = 1;

/** log2 of the size of a list item of low-level type t (booleans and refs are 4 bytes). */
function itemShift(t: int): int {
  return t === LL_I64 || t === LL_F64 ? 3 : 2;
}

/** With an item's index (an int) on the stack: its address minus ITEMS_DATA (the data
 *  offset goes in the memarg). */
function itemAddressOfIndex(f: FunctionCode, list: Value, t: int): void {
  f.byte(I32_WRAP_I64);
  f.i32Const(itemShift(t));
  f.byte(I32_SHL);
  f.push(list);
  f.memoryAccess(I32_LOAD, 2, LIST_ITEMS);
  f.byte(I32_ADD);
}

/** With an item's address (minus ITEMS_DATA) on the stack: the item, into op's local. */
function loadItem(f: FunctionCode, op: ResOp, t: int): void {
  if (t === LL_PTR) f.memoryAccess(I32_LOAD, 2, ITEMS_DATA);
  else if (t === LL_F64) f.memoryAccess(F64_LOAD, 3, ITEMS_DATA);
  else if (t === LL_I32) f.memoryAccess(I64_LOAD32_U, 2, ITEMS_DATA);
  else f.memoryAccess(I64_LOAD, 3, ITEMS_DATA);
  f.setLocal(op);
}

/** With an item's address (minus ITEMS_DATA) on the stack: stores `value` there. */
function storeItem(f: FunctionCode, value: Value, t: int): void {
  f.push(value);
  if (t === LL_PTR) f.memoryAccess(I32_STORE, 2, ITEMS_DATA);
  else if (t === LL_F64) f.memoryAccess(F64_STORE, 3, ITEMS_DATA);
  else if (t === LL_I32) f.memoryAccess(I64_STORE32, 2, ITEMS_DATA);
  else f.memoryAccess(I64_STORE, 3, ITEMS_DATA);
}

export function getListItem(f: FunctionCode, op: ResOp): void {
  const list = op.args[0];
  const index = op.args[1];
  const t = descrWord(op.descr, LIST_ITEM);
  checkIndex(f, list, index, LIST_LENGTH);
  f.push(index);
  itemAddressOfIndex(f, list, t);
  loadItem(f, op, t);
}

export function setListItem(f: FunctionCode, op: ResOp): void {
  const list = op.args[0];
  const index = op.args[1];
  const value = op.args[2];
  const t = descrWord(op.descr, LIST_ITEM);
  checkIndex(f, list, index, LIST_LENGTH);
  if (t === LL_PTR) writeBarrier(f, list, value, true);
  f.push(index);
  itemAddressOfIndex(f, list, t);
  storeItem(f, value, t);
}

/** list_append: room made if the list is full (listGrow may collect: `live` are the refs
 *  needed after it, besides the list and the item), the item stored at the old length, the
 *  new length stored and the result. */
export function listAppend(f: FunctionCode, op: ResOp, live: Value[]): void {
  const list = op.args[0];
  const value = op.args[1];
  const t = descrWord(op.descr, LIST_ITEM);
  pushLength(f, list, LIST_LENGTH);
  f.push(list);
  f.memoryAccess(I32_LOAD, 2, LIST_ITEMS);
  f.memoryAccess(I64_LOAD32_U, 2, ITEMS_CAPACITY);
  f.byte(I64_EQ);
  f.byte(IF);
  f.byte(EMPTY_BLOCK);
  // listGrow may move the list and the item: they are live across it too.
  if (!list.isConstant() && live.indexOf(list) < 0) live.push(list);
  if (value.type === TYPE_REF && !value.isConstant() && live.indexOf(value) < 0) live.push(value);
  spill(f, live);
  f.push(list);
  f.byte(I64_EXTEND_I32_U);
  f.push(new ConstInt(1 << itemShift(t)));
  callRuntime(f, RUNTIME_LIST_GROW, new FuncType([I64, I64], []));
  reload(f, live);
  f.byte(END);
  if (t === LL_PTR) writeBarrier(f, list, value, true);
  pushLength(f, list, LIST_LENGTH);
  itemAddressOfIndex(f, list, t);
  storeItem(f, value, t);
  pushLength(f, list, LIST_LENGTH);
  f.push(new ConstInt(1));
  f.byte(I64_ADD);
  f.setLocal(op);
  f.push(list);
  f.push(op);
  f.memoryAccess(I64_STORE32, 2, LIST_LENGTH);
}

/** list_pop_i/r/f: the empty list's error, the length one less, the item there. */
export function listPop(f: FunctionCode, op: ResOp): void {
  const list = op.args[0];
  const t = descrWord(op.descr, LIST_ITEM);
  pushLength(f, list, LIST_LENGTH);
  f.byte(I64_EQZ);
  f.byte(IF);
  f.byte(EMPTY_BLOCK);
  callRuntime(f, RUNTIME_EMPTY_POP, new FuncType([], []));
  f.byte(UNREACHABLE);
  f.byte(END);
  f.push(list);
  pushLength(f, list, LIST_LENGTH);
  f.push(new ConstInt(1));
  f.byte(I64_SUB);
  f.memoryAccess(I64_STORE32, 2, LIST_LENGTH);
  pushLength(f, list, LIST_LENGTH);
  itemAddressOfIndex(f, list, t);
  loadItem(f, op, t);
}
