// What the optimizer knows about descriptors. The trace IR names a field or an array kind by
// its index in the jitcode tables only; whoever calls the optimizer may know more (the JIT
// runtime reads the element kinds from the tables) and says so by overriding these answers.
import { int } from "../../types.ts";
import { Const, ConstRef, TYPE_REF, Value } from "../resop.ts";
import { IntBound, UNBOUNDED } from "./bound.ts";

export class DescrInfo {
  /** Whether an array item written with this descriptor reads back as written. A typed array
   *  of narrow elements keeps part of what it stores (a Uint8Array the low 8 bits, a
   *  Float32Array a rounded float), so without knowing the element kind only references do.
   *  (Fields always read back as written: a field holds its value's full type.) */
  arrayStoresExactly(descr: int, value: Value): boolean {
    return value.type === TYPE_REF;
  }

  /** The interval an int item read with this array descriptor lies in. */
  arrayItemBound(descr: int): IntBound {
    return UNBOUNDED;
  }

  /** Whether a residual call (its call descriptor) may write the fields of a descriptor. */
  callMayWrite(call: int, field: int): boolean {
    return true;
  }

  /** Whether a residual call (its call descriptor) may write a quasi-immutable field, and so
   *  invalidate the trace (opt/quasiimmut.ts). */
  callMayInvalidate(call: int): boolean {
    return true;
  }

  /** Whether a field descriptor is a quasi-immutable field's. */
  isQuasiImmutableField(descr: int): boolean {
    return false;
  }

  /** Whether a field descriptor is a virtualizable's (VABLE_FIELD: the field's value is kept
   *  in registers across a loop's iterations; VABLE_ARRAY: so are the items of the list it
   *  holds), else 0 (opt/vable.ts). */
  vableKind(descr: int): int {
    return 0;
  }

  /** Whether a residual call (its call descriptor) may read or write a list that exists
   *  before it. */
  callMayTouchLists(call: int): boolean {
    return true;
  }

  /** The length of a constant typed array read with this array descriptor (-1: not known).
   *  A typed array's length never changes, so it is as constant as the array. */
  typedLengthOf(obj: ConstRef, descr: int): int {
    return -1;
  }

  /** The type id of a constant object (-1: not known; null and undefined have none). */
  typeIdOf(obj: ConstRef): int {
    return -1;
  }

  /** The type id of the objects a NEW of this descriptor makes (-1: not known). */
  newTypeId(descr: int): int {
    return -1;
  }

  /** The value of a constant object's field read with this field descriptor, when the
   *  field is immutable (set while the object was made, never after: it is the same for
   *  the trace's whole life), else null. */
  immutableField(obj: ConstRef, descr: int): Const | null {
    return null;
  }
}
