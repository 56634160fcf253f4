// What each trace operation does, as far as the optimizer needs to know (RPython's
// resoperation.py has these as op class flags). The lists name operations explicitly, so an
// operation appended to resop.ts later is treated as having every effect (never folded,
// never removed, clearing the heap caches) until it is added here.
import {
  ARRAYLEN, CALL_PURE_I, DEBUG_MERGE_POINT, FINISH, FLOAT_ADD, FLOAT_LT, GETARRAYITEM_F, GETARRAYITEM_I, GETFIELD_F, GETFIELD_I, GETFIELD_R,
  INT_ADD, INT_NE, isGuard, JUMP, LABEL, NEW, NEW_ARRAY, SAME_AS_I, INT32_AND, FLOAT_ABS, LIST_LEN, GETLISTITEM_I, GETLISTITEM_F,
  SETARRAYITEM, SETFIELD, SETLISTITEM, LIST_APPEND, LIST_POP_I, LIST_POP_F, INSTANCEOF,
} from "../resop.ts";
import { int } from "../../types.ts";

/** The result depends only on the arguments and nothing else happens: equal operations on
 *  equal arguments may share one result. (arraylen_gc is of strings and typed arrays, which
 *  are never resized; list_len is not pure; an object's class never changes.) int32_and .. float_abs are the 32-bit,
 *  reference-test and float operations, in resop.ts's order. */
export function isPure(opnum: int): boolean {
  return (opnum >= INT_ADD && opnum <= INT_NE) || (opnum >= FLOAT_ADD && opnum <= FLOAT_LT) ||
    (opnum >= INT32_AND && opnum <= FLOAT_ABS) || opnum === CALL_PURE_I || opnum === ARRAYLEN || opnum === SAME_AS_I || opnum === INSTANCEOF;
}

/** Reads a field, an array item or a list item (getlistitem_gc_i .. _f): the heap cache may
 *  know its result. */
export function isHeapRead(opnum: int): boolean {
  return opnum === GETFIELD_I || opnum === GETFIELD_R || opnum === GETFIELD_F || opnum === GETARRAYITEM_I || opnum === GETARRAYITEM_F ||
    (opnum >= GETLISTITEM_I && opnum <= GETLISTITEM_F);
}

/** Leaves every existing object as it was (allocation makes new ones). */
export function writesNothing(opnum: int): boolean {
  return isPure(opnum) || isHeapRead(opnum) || isGuard(opnum) || opnum === NEW || opnum === NEW_ARRAY || opnum === LIST_LEN ||
    opnum === LABEL || opnum === JUMP || opnum === FINISH || opnum === DEBUG_MERGE_POINT;
}

/** A list's append or pop (list_pop_i .. _f): it changes the list's length, and no item
 *  below it. */
export function isListResize(opnum: int): boolean {
  return opnum === LIST_APPEND || (opnum >= LIST_POP_I && opnum <= LIST_POP_F);
}

/** May leave an exception pending: the calls (an elidable one too), and any operation not
 *  known here. (An index out of range or an empty list's pop is not an exception: it stops
 *  the program.) */
export function mayRaise(opnum: int): boolean {
  if (opnum === CALL_PURE_I) return true;
  return !writesNothing(opnum) && opnum !== SETFIELD && opnum !== SETARRAYITEM && opnum !== SETLISTITEM && !isListResize(opnum);
}

/** Has no effect but its result: removable when nothing uses the result. Heap reads are
 *  not: a compiled array or list read checks its index (out of range it stops the program with the
 *  runtime's index error, as the interpreter would), so removing one could hide an error. */
export function removableIfUnused(opnum: int): boolean {
  return isPure(opnum) || opnum === NEW || opnum === NEW_ARRAY;
}
