// JS's Map and Set for translated programs: the translator instantiates OrderedMap<K, V>
// and OrderedSet<T> where a program writes Map<K, V> and Set<T> (untranslated, the program
// uses JS's own classes). The table is CPython's compact ordered dict: a hash index of
// slots pointing into insertion-ordered entry arrays, with deleted entries marked in place.
//
// JS iterators see the insertions and deletions made while they run. Deletion only marks an
// entry, so entry positions stay valid; the two operations that move entries (compaction on
// resize, and clear) build a new table and link the old one to it, and an iterator still on
// an old table follows the links, translating its position (V8 does the same).
import type { int } from "./types.ts";
import { keyEquals, keyHash, keyNormalized } from "./lowlevel.ts";
import { fatal } from "./runtime.ts";
import type { Tuple2 } from "./tuples.ts";

/** Index slot values: FREE, DELETED (probing continues past it), or entry index + 1. */
const FREE = 0;
const DELETED = -1;
/** The hash of a deleted entry (real hashes are non-negative). */
const GONE = -1;
const MIN_SLOTS = 8;

export class OrderedTable<K, V> {
  slots: Int32Array;
  keys: K[] = [];
  values: V[] = [];
  hashes: int[] = [];
  /** Entries not deleted. */
  live: int = 0;
  /** Set once compaction or clear() replaced this table: iterators move on to `next`. */
  next: OrderedTable<K, V> | null = null;
  wasCleared = false;

  constructor(slotCount: int) {
    this.slots = new Int32Array(slotCount);
  }

  /** The slot holding `key`, or -1. */
  findSlot(key: K, h: int): int {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = h & mask;
    for (;;) {
      const s = slots[i];
      if (s === FREE) return -1;
      if (s !== DELETED) {
        const e = s - 1;
        if (this.hashes[e] === h && keyEquals(this.keys[e], key)) return i;
      }
      i = (i + 1) & mask;
    }
  }

  /** The entry of `key`, or -1. */
  find(key: K, h: int): int {
    const i = this.findSlot(key, h);
    return i < 0 ? -1 : this.slots[i] - 1;
  }

  private placeSlot(h: int, entry: int): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = h & mask;
    while (slots[i] !== FREE) i = (i + 1) & mask;
    slots[i] = entry + 1;
  }

  /** Adds an entry for a key that is not present; returns the table that holds it now. */
  append(key: K, value: V, h: int): OrderedTable<K, V> {
    // At most 2/3 of the slots are used (live or deleted entries), so probing ends.
    const t = (this.hashes.length + 1) * 3 > this.slots.length * 2 ? this.resized() : this;
    t.keys.push(key);
    t.values.push(value);
    t.hashes.push(h);
    t.placeSlot(h, t.hashes.length - 1);
    t.live = t.live + 1;
    return t;
  }

  /** Removes the entry in slot `i`. */
  removeSlot(i: int): void {
    const e = this.slots[i] - 1;
    this.slots[i] = DELETED;
    this.hashes[e] = GONE;
    this.live = this.live - 1;
  }

  /** Room for more entries: a bigger index over the same entries when none is deleted,
   *  else a new compacted table (entries move, so iterators must follow). */
  private resized(): OrderedTable<K, V> {
    let n = MIN_SLOTS;
    while (n < (this.live + 1) * 3) n = n * 2;
    if (this.live === this.hashes.length) {
      this.slots = new Int32Array(n);
      for (let e = 0; e < this.hashes.length; e++) this.placeSlot(this.hashes[e], e);
      return this;
    }
    const t = new OrderedTable<K, V>(n);
    for (let e = 0; e < this.hashes.length; e++) {
      const h = this.hashes[e];
      if (h === GONE) continue;
      t.keys.push(this.keys[e]);
      t.values.push(this.values[e]);
      t.hashes.push(h);
      t.placeSlot(h, t.hashes.length - 1);
    }
    t.live = this.live;
    this.next = t;
    return t;
  }

  /** Builds the index of a table module initialization filled (its entries are in place,
   *  no hash is: the translator cannot know the translated hashes). Runs once, before main. */
  rehash(): void {
    for (let e = 0; e < this.keys.length; e++) {
      const h = keyHash(this.keys[e]);
      this.hashes[e] = h;
      this.placeSlot(h, e);
    }
  }

  /** A new empty table that iterators of this one continue in. */
  emptied(): OrderedTable<K, V> {
    const t = new OrderedTable<K, V>(MIN_SLOTS);
    this.wasCleared = true;
    this.next = t;
    return t;
  }

  /** Where an iterator at entry `position` of this table continues in `next`. */
  positionInNext(position: int): int {
    if (this.wasCleared) return 0;
    let n = 0;
    for (let e = 0; e < position; e++) if (this.hashes[e] !== GONE) n++;
    return n;
  }
}

/** Walks the live entries in insertion order: `advance()`, then `key()` / `value()`. */
export class OrderedIterator<K, V> {
  position: int = 0;
  current: int = -1;
  constructor(public table: OrderedTable<K, V>) {}

  advance(): boolean {
    let t = this.table;
    for (let next = t.next; next !== null; next = t.next) {
      this.position = t.positionInNext(this.position);
      t = next;
    }
    this.table = t;
    const hashes = t.hashes;
    while (this.position < hashes.length) {
      const e = this.position;
      this.position = e + 1;
      if (hashes[e] !== GONE) {
        this.current = e;
        return true;
      }
    }
    return false;
  }

  key(): K {
    return this.table.keys[this.current];
  }

  value(): V {
    return this.table.values[this.current];
  }
}

/** What Map and Set share: the table (replaced by compaction and clear) and the count. */
class OrderedCollection<K, V> {
  table: OrderedTable<K, V> = new OrderedTable<K, V>(MIN_SLOTS);
  size: int = 0;

  has(key: K): boolean {
    return this.table.find(key, keyHash(key)) >= 0;
  }

  /** Adds an entry for a key known to be absent. */
  protected appendNew(key: K, value: V, h: int): void {
    this.table = this.table.append(keyNormalized(key), value, h);
    this.size = this.size + 1;
  }

  delete(key: K): boolean {
    const i = this.table.findSlot(key, keyHash(key));
    if (i < 0) return false;
    this.table.removeSlot(i);
    this.size = this.size - 1;
    return true;
  }

  clear(): void {
    this.table = this.table.emptied();
    this.size = 0;
  }

  iter(): OrderedIterator<K, V> {
    return new OrderedIterator<K, V>(this.table);
  }
}

export class OrderedMap<K, V> extends OrderedCollection<K, V> {
  /** `new Map(entries)`: the [key, value] tuples (rlib/tuples.ts records) set in order. */
  constructor(entries?: Tuple2<K, V>[]) {
    super();
    if (entries !== undefined) for (const e of entries) this.set(e._0, e._1);
  }

  get(key: K): V | undefined {
    const e = this.table.find(key, keyHash(key));
    return e < 0 ? undefined : this.table.values[e];
  }

  /** `m.get(key)!` where V has no undefined (numbers, booleans): a missing key is an error. */
  getPresent(key: K): V {
    const e = this.table.find(key, keyHash(key));
    if (e < 0) fatal("Map.get(key)!: the key is not in the map");
    return this.table.values[e];
  }

  /** `m.get(key) ?? otherwise` where V has no undefined and `otherwise` is a constant. */
  getOr(key: K, otherwise: V): V {
    const e = this.table.find(key, keyHash(key));
    return e < 0 ? otherwise : this.table.values[e];
  }

  set(key: K, value: V): OrderedMap<K, V> {
    const h = keyHash(key);
    const e = this.table.find(key, h);
    if (e >= 0) this.table.values[e] = value;
    else this.appendNew(key, value, h);
    return this;
  }
}

export class OrderedSet<T> extends OrderedCollection<T, boolean> {
  /** `new Set(array)`. */
  constructor(items?: T[]) {
    super();
    if (items !== undefined) for (const x of items) this.add(x);
  }

  add(item: T): OrderedSet<T> {
    const h = keyHash(item);
    if (this.table.find(item, h) < 0) this.appendNew(item, true, h);
    return this;
  }
}
