// A non-moving mark-sweep garbage collector, written in RTS over raw memory and translated
// with every program (as RPython's GCs are written in RPython). Stage 1 of the GC issue.
//
// Heap: [oldBase, top) is a sequence of chunks, each starting with the object header
// [type id, size | mark]: live objects, and free chunks (type id 0, size, next free chunk).
// Free chunks are kept on lists by size (exact sizes up to MAX_SMALL, one first-fit list above);
// beyond `top` memory is bump-allocated and grown with memory.grow.
//
// Roots: the shadow stack (the translator stores every GC pointer that is live across an
// allocation in its function's frame there) and the prebuilt objects of the data segment,
// which are never freed but may point into the heap.
//
// The generational collector (generational.ts) uses this heap as its old generation: it puts
// its nursery below `oldBase`, allocates promoted objects with allocateChunk and runs
// `collect` (with an empty nursery) as its major collection.
import type { int } from "../types.ts";
import {
  dataBase, dataEnd, gcStress, heapBase, load32, memFill, memoryGrow, memorySize, shadowStackBase, shadowStackTop,
  stateBase, store32, typeInfoBase,
} from "../lowlevel.ts";
import { intDiv } from "../rarith.ts";
import { monotonicNanos } from "../wasi.ts";

const PAGE = 65536;
/** A collection runs once this many bytes (or the live size, if larger) were allocated since the last. */
const MIN_THRESHOLD = 4 << 20;
/** Flags in the low bits of the size word (sizes are multiples of 8). */
export const MARK = 1;
const MAX_SMALL = 512;
export const MIN_CHUNK = 16;
/** Type-info entries (see targets/wasm/memory.ts): no pointers / every item is a pointer. */
export const NO_POINTERS = 0;
const POINTER_ITEMS = 1;
const ITEMS_START = 16;

// Collector state: words in the runtime's static area.
const TOP = 64;
const SINCE = 68;
const THRESHOLD = 72;
const OVERFLOW = 76;
const LARGE = 80;
const SMALL = 84; // one list head per 8-byte size class up to MAX_SMALL
// Statistics and settings (after the list heads): see rlib/gc/settings.ts.
export const COLLECTIONS = 400;
export const GC_NANOS_LOW = 404; // total time in the collector, as two u32 words
export const GC_NANOS_HIGH = 408;
export const PEAK_HEAP = 412;
export const HEAP_LIMIT = 416; // bytes of heap allowed (0: no limit)
/** Where this heap starts (0: at heapBase; the generational collector's nursery is below). */
export const OLD_BASE = 420;

export function state(offset: int): int {
  return load32(stateBase() + offset);
}

export function setState(offset: int, value: int): void {
  store32(stateBase() + offset, value);
}

function oldBase(): int {
  const b = state(OLD_BASE);
  return b === 0 ? heapBase() : b;
}

export function oldTop(): int {
  const t = state(TOP);
  return t === 0 ? oldBase() : t;
}

export function chunkSize(p: int): int {
  return load32(p + 4) & -8;
}

/** The type-info entry of the object at `p`. */
export function typeInfo(p: int): int {
  return load32(typeInfoBase() + load32(p) * 4);
}

/** The address of the `k`-th pointer slot of the object at `p` (whose type info is `info`,
 *  not NO_POINTERS), or 0 after the last. */
export function pointerSlot(p: int, info: int, k: int): int {
  if (info === POINTER_ITEMS) {
    const a = p + ITEMS_START + k * 4;
    return a < p + chunkSize(p) ? a : 0;
  }
  const offset = load32(info + k * 4);
  return offset === 0 ? 0 : p + offset;
}

// ---- free lists -----------------------------------------------------------------------------

function listHead(size: int): int {
  return size <= MAX_SMALL ? stateBase() + SMALL + (size >> 3) * 4 : stateBase() + LARGE;
}

function pushFree(p: int, size: int): void {
  store32(p, 0);
  store32(p + 4, size);
  const head = listHead(size);
  store32(p + 8, load32(head));
  store32(head, p);
}

/** A free chunk of exactly `size` bytes (from its size class) or split from a large one, or 0.
 *  The chunk's size word keeps its real size, so the heap stays walkable. */
function takeFree(size: int): int {
  if (size <= MAX_SMALL) {
    const head = listHead(size);
    const q = load32(head);
    if (q !== 0) {
      store32(head, load32(q + 8));
      return q;
    }
  }
  let link = stateBase() + LARGE;
  let p = load32(link);
  while (p !== 0) {
    const available = chunkSize(p);
    if (available >= size) {
      store32(link, load32(p + 8));
      if (available - size >= MIN_CHUNK) {
        pushFree(p + size, available - size);
        store32(p + 4, size);
      }
      return p; // a remainder too small to be a chunk stays part of this one
    }
    link = p + 8;
    p = load32(link);
  }
  return 0;
}

/** `size` bytes from the end of the heap (growing memory), with the size word set; or 0. */
function bump(size: int): int {
  const p = oldTop();
  const end = p + size;
  if (state(HEAP_LIMIT) !== 0 && end - heapBase() > state(HEAP_LIMIT)) return 0;
  if (end - heapBase() > state(PEAK_HEAP)) setState(PEAK_HEAP, end - heapBase());
  const limit = memorySize() * PAGE;
  if (end > limit) {
    const pages = (end - limit + PAGE - 1) >> 16;
    if (memoryGrow(pages > 256 ? pages : 256) < 0 && memoryGrow(pages) < 0) return 0;
  }
  setState(TOP, end);
  store32(p + 4, size);
  return p;
}

// ---- allocation -----------------------------------------------------------------------------

/** A chunk of at least `n` bytes (a multiple of 8) with its size word set, counted as
 *  allocated since the last collection; or 0 when memory is exhausted. Never collects. */
export function allocateChunk(n: int): int {
  let p = takeFree(n);
  if (p === 0) p = bump(n);
  if (p !== 0) setState(SINCE, state(SINCE) + chunkSize(p));
  return p;
}

/** Whether enough was allocated since the last collection to make another worthwhile. */
export function collectionDue(n: int): boolean {
  const threshold = state(THRESHOLD) === 0 ? MIN_THRESHOLD : state(THRESHOLD);
  return state(SINCE) + n > threshold;
}

/** Zeroed memory for one object with its header written, or 0 when memory is exhausted. */
export function gcAllocate(size: int, typeid: int, mayCollect: boolean): int {
  const n = size < MIN_CHUNK ? MIN_CHUNK : (size + 7) & -8;
  if (mayCollect && (gcStress() || collectionDue(n))) collect();
  let p = allocateChunk(n);
  if (p === 0 && mayCollect) {
    collect();
    p = allocateChunk(n);
  }
  return p === 0 ? 0 : objectInChunk(p, typeid, 0);
}

/** Zeroes the chunk at `p` and writes an object header (type id, size | flags); returns `p`. */
export function objectInChunk(p: int, typeid: int, flags: int): int {
  const used = chunkSize(p);
  memFill(p, 0, used);
  store32(p, typeid);
  store32(p + 4, used | flags);
  return p;
}

// ---- marking --------------------------------------------------------------------------------
// Marking is the collector's inner loop (under --gc-stress it runs at every allocation), so it
// takes the heap's bounds and the mark stack's limit as arguments, computed once per
// collection, and walks an object's pointer slots inline: binaryen's -O2 inlines no function
// bigger than two operations and V8 inlines no Wasm call, so helpers such as state, oldTop
// and pointerSlot cost a call each, per pointer marked (about two thirds of the marking time).

/** Marks a heap object (in [lo, hi)) and pushes it on the mark stack, which lives above the
 *  heap's top and ends at `limit`. */
function markPush(q: int, sp: int, lo: int, hi: int, limit: int): int {
  if (q < lo || q >= hi) return sp; // null, prebuilt objects
  const word = load32(q + 4);
  if ((word & MARK) !== 0) return sp;
  store32(q + 4, word | MARK);
  if (sp + 4 > limit) {
    setState(OVERFLOW, 1); // found again by rescanning the marked objects
    return sp;
  }
  store32(sp, q);
  return sp + 4;
}

/** Pushes the heap objects `p` points to. */
function scanObject(p: int, sp: int, lo: int, hi: int, limit: int): int {
  const info = load32(typeInfoBase() + load32(p) * 4); // typeInfo(p)
  if (info === NO_POINTERS) return sp;
  let top = sp;
  if (info === POINTER_ITEMS) {
    const end = p + (load32(p + 4) & -8); // p + chunkSize(p)
    for (let a = p + ITEMS_START; a < end; a = a + 4) top = markPush(load32(a), top, lo, hi, limit);
    return top;
  }
  for (let o = info; load32(o) !== 0; o = o + 4) top = markPush(load32(p + load32(o)), top, lo, hi, limit);
  return top;
}

function drain(sp: int, base: int, lo: int, hi: int, limit: int): void {
  let top = sp;
  while (top > base) {
    top = top - 4;
    top = scanObject(load32(top), top, lo, hi, limit);
  }
}

function markFromRoots(): void {
  const lo = oldBase();
  const hi = oldTop();
  const limit = memorySize() * PAGE;
  let sp = hi;
  for (let a = shadowStackBase(); a < shadowStackTop(); a = a + 4) sp = markPush(load32(a), sp, lo, hi, limit);
  for (let p = dataBase(); p < dataEnd(); p = p + chunkSize(p)) sp = scanObject(p, sp, lo, hi, limit);
  drain(sp, hi, lo, hi, limit);
  while (state(OVERFLOW) !== 0) {
    setState(OVERFLOW, 0);
    for (let p = lo; p < hi; p = p + chunkSize(p)) {
      if (load32(p) !== 0 && (load32(p + 4) & MARK) !== 0) drain(scanObject(p, hi, lo, hi, limit), hi, lo, hi, limit);
    }
  }
}

// ---- sweeping -------------------------------------------------------------------------------

/** Frees every unmarked object, merging neighbouring free chunks; clears the marks. */
function sweep(): void {
  for (let o = LARGE; o <= SMALL + (MAX_SMALL >> 3) * 4; o = o + 4) setState(o, 0);
  const top = oldTop();
  let live = 0;
  let run = 0;
  let p = oldBase();
  while (p < top) {
    const word = load32(p + 4);
    const size = word & -8;
    if (load32(p) !== 0 && (word & MARK) !== 0) {
      store32(p + 4, word - MARK);
      live = live + size;
      if (run !== 0) pushFree(run, p - run);
      run = 0;
    } else if (run === 0) {
      run = p;
    }
    p = p + size;
  }
  if (run !== 0) setState(TOP, run); // a free run at the end goes back to the bump region
  setState(SINCE, 0);
  setState(THRESHOLD, live > MIN_THRESHOLD ? live : MIN_THRESHOLD);
}

/** Adds the time since `t0` (monotonicNanos) to the time spent in the collector. */
export function countGcTime(t0: int): void {
  const nanos = state(GC_NANOS_LOW) + state(GC_NANOS_HIGH) * 4294967296 + (monotonicNanos() - t0);
  setState(GC_NANOS_LOW, nanos & 0xffffffff);
  setState(GC_NANOS_HIGH, intDiv(nanos, 4294967296));
}

export function collect(): void {
  const t0 = monotonicNanos();
  markFromRoots();
  sweep();
  countGcTime(t0);
  setState(COLLECTIONS, state(COLLECTIONS) + 1);
}
