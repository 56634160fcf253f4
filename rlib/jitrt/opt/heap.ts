// Heap caching (RPython's optimizeopt/heap.py): the optimizer remembers
// the value of each field (descriptor, object) and array item (descriptor, array, index) that
// the trace read or wrote, and replaces a later read of it by that value. Fields and items of
// different descriptors never alias. A write forgets what it may overwrite: a setfield the
// same field of every other object (any of them may be the same object), a setarrayitem the
// items of arrays of its descriptor unless the two indices differ for sure: two constants
// that differ, or the same value plus two different constants (i and i + 1: fold.ts makes
// chains of constant additions one addition, so a stack pointer's moves compare). A write of
// the value already known to be there is removed. A residual call forgets every item and the
// fields its callee may write (the codewriter's effect analysis, by field descriptor: other
// fields stay known); any other operation that may write to the heap (one this file does
// not know) forgets everything.
// A written item is known for later reads only where a read has shown the index in range (a
// write out of range does nothing, a read out of range is an error the trace must still
// raise; what was shown in range stays so: arrays are not resized), and only when the
// descriptor's items read back as written (DescrInfo: narrow typed arrays wrap).
// List items are cached the same way, under their list descriptors (a list never shares its
// items with a typed array or a list of another item type). An index a read or a write
// showed in range stays so until a pop (a list write out of range is an error, not a no-op),
// and list items always read back as written. Lists' lengths are known too, as a value plus
// a constant: a list_len read, an append's result (the new length, and the appended item is
// known at length - 1: an interpreter's push then pop of its value stack reads no memory),
// one less after a pop of a list whose length is known (the pop's result is then the item
// known there, if any). An append or pop changes no known item but may change any list's
// length (lists alias); a pop forgets its descriptor's items except the same list's known
// to be below its new length (indices length - k).
// Writes are lazy (lazywrites.ts): kept back until something may see them, made on the
// failure paths of the guards passed meanwhile. A list write is kept back only where its
// index is known in range (out of range it stops the program: that must happen where the
// interpreter would, not later); a typed-array write out of range does nothing wherever it
// is made.
// A virtualizable's fields and its lists' items (vable.ts) are apart: an owned list's items
// are no other list's, and a residual call that is not passed the virtualizable or an owned
// list leaves them known and their writes kept. With a VableCarry (peel.ts unrolling), the
// cache passes them across the loop's jump instead of writing them back.
import {
  CALL_F, CALL_I, CALL_N, CALL_PURE_I, CALL_R, ConstInt, DEBUG_MERGE_POINT, isGuard, JUMP, LABEL, NEW, NEW_ARRAY, INT_ADD, INT_SUB, GETARRAYITEM_F, GETARRAYITEM_I, GETFIELD_F, GETFIELD_I, GETFIELD_R, GETLISTITEM_F, GETLISTITEM_I, GETLISTITEM_R,
  ResOp, SETARRAYITEM, SETFIELD, SETLISTITEM, Value, LIST_APPEND, LIST_LEN, LIST_POP_I, LIST_POP_R, LIST_POP_F,
} from "../resop.ts";
import { DescrInfo } from "./descrs.ts";
import { isPure, writesNothing } from "./effects.ts";
import { LazyWrites, Place } from "./lazywrites.ts";
import { Optimization, Optimizer } from "./optimizer.ts";
import { CARRY_FIELD, CARRY_ITEM, CarryEntry, VABLE_ARRAY, VableCarry } from "./vable.ts";
import { int } from "../../types.ts";

/** An int index as a base and a constant offset: x + C and x - C (fold.ts makes chains of
 *  them one operation) are (x, C) and (x, -C), a constant C is ("", C), anything else x is
 *  (x, 0). Two indices with the same base and different offsets differ on every run. */
export class Index {
  constructor(
    public base: string,
    public offset: int,
  ) {}

  differs(other: Index): boolean {
    return this.base === other.base && this.offset !== other.offset;
  }
}

export function indexOf(v: Value, opt: Optimizer): Index {
  if (v instanceof ConstInt) return new Index("", v.value);
  if (v instanceof ResOp && (v.opnum === INT_ADD || v.opnum === INT_SUB) && v.args[1] instanceof ConstInt) {
    const c = (v.args[1] as ConstInt).value;
    return new Index(opt.key(v.args[0]), v.opnum === INT_ADD ? c : 0 - c);
  }
  return new Index(opt.key(v), 0);
}

/** An item of the array or list whose key is `array`. */
class Slot {
  constructor(
    public array: string,
    public index: Index,
  ) {}

  key(): string {
    return `${this.array}[${this.index.base}+${this.index.offset}]`;
  }

  /** In the same array as `other`, at a smaller index for sure. */
  below(other: Slot): boolean {
    return this.array === other.array && this.index.base === other.index.base && this.index.offset < other.index.offset;
  }
}

/** A known item. */
class Item {
  constructor(
    public slot: Slot,
    public value: Value,
  ) {}
}

/** A list's known length: base + offset (base an int value). */
class Length {
  constructor(
    public base: Value,
    public offset: int,
  ) {}
}

/** What is known about one descriptor: values by object key (fields) or by slot key. */
class DescrCache {
  fields = new Map<string, Value>();
  items = new Map<string, Item>();
  /** The items a read or a list write showed in range, by slot key. */
  inRange = new Map<string, Slot>();
}

/** Neither reads nor writes what a kept write writes (the heap operations are the cache's
 *  own cases; an elidable call may read anything). */
function blindToWrites(opnum: int): boolean {
  return (isPure(opnum) && opnum !== CALL_PURE_I) || opnum === NEW || opnum === NEW_ARRAY || opnum === DEBUG_MERGE_POINT;
}

export class HeapCache extends Optimization {
  private caches = new Map<int, DescrCache>();
  /** Lists' lengths by list key (list_len has no descriptor: every list's is here). */
  private lengths = new Map<string, Length>();
  private lazy = new LazyWrites();
  /** The owned lists (held by a virtualizable's VABLE_ARRAY field), by key: the field's
   *  descriptor (their group: lists of different groups are different lists); the keys of
   *  the objects whose virtualizable fields the trace read or wrote (vable.ts). */
  private owned = new Map<string, int>();
  private owners = new Set<string>();

  constructor(
    private descrs: DescrInfo,
    private carry: VableCarry | null = null,
  ) {
    super();
  }

  /** Notes a virtualizable's field (and the owned list it holds) read or written; its
   *  place's group (-1 for another field). */
  private noteField(descr: int, obj: string, value: Value, opt: Optimizer): int {
    const kind = this.descrs.vableKind(descr);
    if (kind === 0) return -1;
    this.owners.add(obj);
    if (kind === VABLE_ARRAY) this.owned.set(opt.key(value), descr);
    return descr;
  }

  /** The group of a list (by key): the descriptor of the field that holds it, for an owned
   *  list; else -1. */
  private groupOf(list: string): int {
    return this.owned.has(list) ? this.owned.get(list)! : -1;
  }

  private itemPlace(descr: int, slot: Slot): Place {
    return new Place(descr, slot.array, slot.index, this.groupOf(slot.array));
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
        const group = this.noteField(op.descr, obj, known ?? op, opt);
        if (known !== undefined) {
          opt.replace(op, known);
          return true;
        }
        if (!this.lazy.empty()) this.lazy.flushAliases(new Place(op.descr, obj, null, group), true, opt, this);
        fields.set(obj, op);
        return false;
      }
      case SETFIELD: {
        const fields = this.cache(op.descr).fields;
        const obj = opt.key(op.args[0]);
        const known = fields.get(obj);
        if (known !== undefined && opt.get(known) === op.args[1]) return true;
        const place = new Place(op.descr, obj, null, this.noteField(op.descr, obj, op.args[1], opt));
        this.lazy.flushAliases(place, false, opt, this);
        fields.clear();
        fields.set(obj, op.args[1]);
        this.lazy.keep(op, place);
        return true;
      }
      case GETARRAYITEM_I: case GETARRAYITEM_F: case GETLISTITEM_I: case GETLISTITEM_R: case GETLISTITEM_F: {
        const cache = this.cache(op.descr);
        const slot = new Slot(opt.key(op.args[0]), indexOf(op.args[1], opt));
        const known = cache.items.get(slot.key());
        if (known !== undefined) {
          opt.replace(op, known.value);
          return true;
        }
        if (!this.lazy.empty()) this.lazy.flushAliases(this.itemPlace(op.descr, slot), true, opt, this);
        cache.items.set(slot.key(), new Item(slot, op));
        cache.inRange.set(slot.key(), slot);
        return false;
      }
      case SETARRAYITEM: case SETLISTITEM:
        return this.setItem(op, opt);
      case LIST_LEN:
        return this.listLength(op, opt);
      case LIST_APPEND:
        // It writes past the items a kept write may write: those were in range.
        this.append(op, opt);
        return false;
      case LIST_POP_I: case LIST_POP_R: case LIST_POP_F:
        // It reads the top item (of an owned list or of another).
        this.lazy.flushDescr(op.descr, this.groupOf(opt.key(op.args[0])), opt, this);
        this.pop(op, opt);
        return false;
      case CALL_I: case CALL_R: case CALL_F: case CALL_N: {
        const sees = this.seesVable(op, opt);
        this.lazy.flushAll(sees, opt, this);
        this.forgetAtCall(op.descr, sees);
        return false;
      }
      case LABEL:
        if (this.carry !== null && this.carry.expected !== null) this.importAtLabel(op, this.carry.expected, opt);
        return false;
      case JUMP:
        if (this.carry !== null) this.exportAtJump(op, this.carry, opt);
        break;
    }
    if (isGuard(op.opnum)) this.lazy.atGuard(op);
    else if (!blindToWrites(op.opnum)) this.lazy.flushAll(true, opt, this);
    if (!writesNothing(op.opnum)) {
      this.caches.clear();
      this.lengths.clear();
    }
    return false;
  }

  /** Whether a residual call is passed a virtualizable or an owned list (only then may it
   *  see their fields and items: vable.ts). */
  private seesVable(call: ResOp, opt: Optimizer): boolean {
    if (this.owners.size === 0) return false;
    for (const a of call.args) {
      const k = opt.key(a);
      if (this.owners.has(k) || this.owned.has(k)) return true;
    }
    return false;
  }

  /** A residual call forgets the fields its callee may write (DescrInfo.callMayWrite), every
   *  item (it may write or resize any array or list) and every length; but for one that
   *  does not see the virtualizables (`sees` false), their fields and items. */
  private forgetAtCall(call: int, sees: boolean): void {
    this.lengths.clear();
    for (const [descr, cache] of this.caches) {
      const vableField = !sees && this.descrs.vableKind(descr) !== 0;
      if (this.descrs.callMayWrite(call, descr) && !vableField) cache.fields.clear();
      if (sees || this.owned.size === 0) {
        cache.items.clear();
        cache.inRange.clear();
        continue;
      }
      cache.items = this.ownedOnly(cache.items);
      const inRange = new Map<string, Slot>();
      for (const [k, slot] of cache.inRange) if (this.owned.has(slot.array)) inRange.set(k, slot);
      cache.inRange = inRange;
    }
  }

  private ownedOnly(items: Map<string, Item>): Map<string, Item> {
    const kept = new Map<string, Item>();
    for (const [k, item] of items) if (this.owned.has(item.slot.array)) kept.set(k, item);
    return kept;
  }

  /** Kept back unless it is a list write whose index no read or write has shown in range. */
  private setItem(op: ResOp, opt: Optimizer): boolean {
    const cache = this.cache(op.descr);
    const slot = new Slot(opt.key(op.args[0]), indexOf(op.args[1], opt));
    const at = slot.key();
    const known = cache.items.get(at);
    if (known !== undefined && opt.get(known.value) === op.args[2]) return true; // it is there: a read gave it
    const place = this.itemPlace(op.descr, slot);
    const lazy = op.opnum === SETARRAYITEM || cache.inRange.has(at);
    this.lazy.flushAliases(place, !lazy, opt, this);
    const kept = new Map<string, Item>();
    for (const [k, item] of cache.items) {
      if (item.slot.index.differs(slot.index) || this.groupOf(item.slot.array) !== place.group) kept.set(k, item);
    }
    const value = op.args[2];
    if (op.opnum === SETLISTITEM) {
      cache.inRange.set(at, slot);
      kept.set(at, new Item(slot, value));
    } else if (cache.inRange.has(at) && this.descrs.arrayStoresExactly(op.descr, value)) kept.set(at, new Item(slot, value));
    cache.items = kept;
    if (!lazy) return false;
    this.lazy.keep(op, place);
    return true;
  }

  /** A known length is the value that holds it, or an int_add in the list_len's place (the
   *  length stays known from the same base, so that the index computations after it, which
   *  fold.ts reassociates, name the items by the same base). */
  private listLength(op: ResOp, opt: Optimizer): boolean {
    const list = opt.key(op.args[0]);
    const known = this.lengths.get(list);
    if (known === undefined) {
      this.lengths.set(list, new Length(op, 0));
      return false;
    }
    if (known.offset === 0) {
      opt.replace(op, known.base);
      return true;
    }
    op.opnum = INT_ADD;
    op.args = [known.base, new ConstInt(known.offset)];
    return false;
  }

  /** The new length is one more than a known one (the same base names the items of pushes
   *  and pops in turn), else the append's result; its last item is the one appended. Another
   *  list's length may have changed (it may be the same list); no known item has. */
  private append(op: ResOp, opt: Optimizer): void {
    const list = opt.key(op.args[0]);
    const old = this.lengths.get(list);
    const length = old === undefined ? new Length(op, 0) : new Length(old.base, old.offset + 1);
    this.lengths.clear();
    this.lengths.set(list, length);
    const cache = this.cache(op.descr);
    const slot = new Slot(list, new Index(opt.key(length.base), length.offset - 1));
    cache.items.set(slot.key(), new Item(slot, op.args[1]));
    cache.inRange.set(slot.key(), slot);
  }

  /** Where the list's length is known, the pop's result is the item known there, and the
   *  list's items below stay known; every other item of the descriptor is forgotten (its
   *  list may be this one, shorter now), but for those of lists of other groups (vable.ts). */
  private pop(op: ResOp, opt: Optimizer): void {
    const list = opt.key(op.args[0]);
    const length = this.lengths.get(list);
    this.lengths.clear();
    const group = this.groupOf(list);
    const cache = this.cache(op.descr);
    const top = length === undefined ? null : new Slot(list, new Index(opt.key(length.base), length.offset - 1));
    const items = new Map<string, Item>();
    for (const [k, item] of cache.items) if (this.staysAtPop(item.slot, top, group)) items.set(k, item);
    const inRange = new Map<string, Slot>();
    for (const [k, slot] of cache.inRange) if (this.staysAtPop(slot, top, group)) inRange.set(k, slot);
    const known = top === null ? undefined : cache.items.get(top.key());
    cache.items = items;
    cache.inRange = inRange;
    if (length === undefined) return;
    this.lengths.set(list, new Length(length.base, length.offset - 1));
    if (known !== undefined) opt.replace(op, known.value);
  }

  private staysAtPop(s: Slot, top: Slot | null, group: int): boolean {
    return this.groupOf(s.array) !== group || (top !== null && s.below(top));
  }

  // ---- Carrying a virtualizable across the loop's jump (vable.ts, peel.ts).

  /** The known value of what entry `e` carries, on `obj`; null if it is not known. */
  private carried(e: CarryEntry, obj: Value, opt: Optimizer): Value | null {
    const cache = this.cache(e.descr);
    if (e.kind === CARRY_FIELD) {
      const v = cache.fields.get(opt.key(obj));
      return v === undefined ? null : opt.get(v);
    }
    const item = cache.items.get(new Slot(opt.key(obj), new Index("", e.index)).key());
    return item === undefined ? null : opt.get(item.value);
  }

  private carriedPlace(e: CarryEntry, obj: Value, opt: Optimizer): Place {
    return new Place(e.descr, opt.key(obj), e.kind === CARRY_FIELD ? null : new Index("", e.index), e.group);
  }

  /** The JUMP passes the virtualizables' known fields and owned items as extra arguments
   *  (their kept writes not made): the preamble's chooses them, the loop's passes the same. */
  private exportAtJump(jump: ResOp, carry: VableCarry, opt: Optimizer): void {
    const entries = carry.expected ?? this.carriable(jump, opt);
    const values: Value[] = [];
    const objects: Value[] = [];
    for (const e of entries) {
      const obj = e.object >= 0 ? jump.args[e.object] : values[-1 - e.object];
      const v = this.carried(e, obj, opt);
      if (v === null) {
        carry.failed = true;
        return;
      }
      values.push(v);
      objects.push(obj);
    }
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      const written = this.lazy.take(this.carriedPlace(e, objects[k], opt)) !== null;
      if (carry.expected === null) e.written = written;
      else if (written && !e.written) carry.dirtied.push(k);
    }
    if (carry.dirtied.length > 0) carry.failed = true;
    carry.entries = entries;
    const args = jump.args.slice();
    for (const v of values) args.push(v);
    jump.args = args;
  }

  /** What the preamble's JUMP can carry: the known virtualizable fields of its arguments,
   *  then the items at constant indices of the owned lists among them or their values. */
  private carriable(jump: ResOp, opt: Optimizer): CarryEntry[] {
    const entries: CarryEntry[] = [];
    const argAt = new Map<string, int>();
    for (let k = jump.args.length - 1; k >= 0; k--) argAt.set(opt.key(jump.args[k]), k);
    const entryOf = new Map<string, int>();
    for (const [descr, cache] of this.caches) {
      const kind = this.descrs.vableKind(descr);
      if (kind === 0) continue;
      for (const [obj, value] of cache.fields) {
        if (!argAt.has(obj)) continue;
        if (kind === VABLE_ARRAY) entryOf.set(opt.key(value), entries.length);
        entries.push(new CarryEntry(CARRY_FIELD, descr, argAt.get(obj)!, 0, descr));
      }
    }
    for (const [descr, cache] of this.caches) {
      for (const [, item] of cache.items) {
        const list = item.slot.array;
        if (this.groupOf(list) < 0 || item.slot.index.base !== "") continue;
        if (!entryOf.has(list) && !argAt.has(list)) continue;
        const at = entryOf.has(list) ? -1 - entryOf.get(list)! : argAt.get(list)!;
        entries.push(new CarryEntry(CARRY_ITEM, descr, at, item.slot.index.offset, this.groupOf(list)));
      }
    }
    return entries;
  }

  /** The loop's LABEL: its last arguments are the carried values; the cache starts knowing
   *  them, the written ones as kept writes. */
  private importAtLabel(label: ResOp, entries: CarryEntry[], opt: Optimizer): void {
    const first = label.args.length - entries.length;
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      const v = label.args[first + k];
      const obj = e.object >= 0 ? label.args[e.object] : label.args[first - 1 - e.object];
      const key = opt.key(obj);
      const cache = this.cache(e.descr);
      const place = this.carriedPlace(e, obj, opt);
      if (e.kind === CARRY_FIELD) {
        cache.fields.set(key, v);
        this.noteField(e.descr, key, v, opt);
        if (e.written) this.lazy.keep(new ResOp(SETFIELD, [obj, v], e.descr), place);
      } else {
        const slot = new Slot(key, new Index("", e.index));
        this.owned.set(key, e.group);
        cache.items.set(slot.key(), new Item(slot, v));
        cache.inRange.set(slot.key(), slot);
        if (e.written) this.lazy.keep(new ResOp(SETLISTITEM, [obj, new ConstInt(e.index), v], e.descr), place);
      }
    }
  }
}
