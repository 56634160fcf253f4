// A non-moving mark-sweep garbage collector, written in RTS over raw memory and translated
// with every program (as RPython's GCs are written in RPython). Stage 1 of the GC issue.
//
// Heap: [heapBase, top) is a sequence of chunks, each starting with the object header
// [type id, size | mark]: live objects, and free chunks (type id 0, size, next free chunk).
// Free chunks are kept on lists by size (exact sizes up to MAX_SMALL, one first-fit list above);
// beyond `top` memory is bump-allocated and grown with memory.grow.
//
// Roots: the shadow stack (the translator stores every GC pointer that is live across an
// allocation in its function's frame there) and the prebuilt objects of the data segment,
// which are never freed but may point into the heap.
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
const MARK = 1;
const MAX_SMALL = 512;
const MIN_CHUNK = 16;
/** Type-info entries (see targets/wasm/memory.ts): no pointers / every item is a pointer. */
const NO_POINTERS = 0;
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

function state(offset: int): int {
  return load32(stateBase() + offset);
}

function setState(offset: int, value: int): void {
  store32(stateBase() + offset, value);
}

function heapTop(): int {
  const t = state(TOP);
  return t === 0 ? heapBase() : t;
}

function chunkSize(p: int): int {
  return load32(p + 4) & -8;
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
  const p = heapTop();
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

/** Zeroed memory for one object with its header written, or 0 when memory is exhausted. */
export function gcAllocate(size: int, typeid: int, mayCollect: boolean): int {
  const n = size < MIN_CHUNK ? MIN_CHUNK : (size + 7) & -8;
  const threshold = state(THRESHOLD) === 0 ? MIN_THRESHOLD : state(THRESHOLD);
  if (mayCollect && (gcStress() || state(SINCE) + n > threshold)) collect();
  let p = takeFree(n);
  if (p === 0) p = bump(n);
  if (p === 0 && mayCollect) {
    collect();
    p = takeFree(n);
    if (p === 0) p = bump(n);
  }
  if (p === 0) return 0;
  const used = chunkSize(p);
  memFill(p, 0, used);
  store32(p, typeid);
  store32(p + 4, used);
  setState(SINCE, state(SINCE) + used);
  return p;
}

// ---- marking --------------------------------------------------------------------------------

/** Marks a heap object and pushes it on the mark stack, which lives above the heap's top. */
function markPush(q: int, sp: int): int {
  if (q < heapBase() || q >= heapTop()) return sp; // null, prebuilt objects
  const word = load32(q + 4);
  if ((word & MARK) !== 0) return sp;
  store32(q + 4, word | MARK);
  if (sp + 4 > memorySize() * PAGE) {
    setState(OVERFLOW, 1); // found again by rescanning the marked objects
    return sp;
  }
  store32(sp, q);
  return sp + 4;
}

/** Pushes the objects `p` points to. */
function scanObject(p: int, sp: int): int {
  const info = load32(typeInfoBase() + load32(p) * 4);
  if (info === NO_POINTERS) return sp;
  let top = sp;
  if (info === POINTER_ITEMS) {
    const end = p + chunkSize(p);
    for (let a = p + ITEMS_START; a < end; a = a + 4) top = markPush(load32(a), top);
    return top;
  }
  for (let o = info; load32(o) !== 0; o = o + 4) top = markPush(load32(p + load32(o)), top);
  return top;
}

function drain(sp: int, base: int): void {
  let top = sp;
  while (top > base) {
    top = top - 4;
    top = scanObject(load32(top), top);
  }
}

function markFromRoots(): void {
  const base = heapTop();
  let sp = base;
  for (let a = shadowStackBase(); a < shadowStackTop(); a = a + 4) sp = markPush(load32(a), sp);
  for (let p = dataBase(); p < dataEnd(); p = p + chunkSize(p)) sp = scanObject(p, sp);
  drain(sp, base);
  while (state(OVERFLOW) !== 0) {
    setState(OVERFLOW, 0);
    const top = heapTop();
    for (let p = heapBase(); p < top; p = p + chunkSize(p)) {
      if (load32(p) !== 0 && (load32(p + 4) & MARK) !== 0) drain(scanObject(p, base), base);
    }
  }
}

// ---- sweeping -------------------------------------------------------------------------------

/** Frees every unmarked object, merging neighbouring free chunks; clears the marks. */
function sweep(): void {
  for (let o = LARGE; o <= SMALL + (MAX_SMALL >> 3) * 4; o = o + 4) setState(o, 0);
  const top = heapTop();
  let live = 0;
  let run = 0;
  let p = heapBase();
  while (p < top) {
    const size = chunkSize(p);
    const word = load32(p + 4);
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

export function collect(): void {
  const t0 = monotonicNanos();
  markFromRoots();
  sweep();
  const nanos = state(GC_NANOS_LOW) + state(GC_NANOS_HIGH) * 4294967296 + (monotonicNanos() - t0);
  setState(GC_NANOS_LOW, nanos & 0xffffffff);
  setState(GC_NANOS_HIGH, intDiv(nanos, 4294967296));
  setState(COLLECTIONS, state(COLLECTIONS) + 1);
}
