// What the jitcode tables (jitcodes.ts) tell the optimizer about descriptors (opt/descrs.ts).
import { int } from "../types.ts";
import { DescrInfo } from "./opt/descrs.ts";
import { descrWord, DESCR_ARRAY } from "./jitcodes.ts";
import { TYPE_FLOAT, TYPE_REF } from "./resop.ts";

/** A Float64Array's element kind (jitdata's ELEM_CODE, TYPED_ARRAYS order). */
const ELEM_F64 = 7;

class TableDescrInfo extends DescrInfo {
  /** Float64Array items hold a float exactly; narrower typed arrays wrap or round. */
  arrayStoresExactly(descr: int, valueType: int): boolean {
    if (valueType === TYPE_REF) return true;
    return valueType === TYPE_FLOAT && descrWord(descr, 0) === DESCR_ARRAY && descrWord(descr, 1) === ELEM_F64;
  }
}

export const jitDescrInfo: DescrInfo = new TableDescrInfo();
