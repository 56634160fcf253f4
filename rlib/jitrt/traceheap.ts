// The objects the reference trace evaluator (traceeval.ts) reads and writes. The evaluator
// has no linear memory (it also runs untranslated), so a test describes the objects its
// trace's refs point to: lists by address, and the type id of each object that instanceof
// tests. List operations keep listops.ts's semantics: an index out of range and a pop of an
// empty list are the runtime's fatal errors, an append returns the new length.
import { float, int } from "../types.ts";
import { emptyPop, fatal, indexError } from "../runtime.ts";
import { formatInt } from "../numfmt.ts";
import { FIRST_OBJECT_ADDRESS } from "./resop.ts";

/** A list: an int, bool or ref item is in `ints` (a ref as its address), a float item in
 *  `floats`; items [0, length) are the list's, those after it were popped. */
export class ModelList {
  ints: int[] = [];
  floats: float[] = [];
  length: int = 0;

  /** Checks index i as the main module does (listops.ts's checkedItemAddress). */
  check(i: int): void {
    if (i < 0 || i >= this.length) indexError(i, this.length);
  }

  /** Stores an item after the last one; returns the new length. */
  append(i: int, f: float): int {
    if (this.length === this.ints.length) {
      this.ints.push(0);
      this.floats.push(0);
    }
    this.ints[this.length] = i;
    this.floats[this.length] = f;
    this.length = this.length + 1;
    return this.length;
  }

  /** Removes the last item; returns its index (the item stays readable there). */
  pop(): int {
    if (this.length === 0) emptyPop();
    this.length = this.length - 1;
    return this.length;
  }
}

export class TraceHeap {
  private lists: Map<int, ModelList> = new Map<int, ModelList>();
  private typeids: Map<int, int> = new Map<int, int>();

  /** A new empty list at `address`, an object of type id `typeid`. */
  addList(address: int, typeid: int): ModelList {
    const list = new ModelList();
    this.lists.set(address, list);
    this.typeids.set(address, typeid);
    return list;
  }

  /** An object (not a list) at `address`. */
  addObject(address: int, typeid: int): void {
    this.typeids.set(address, typeid);
  }

  list(address: int): ModelList {
    if (!this.lists.has(address)) fatal("trace evaluator: no list at address " + formatInt(address));
    return this.lists.get(address)!;
  }

  /** instanceof(x, lo, hi) as the main module: an object whose type id is in [lo, hi). */
  isInstance(address: int, lo: int, hi: int): boolean {
    if (address < FIRST_OBJECT_ADDRESS) return false;
    if (!this.typeids.has(address)) fatal("trace evaluator: no object at address " + formatInt(address));
    const id = this.typeids.get(address)!;
    return id >= lo && id < hi;
  }
}
