// Lazy writes (RPython's optimizeopt/heap.py lazy setfields), for the heap cache (heap.ts):
// a setfield, setarrayitem or setlistitem of an object that is not virtual is kept back
// instead of emitted where the trace makes it. A later write of the same place makes it
// dead (it is dropped); the heap cache answers the reads of it. The heap cache emits it,
// through the flush methods, before anything that may see it: a read or write of a place
// that may be the same (same descriptor; a field of another object, an item whose index
// does not differ for sure), a residual call, an operation the optimizer does not model,
// the trace's JUMP or FINISH. A
// guard passed meanwhile makes the writes on its failure path (`atGuard`: copies appended to
// its onFailure list, after the virtual objects it builds and the list appends it performs,
// which they never name: a kept write's values are real), so the path where the guard holds
// writes nothing until the trace ends or something looks. The order of two writes that may be
// to one place is kept because the first is emitted before the second is kept back (or
// dropped, for the same place): the kept writes are to distinct places, in any order.
// Places of a virtualizable (vable.ts) are apart: an owned list's items alias no other
// list's but those of lists its field may hold, and a residual call that is not passed the
// virtualizable does not see them.
import { int } from "../../types.ts";
import { ResOp } from "../resop.ts";
import type { Index } from "./heap.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

/** Where a kept write writes: its descriptor, the object's key, for an item its index
 *  (null for a field), and for a virtualizable's place its group (else -1): a field's own
 *  descriptor, or for an owned list's item the descriptor of the field that holds the list
 *  (heap.ts groupOf). */
export class Place {
  constructor(
    public descr: int,
    public object: string,
    public index: Index | null,
    public group: int = -1,
  ) {}

  same(other: Place): boolean {
    if (this.descr !== other.descr || this.object !== other.object) return false;
    if (this.index === null || other.index === null) return this.index === other.index;
    return this.index.base === other.index.base && this.index.offset === other.index.offset;
  }

  /** May be the same memory as `other` on some run: the same descriptor (fields and items of
   *  different descriptors never alias), and for items, indices that do not differ for sure
   *  (whatever the arrays: two different indices are two places), and lists of different
   *  groups are different lists. */
  mayAlias(other: Place): boolean {
    if (this.descr !== other.descr) return false;
    if (this.index === null || other.index === null) return true;
    return this.group === other.group && !this.index.differs(other.index);
  }
}

/** Which kept writes a flush emits. */
const ALIASES = 0;
const OTHER_ALIASES = 1;
const OF_DESCR = 2;
const EVERY = 3;
const NOT_VABLE = 4;

export class LazyWrites {
  private writes: ResOp[] = [];
  private places: Place[] = [];

  /** Whether nothing is kept back. */
  empty(): boolean {
    return this.writes.length === 0;
  }

  /** Keeps `op` back; a kept write to the same place is dead and dropped. */
  keep(op: ResOp, place: Place): void {
    for (let k = 0; k < this.places.length; k++) {
      if (this.places[k].same(place)) {
        this.writes.splice(k, 1);
        this.places.splice(k, 1);
        break;
      }
    }
    this.writes.push(op);
    this.places.push(place);
  }

  /** Emits, in order, the kept writes to places that may be `place` (`place` itself only
   *  with `same`: a write of it need not, keep makes the kept one dead). */
  flushAliases(place: Place, same: boolean, opt: Optimizer, from: Optimization): void {
    this.flush(same ? ALIASES : OTHER_ALIASES, place, opt, from);
  }

  /** Emits, in order, the kept writes of descriptor `descr` to lists of group `group`. */
  flushDescr(descr: int, group: int, opt: Optimizer, from: Optimization): void {
    if (this.writes.length > 0) this.flush(OF_DESCR, new Place(descr, "", null, group), opt, from);
  }

  /** Emits every kept write, in order; only those that are not a virtualizable's when
   *  `vables` is false (a residual call that cannot see them). */
  flushAll(vables: boolean, opt: Optimizer, from: Optimization): void {
    this.flush(vables ? EVERY : NOT_VABLE, null, opt, from);
  }

  /** Removes the kept write to `place` and returns it (null if there is none): peel.ts
   *  carries it across a loop's jump instead. */
  take(place: Place): ResOp | null {
    for (let k = 0; k < this.places.length; k++) {
      if (!this.places[k].same(place)) continue;
      const w = this.writes[k];
      this.writes.splice(k, 1);
      this.places.splice(k, 1);
      return w;
    }
    return null;
  }

  /** The guard's failure path makes the kept writes (copies: the writes themselves may still
   *  be emitted later, and the backend compiles each operation once). */
  atGuard(guard: ResOp): void {
    if (this.writes.length === 0) return;
    const onFailure = guard.onFailure.slice();
    for (const w of this.writes) {
      const copy = new ResOp(w.opnum, w.args.slice(), w.descr);
      copy.inBounds = w.inBounds;
      copy.indexBase = w.indexBase;
      copy.indexOffset = w.indexOffset;
      onFailure.push(copy);
    }
    guard.onFailure = onFailure;
  }

  private picks(which: int, p: Place, place: Place | null): boolean {
    if (which === NOT_VABLE) return p.group < 0;
    if (place === null) return true;
    if (which === OF_DESCR) return p.descr === place.descr && p.group === place.group;
    return p.mayAlias(place) && (which === ALIASES || !p.same(place));
  }

  private flush(which: int, place: Place | null, opt: Optimizer, from: Optimization): void {
    if (this.writes.length === 0) return;
    const writes: ResOp[] = [];
    const places: Place[] = [];
    const emitted: ResOp[] = [];
    for (let k = 0; k < this.writes.length; k++) {
      if (this.picks(which, this.places[k], place)) {
        emitted.push(this.writes[k]);
      } else {
        writes.push(this.writes[k]);
        places.push(this.places[k]);
      }
    }
    this.writes = writes;
    this.places = places;
    for (const w of emitted) opt.emit(w, from);
  }
}
