// The meta-interpreter's list operations (see metainterp.ts, dataops.ts): items read and
// written, push (list_reserve then list_append) and pop, executed as the main module's
// targets/wasm/ops.ts does them (the same index error, growth by the runtime's listGrow, the
// write barrier on the items object, the fatal error of an empty list's pop) and, while
// tracing, recorded on their boxes. An interpreter's value stack is a list: before these
// were native, each push and pop was a residual call with its ref spills.
import { load32, load64, loadFloat64, store32, store64, storeFloat64 } from "../lowlevel.ts";
import { emptyPop, indexError, ITEMS_CAPACITY, ITEMS_DATA, LIST_ITEMS, LIST_LENGTH, listGrow, writeBarrier } from "../runtime.ts";
import { int } from "../types.ts";
import { descrWord, LL_F64, LL_I32, LL_I64, LL_PTR } from "./jitcodes.ts";
import type { MetaInterp } from "./metainterp.ts";
import { Frame, NO_BOX } from "./miframe.ts";
import { H_GETLISTITEM, H_LIST_APPEND, H_LIST_RESERVE, H_SETLISTITEM } from "./opcodes.ts";
import { GETLISTITEM_I, LIST_APPEND, LIST_POP_I, SETLISTITEM, Value } from "./resop.ts";

export function listOp(mi: MetaInterp, f: Frame, h: int): void {
  if (h === H_GETLISTITEM) getListItem(mi, f);
  else if (h === H_SETLISTITEM) setListItem(mi, f);
  else if (h === H_LIST_RESERVE) makeRoom(f.getRef(mi.d.scalars[0]), mi.int(f, 1));
  else if (h === H_LIST_APPEND) append(mi, f);
  else pop(mi, f);
}

/** The size of a list item of low-level type t (booleans and refs are 4 bytes). */
export function itemSize(t: int): int {
  return t === LL_I64 || t === LL_F64 ? 8 : 4;
}

/** The address of item i of a list whose items have the low-level type t. */
export function itemAddress(list: int, i: int, t: int): int {
  return load32(list + LIST_ITEMS) + ITEMS_DATA + itemSize(t) * i;
}

/** item i's address, after checking i against the list's length as the main module does
 *  (out of range is the index error, for a read and for a write). */
export function checkedItemAddress(list: int, i: int, t: int): int {
  const len = load32(list + LIST_LENGTH);
  if (i < 0 || i >= len) indexError(i, len);
  return itemAddress(list, i, t);
}

/** list_reserve: a full list grows (listGrow may collect: the caller rereads its refs). */
export function makeRoom(list: int, size: int): void {
  if (load32(list + LIST_LENGTH) === load32(load32(list + LIST_ITEMS) + ITEMS_CAPACITY)) listGrow(list, size);
}

function getListItem(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const descr = d.scalars[2];
  const t = descrWord(descr, 1);
  const args = mi.tracing ? [f.refBoxes[d.scalars[0]], mi.intBox(f, 1)] : NO_ARGS;
  loadItem(mi, f, checkedItemAddress(f.getRef(d.scalars[0]), mi.int(f, 1), t), t, args, GETLISTITEM_I, descr);
}

/** What loadItem records no operation on (not tracing). */
const NO_ARGS: Value[] = [];

/** The item at `at` to the result register; while tracing, recorded as opnum (the _i
 *  operation; _r and _f follow it) on `args`. `at` is a raw address in the items object,
 *  which the collector moves: nothing may allocate between computing it and this (the
 *  caller makes `args` first). */
function loadItem(mi: MetaInterp, f: Frame, at: int, t: int, args: Value[], opnum: int, descr: int): void {
  const d = mi.d;
  if (t === LL_PTR) {
    f.setRef(d.result, load32(at));
    if (mi.tracing) f.refBoxes[d.result] = mi.trace.record(opnum + 1, args, descr);
  } else if (t === LL_F64) {
    f.floats[d.result] = loadFloat64(at);
    if (mi.tracing) f.floatBoxes[d.result] = mi.trace.record(opnum + 2, args, descr);
  } else {
    f.ints[d.result] = t === LL_I32 ? load32(at) : load64(at);
    if (mi.tracing) f.intBoxes[d.result] = mi.trace.record(opnum, args, descr);
  }
}

/** Stores register `reg` (operand k of the decoded instruction) at `at` in `list`'s items;
 *  returns its box. */
function storeItem(mi: MetaInterp, f: Frame, list: int, at: int, t: int, k: int): Value {
  const reg = mi.d.scalars[k];
  if (t === LL_PTR) {
    // The write barrier is the items object's: that is the object the ref goes into.
    writeBarrier(load32(list + LIST_ITEMS));
    store32(at, f.getRef(reg));
    return mi.tracing ? f.refBoxes[reg] : NO_BOX;
  }
  if (t === LL_F64) {
    storeFloat64(at, mi.float(f, k));
    return mi.tracing ? f.floatBoxes[reg] : NO_BOX;
  }
  if (t === LL_I32) store32(at, mi.int(f, k));
  else store64(at, mi.int(f, k));
  return mi.tracing ? mi.intBox(f, k) : NO_BOX;
}

function setListItem(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const listReg = d.scalars[0];
  const descr = d.scalars[3];
  const t = descrWord(descr, 1);
  const list = f.getRef(listReg);
  const value = storeItem(mi, f, list, checkedItemAddress(list, mi.int(f, 1), t), t, 2);
  if (mi.tracing) mi.trace.record(SETLISTITEM, [f.refBoxes[listReg], mi.intBox(f, 1), value], descr);
}

/** list_append after list_reserve. It makes room too, as the trace's list_append does
 *  (nothing records list_reserve): a blackhole resuming between the two stays correct. */
function append(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const listReg = d.scalars[0];
  const descr = d.scalars[2];
  const t = descrWord(descr, 1);
  makeRoom(f.getRef(listReg), itemSize(t));
  const list = f.getRef(listReg);
  const len = load32(list + LIST_LENGTH);
  const value = storeItem(mi, f, list, itemAddress(list, len, t), t, 1);
  store32(list + LIST_LENGTH, len + 1);
  mi.setInt(f, len + 1, mi.tracing ? mi.trace.record(LIST_APPEND, [f.refBoxes[listReg], value], descr) : NO_BOX);
}

function pop(mi: MetaInterp, f: Frame): void {
  const d = mi.d;
  const descr = d.scalars[1];
  const t = descrWord(descr, 1);
  const args = mi.tracing ? [f.refBoxes[d.scalars[0]]] : NO_ARGS;
  const list = f.getRef(d.scalars[0]);
  const len = load32(list + LIST_LENGTH);
  if (len === 0) emptyPop();
  store32(list + LIST_LENGTH, len - 1);
  loadItem(mi, f, itemAddress(list, len - 1, t), t, args, LIST_POP_I, descr);
}
