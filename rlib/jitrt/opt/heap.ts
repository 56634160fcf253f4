// Heap caching (RPython's optimizeopt/heap.py, without lazy writes): the optimizer remembers
// the value of each field (descriptor, object) and array item (descriptor, array, index) that
// the trace read or wrote, and replaces a later read of it by that value. Fields and items of
// different descriptors never alias. A write forgets what it may overwrite: a setfield the
// same field of every other object (any of them may be the same object), a setarrayitem the
// items of arrays of its descriptor unless the two indices differ for sure: two constants
// that differ, or the same value plus two different constants (i and i + 1: fold.ts makes
// chains of constant additions one addition, so a stack pointer's moves compare). A write of
// the value already known to be there is removed. Any operation that may write to the heap
// (a call that is not elidable, or an operation this file does not know) forgets everything.
// A written item is known for later reads only where a read has shown the index in range (a
// write out of range does nothing, a read out of range is an error the trace must still
// raise; what was shown in range stays so: arrays are not resized), and only when the
// descriptor's items read back as written (DescrInfo: narrow typed arrays wrap).
// List items are cached the same way, under their list descriptors (a list never shares its
// items with a typed array or a list of another item type). An index a read or a write
// showed in range stays so until a pop (a list write out of range is an error, not a no-op),
// and list items always read back as written. An append changes no item that is known (they
// are all below the old length) and forgets nothing; a pop may take any list's last item
// (lists of a descriptor may alias), so it forgets the descriptor's items.
import {
  ConstInt, INT_ADD, GETARRAYITEM_F, GETARRAYITEM_I, GETFIELD_F, GETFIELD_I, GETFIELD_R, GETLISTITEM_F, GETLISTITEM_I, GETLISTITEM_R, ResOp,
  SETARRAYITEM, SETFIELD, SETLISTITEM, Value, LIST_APPEND, LIST_POP_I, LIST_POP_R, LIST_POP_F,
} from "../resop.ts";
import { DescrInfo } from "./descrs.ts";
import { writesNothing } from "./effects.ts";
import { Optimization, Optimizer } from "./optimizer.ts";
import { int } from "../../types.ts";

/** A known array item. */
class Item {
  constructor(
    public index: Value,
    public value: Value,
  ) {}
}

/** What is known about one descriptor: values by object key (fields) or by "array key[index key]". */
class DescrCache {
  fields = new Map<string, Value>();
  items = new Map<string, Item>();
  /** The "array key[index key]" of the items a read showed in range. */
  inRange = new Set<string>();
}

/** Whether two int values differ on every run: constants that differ, or x + C and x + D
 *  (x itself being x + 0) with C and D different. */
function differ(a: Value, b: Value, opt: Optimizer): boolean {
  if (a.isConstant() && b.isConstant()) return opt.key(a) !== opt.key(b);
  const ca = addedConstant(a);
  const cb = addedConstant(b);
  return base(a) === base(b) && ca !== cb;
}

function addedConstant(v: Value): int {
  return v instanceof ResOp && v.opnum === INT_ADD && v.args[1] instanceof ConstInt ? (v.args[1] as ConstInt).value : 0;
}

function base(v: Value): Value {
  return v instanceof ResOp && v.opnum === INT_ADD && v.args[1] instanceof ConstInt ? v.args[0] : v;
}

export class HeapCache extends Optimization {
  private caches = new Map<int, DescrCache>();

  constructor(private descrs: DescrInfo) {
    super();
  }

  private cache(descr: int): DescrCache {
    let c = this.caches.get(descr);
    if (c === undefined) {
      c = new DescrCache();
      this.caches.set(descr, c);
    }
    return c;
  }

  propagate(op: ResOp, opt: Optimizer): boolean {
    switch (op.opnum) {
      case GETFIELD_I: case GETFIELD_R: case GETFIELD_F: {
        const fields = this.cache(op.descr).fields;
        const obj = opt.key(op.args[0]);
        const known = fields.get(obj);
        if (known !== undefined) {
          opt.replace(op, known);
          return true;
        }
        fields.set(obj, op);
        return false;
      }
      case SETFIELD: {
        const fields = this.cache(op.descr).fields;
        const obj = opt.key(op.args[0]);
        const known = fields.get(obj);
        if (known !== undefined && opt.get(known) === op.args[1]) return true;
        fields.clear();
        fields.set(obj, op.args[1]);
        return false;
      }
      case GETARRAYITEM_I: case GETARRAYITEM_F: case GETLISTITEM_I: case GETLISTITEM_R: case GETLISTITEM_F: {
        const cache = this.cache(op.descr);
        const at = `${opt.key(op.args[0])}[${opt.key(op.args[1])}]`;
        const known = cache.items.get(at);
        if (known !== undefined) {
          opt.replace(op, known.value);
          return true;
        }
        cache.items.set(at, new Item(op.args[1], op));
        cache.inRange.add(at);
        return false;
      }
      case SETARRAYITEM: case SETLISTITEM:
        return this.setItem(op, opt);
      case LIST_APPEND:
        return false;
      case LIST_POP_I: case LIST_POP_R: case LIST_POP_F:
        this.caches.delete(op.descr);
        return false;
    }
    if (!writesNothing(op.opnum)) this.caches.clear();
    return false;
  }

  private setItem(op: ResOp, opt: Optimizer): boolean {
    const cache = this.cache(op.descr);
    const items = cache.items;
    const index = op.args[1];
    const at = `${opt.key(op.args[0])}[${opt.key(index)}]`;
    const known = items.get(at);
    if (known !== undefined && opt.get(known.value) === op.args[2]) return true; // it is there: a read gave it
    const kept = new Map<string, Item>();
    for (const [k, item] of items) {
      if (differ(opt.get(item.index), index, opt)) kept.set(k, item);
    }
    const value = op.args[2];
    if (op.opnum === SETLISTITEM) {
      cache.inRange.add(at);
      kept.set(at, new Item(index, value));
    } else if (cache.inRange.has(at) && this.descrs.arrayStoresExactly(op.descr, value)) kept.set(at, new Item(index, value));
    cache.items = kept;
    return false;
  }
}
