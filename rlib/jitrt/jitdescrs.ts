// What the jitcode tables (jitcodes.ts) tell the optimizer about descriptors (opt/descrs.ts).
import { int } from "../types.ts";
import { DescrInfo } from "./opt/descrs.ts";
import {
  descrWord, DESCR_ARRAY, DESCR_CALL, isImmutableField, NEW_TYPEID, quasiImmutableWord, vableKind, ELEM_F64, ELEM_I16, ELEM_I32, ELEM_I8, ELEM_U16, ELEM_U32, ELEM_U8,
  LL_F64, LL_I64, LL_PTR,
} from "./jitcodes.ts";
import { IntBound, UNBOUNDED } from "./opt/bound.ts";
import { Const, ConstFloat, ConstInt, ConstRef, FIRST_OBJECT_ADDRESS, INT32_AND, ResOp, TYPE_FLOAT, TYPE_REF, Value } from "./resop.ts";
import { load32, load64, loadFloat64 } from "../lowlevel.ts";
import { TYPED_LENGTH } from "../runtime.ts";

class TableDescrInfo extends DescrInfo {
  /** Float64Array items hold a float exactly; narrower typed arrays wrap or round, except
   *  for an int that fits the unsigned element: a constant, or `x & m` with a mask that does
   *  (a tape interpreter's `(cell + n) & 255` stored in a Uint8Array reads back as stored). */
  arrayStoresExactly(descr: int, value: Value): boolean {
    if (value.type === TYPE_REF) return true;
    if (descrWord(descr, 0) !== DESCR_ARRAY) return false;
    const elem = descrWord(descr, 1);
    if (value.type === TYPE_FLOAT) return elem === ELEM_F64;
    const max = elem === ELEM_U8 ? 255 : elem === ELEM_U16 ? 65535 : elem === ELEM_U32 ? 2147483647 : -1;
    return max >= 0 && fitsIn(value, max);
  }

  /** Items of 8-, 16- and 32-bit typed arrays are in their element type's range. */
  arrayItemBound(descr: int): IntBound {
    if (descrWord(descr, 0) !== DESCR_ARRAY) return UNBOUNDED;
    switch (descrWord(descr, 1)) {
      case ELEM_U8: return new IntBound(0, 255);
      case ELEM_I8: return new IntBound(-128, 127);
      case ELEM_U16: return new IntBound(0, 65535);
      case ELEM_I16: return new IntBound(-32768, 32767);
      case ELEM_U32: return new IntBound(0, 4294967295);
      case ELEM_I32: return new IntBound(-2147483648, 2147483647);
    }
    return UNBOUNDED;
  }

  /** A call descriptor ends with the fields its callee may write: a count (-1: any), then
   *  their descriptors (jitdata.ts, translator/jit/effects.ts), then whether it may see or
   *  change an existing list. */
  callMayWrite(call: int, field: int): boolean {
    if (descrWord(call, 0) !== DESCR_CALL) return true;
    const at = writesAt(call);
    const n = descrWord(call, at);
    if (n < 0) return true;
    for (let k = 1; k <= n; k++) if (descrWord(call, at + k) === field) return true;
    return false;
  }

  /** The fields the callee may write include a quasi-immutable one (whose write runs its
   *  invalidation), or any field. */
  callMayInvalidate(call: int): boolean {
    if (descrWord(call, 0) !== DESCR_CALL) return true;
    const at = writesAt(call);
    const n = descrWord(call, at);
    if (n < 0) return true;
    for (let k = 1; k <= n; k++) if (quasiImmutableWord(descrWord(call, at + k)) >= 0) return true;
    return false;
  }

  isQuasiImmutableField(descr: int): boolean {
    return quasiImmutableWord(descr) >= 0;
  }

  vableKind(descr: int): int {
    return vableKind(descr);
  }

  callMayTouchLists(call: int): boolean {
    if (descrWord(call, 0) !== DESCR_CALL) return true;
    const at = writesAt(call);
    const n = descrWord(call, at);
    return descrWord(call, at + 1 + (n < 0 ? 0 : n)) !== 0;
  }

  typedLengthOf(obj: ConstRef, descr: int): int {
    if (descrWord(descr, 0) !== DESCR_ARRAY || obj.address < FIRST_OBJECT_ADDRESS) return -1;
    return load32(obj.address + TYPED_LENGTH);
  }

  /** The first header word of an object (a trace's constant objects are old: they stay). */
  typeIdOf(obj: ConstRef): int {
    return obj.address >= FIRST_OBJECT_ADDRESS ? load32(obj.address) : -1;
  }

  /** A `new`'s descriptor is a StaticDescr of malloc: its size, then its type id. */
  newTypeId(descr: int): int {
    return descrWord(descr, NEW_TYPEID);
  }

  /** Read now from memory: the object is old (it does not move), and so is what its
   *  immutable ref fields point to (set when it was made, before it was promoted). */
  immutableField(obj: ConstRef, descr: int): Const | null {
    if (!isImmutableField(descr) || obj.address < FIRST_OBJECT_ADDRESS) return null;
    const at = obj.address + descrWord(descr, 1);
    const type = descrWord(descr, 2);
    if (type === LL_PTR) return new ConstRef(load32(at));
    if (type === LL_F64) return new ConstFloat(loadFloat64(at));
    return new ConstInt(type === LL_I64 ? load64(at) : load32(at));
  }
}

/** Where a call descriptor's written fields start: after its argument types. */
function writesAt(call: int): int {
  return 5 + descrWord(call, 4);
}

/** Whether an int value is in 0..max on every run. */
function fitsIn(v: Value, max: int): boolean {
  if (v instanceof ConstInt) return v.value >= 0 && v.value <= max;
  if (!(v instanceof ResOp) || v.opnum !== INT32_AND) return false;
  const m = v.args[1] instanceof ConstInt ? v.args[1] : v.args[0];
  return m instanceof ConstInt && m.value >= 0 && m.value <= max;
}

export const jitDescrInfo: DescrInfo = new TableDescrInfo();
