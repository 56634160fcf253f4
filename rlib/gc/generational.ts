// The generational collector (`--gc=generational`, the default), a simplified version of
// PyPy's incminimark, written in RTS over raw memory like the mark-sweep collector it
// builds on.
//
// Heap layout from heapBase: the nursery, the remembered-set buffer, then the old generation,
// which is the mark-sweep heap of marksweep.ts (free lists, bump region, memory.grow).
// - New objects are bump-allocated in the nursery (the translator inlines the fast path for
//   instances: compare NURSERY_FREE + size with NURSERY_TOP). The nursery is zeroed after each
//   minor collection, so allocation does not zero.
// - A minor collection copies the nursery objects reachable from the roots (the shadow stack)
//   and from the remembered old objects into the old generation (each gets a forwarding
//   address in its nursery header), then updates every pointer to them. The translator
//   reloads the pointers it spilled to the shadow stack after each call that can collect.
// - Old objects carry TRACK_YOUNG in their size word. Storing a pointer into such an object
//   goes through the write barrier (inline flag test; genRemember is the slow path), which
//   clears the flag and records the object, so that the next minor collection scans it.
//   Prebuilt objects (data segment) are old and carry the flag too.
// - Objects larger than LARGE_OBJECT, and objects allocated where no collection may run, are
//   allocated old; those with pointers are recorded at once (they may receive young pointers
//   with no barrier, as fresh objects do).
// - When the old generation grew enough since the last major collection, a minor collection
//   is followed by a major one: mark-sweep of the old generation (the nursery is empty then).
import type { int } from "../types.ts";
import {
  dataBase, dataEnd, gcStress, heapBase, load32, memCopy, memFill, memoryGrow, memorySize, shadowStackBase, shadowStackTop,
  store32,
} from "../lowlevel.ts";
import { exit, write } from "../os.ts";
import { monotonicNanos } from "../wasi.ts";
import {
  allocateChunk, chunkSize, collect, collectionDue, countGcTime, MIN_CHUNK, NO_POINTERS, objectInChunk, oldTop, OLD_BASE, PEAK_HEAP,
  pointerSlot, setState, state, typeInfo,
} from "./marksweep.ts";

const PAGE = 65536;
const NURSERY_SIZE = 2 << 20;
/** Objects larger than this are allocated directly in the old generation. */
export const LARGE_OBJECT = 32768;
/** Recorded objects a remembered-set buffer holds; beyond, the next minor collection walks
 *  the old generation for the objects whose TRACK_YOUNG flag is clear. */
const REMEMBERED_CAPACITY = 65536;
/** Under --gc-stress every allocation runs a minor collection, and every this many a major. */
const STRESS_MAJOR_EVERY = 16;
/** Size-word flags (MARK = 1 is the mark-sweep collector's). */
const TRACK_YOUNG = 2;
const FORWARDED = 4;

// Collector state in the runtime's static area (after marksweep.ts's). NURSERY_FREE and
// NURSERY_TOP are read by the translator's inline allocation (targets/wasm/memory.ts) and
// the JIT's (rlib/jitrt/backend/heap.ts).
export const NURSERY_FREE = 424;
export const NURSERY_TOP = 428;
const NURSERY_START = 432;
const NURSERY_END = 436;
const REMEMBERED = 440;
const REMEMBERED_COUNT = 444;
const REMEMBERED_OVERFLOW = 448;
/** Promoted objects whose fields still need updating, linked through their nursery copies. */
const SCAN_LIST = 452;
export const MINOR_COLLECTIONS = 456;
const STRESS_COUNT = 460;

function outOfMemory(): void {
  write(2, "rts: runtime error: out of memory\n");
  exit(1);
}

/** Lays out the nursery and the remembered set; runs before the program allocates. */
export function genInit(): void {
  const start = heapBase();
  const end = start + NURSERY_SIZE;
  const old = end + REMEMBERED_CAPACITY * 4;
  const have = memorySize() * PAGE;
  if (old > have && memoryGrow((old - have + PAGE - 1) >> 16) < 0) outOfMemory();
  setState(NURSERY_START, start);
  setState(NURSERY_END, end);
  setState(NURSERY_FREE, start);
  setState(NURSERY_TOP, gcStress() ? start : end);
  setState(REMEMBERED, end);
  setState(OLD_BASE, old);
  setState(PEAK_HEAP, old - start);
}

/** `n` bytes from the nursery, or 0 when it is full. */
function nurseryBump(n: int): int {
  const p = state(NURSERY_FREE);
  if (p + n > state(NURSERY_TOP)) return 0;
  setState(NURSERY_FREE, p + n);
  return p;
}

/** Memory for one object with its header written (zeroed), or 0 when memory is exhausted. */
export function genAllocate(size: int, typeid: int, mayCollect: boolean): int {
  const n = size < MIN_CHUNK ? MIN_CHUNK : (size + 7) & -8;
  if (n <= LARGE_OBJECT) {
    let p = nurseryBump(n);
    if (p === 0 && mayCollect) {
      collectGenerations(n);
      p = nurseryBump(n);
    }
    if (p !== 0) {
      store32(p, typeid);
      store32(p + 4, n);
      return p;
    }
  } else if (mayCollect && (gcStress() || collectionDue(n))) {
    collectGenerations(0);
  }
  let p = allocateChunk(n);
  if (p === 0 && mayCollect) {
    collectGenerations(0);
    collect();
    p = allocateChunk(n);
  }
  if (p === 0) return 0;
  objectInChunk(p, typeid, TRACK_YOUNG);
  if (typeInfo(p) !== NO_POINTERS) genRemember(p);
  return p;
}

/** A minor collection now: every live young object is old afterwards (and stays where it
 *  is). The JIT does this before it traces, as a trace names objects by their address. */
export function genMinorCollection(): void {
  minorCollect();
}

/** A minor collection, then a major one when due; leaves room for `n` bytes in the nursery
 *  (under stress, exactly `n`, so that the next allocation collects again). */
function collectGenerations(n: int): void {
  minorCollect();
  const count = state(STRESS_COUNT) + 1;
  setState(STRESS_COUNT, count);
  if (collectionDue(0) || (gcStress() && count % STRESS_MAJOR_EVERY === 0)) collect();
  if (gcStress()) setState(NURSERY_TOP, state(NURSERY_START) + n);
}

/** The write barrier's slow path: `obj` (old, TRACK_YOUNG set) may now point to young objects. */
export function genRemember(obj: int): void {
  store32(obj + 4, load32(obj + 4) & ~TRACK_YOUNG);
  const count = state(REMEMBERED_COUNT);
  if (count < REMEMBERED_CAPACITY) {
    store32(state(REMEMBERED) + count * 4, obj);
    setState(REMEMBERED_COUNT, count + 1);
  } else {
    setState(REMEMBERED_OVERFLOW, 1);
  }
}

// ---- minor collection -----------------------------------------------------------------------

/** Whether `p` is a young object's address, in the nursery (a minor collection moves it;
 *  false with the other collectors, whose nursery bounds stay 0). */
export function genIsYoung(p: int): boolean {
  return p >= state(NURSERY_START) && p < state(NURSERY_END);
}

/** Where the nursery object `q` lives now (copying it to the old generation the first time);
 *  any other pointer is returned as it is. */
function forward(q: int): int {
  if (!genIsYoung(q)) return q;
  const word = load32(q + 4);
  if ((word & FORWARDED) !== 0) return load32(q);
  const size = word & -8;
  const copy = allocateChunk(size);
  if (copy === 0) outOfMemory();
  const used = chunkSize(copy);
  memCopy(copy, q, size);
  if (used > size) memFill(copy + size, 0, used - size);
  store32(copy + 4, used | TRACK_YOUNG);
  store32(q, copy);
  store32(q + 4, word | FORWARDED);
  if (typeInfo(copy) !== NO_POINTERS) {
    store32(q + 8, state(SCAN_LIST));
    setState(SCAN_LIST, q);
  }
  return copy;
}

/** Forwards every pointer field of the old object `p` that points into the nursery. */
function scanYoung(p: int): void {
  const info = typeInfo(p);
  if (info === NO_POINTERS) return;
  let k = 0;
  for (let a = pointerSlot(p, info, 0); a !== 0; a = pointerSlot(p, info, ++k)) {
    const q = load32(a);
    const f = forward(q);
    if (f !== q) store32(a, f);
  }
}

/** After a remembered-set overflow: scans every object in [from, to) whose flag is clear. */
function scanUntracked(from: int, to: int): void {
  for (let p = from; p < to; p = p + chunkSize(p)) {
    const word = load32(p + 4);
    if (load32(p) !== 0 && (word & TRACK_YOUNG) === 0) {
      scanYoung(p);
      store32(p + 4, word | TRACK_YOUNG);
    }
  }
}

function minorCollect(): void {
  const t0 = monotonicNanos();
  for (let a = shadowStackBase(); a < shadowStackTop(); a = a + 4) store32(a, forward(load32(a)));
  const count = state(REMEMBERED_COUNT);
  for (let i = 0; i < count; i++) {
    const p = load32(state(REMEMBERED) + i * 4);
    scanYoung(p);
    store32(p + 4, load32(p + 4) | TRACK_YOUNG);
  }
  if (state(REMEMBERED_OVERFLOW) !== 0) {
    scanUntracked(dataBase(), dataEnd());
    scanUntracked(state(OLD_BASE), oldTop());
  }
  setState(REMEMBERED_COUNT, 0);
  setState(REMEMBERED_OVERFLOW, 0);
  while (state(SCAN_LIST) !== 0) {
    const q = state(SCAN_LIST);
    setState(SCAN_LIST, load32(q + 8));
    scanYoung(load32(q));
  }
  const start = state(NURSERY_START);
  memFill(start, 0, state(NURSERY_FREE) - start);
  setState(NURSERY_FREE, start);
  setState(NURSERY_TOP, state(NURSERY_END));
  countGcTime(t0);
  setState(MINOR_COLLECTIONS, state(MINOR_COLLECTIONS) + 1);
}
