// Translator intrinsics. Every function exported here is recognized by the translator
// and lowered to low-level operations; its TypeScript body is what runs untranslated
// (where one makes sense) and is otherwise never used.
import type { float, int } from "./types.ts";

/** True in a translated program, false on Node. The translator folds the test away, so the
 *  untranslated branch may use any Node API (it is never type-checked as RTS). */
export function weAreTranslated(): boolean {
  return false;
}

function translatedOnly(name: string): never {
  throw new Error(`rlib/lowlevel: ${name} only exists in a translated program`);
}

/** Raw linear-memory access (translated only): addresses are byte offsets. */
export function load8(addr: int): int { return translatedOnly("load8"); }
export function load16(addr: int): int { return translatedOnly("load16"); }
export function load32(addr: int): int { return translatedOnly("load32"); }
export function store8(addr: int, v: int): void { translatedOnly("store8"); }
export function store16(addr: int, v: int): void { translatedOnly("store16"); }
export function store32(addr: int, v: int): void { translatedOnly("store32"); }
export function loadFloat32(addr: int): float { return translatedOnly("loadFloat32"); }
export function storeFloat32(addr: int, v: float): void { translatedOnly("storeFloat32"); }
/** With --jit (rlib/jitrt/): the address of the jitcode info table (targets/wasm/jitdata.ts),
 *  the exchange area shared with the interpreter's loop (translator/transform/jitentry.ts;
 *  calls' arguments from 4096 on), and a residual call: the function of call descriptor
 *  `descr` with its arguments from 8-byte slots at `buf`, its result written to buf's first
 *  slot (targets/wasm/jitcall.ts). */
export function jitInfo(): int { return translatedOnly("jitInfo"); }
export function jitExchangeBase(): int { return translatedOnly("jitExchangeBase"); }
export function jitCall(descr: int, buf: int): void { translatedOnly("jitCall"); }
/** Promotes every young object to the old generation, where nothing moves (a minor
 *  collection with the generational collector; nothing with the others). It collects:
 *  the translator reloads the caller's live pointers after it, as after an allocation
 *  (a direct call of the collector would not tell it so: the collector never allocates). */
export function collectYoung(): void { translatedOnly("collectYoung"); }
/** The pending exception (0: none), taken (the pending one is cleared); and setting it. */
export function excTake(): int { return translatedOnly("excTake"); }
export function excSet(e: int): void { translatedOnly("excSet"); }
/** Current memory size in 64 KiB pages, and growth (returns the old size, or -1). */
export function memorySize(): int { return translatedOnly("memorySize"); }
export function memoryGrow(pages: int): int { return translatedOnly("memoryGrow"); }
/** A small area of static memory (960 bytes) for the runtime's own state (the allocator's). */
export function stateBase(): int { return translatedOnly("stateBase"); }
/** First free byte after the data segment (where the heap starts). */
export function heapBase(): int { return translatedOnly("heapBase"); }
/** The GC's view of the program (rlib/gc/): where prebuilt objects, the type-info table and
 *  the shadow stack of roots are, and how the program was translated (--gc, --gc-stress). */
export function dataBase(): int { return translatedOnly("dataBase"); }
export function dataEnd(): int { return translatedOnly("dataEnd"); }
export function typeInfoBase(): int { return translatedOnly("typeInfoBase"); }
export function shadowStackBase(): int { return translatedOnly("shadowStackBase"); }
export function shadowStackTop(): int { return translatedOnly("shadowStackTop"); }
export function setShadowStackTop(top: int): void { translatedOnly("setShadowStackTop"); }
/** The end of the shadow stack's memory. */
export function shadowStackLimit(): int { return translatedOnly("shadowStackLimit"); }
/** 0: never free (bump allocation); 1: mark-sweep; 2: generational. */
export function gcMode(): int { return translatedOnly("gcMode"); }
export function gcStress(): boolean { return translatedOnly("gcStress"); }
/** The --max-heap the program was translated with, in bytes (0: no limit). */
export function maxHeapSetting(): int { return translatedOnly("maxHeapSetting"); }
/** The stack trace of the exception being reported: how many function names, and each. */
export function excTraceLength(): int { return translatedOnly("excTraceLength"); }
export function excTraceFrame(i: int): string { return translatedOnly("excTraceFrame"); }
/** Whether two strings are the same object (or both null, or both undefined). */
export function sameObject(a: string | null | undefined, b: string | null | undefined): boolean { return a === b; }
/** Sets `n` bytes to `value` (memory.fill). */
export function memFill(dest: int, value: int, n: int): void { translatedOnly("memFill"); }
/** Copies `n` bytes (memory.copy). */
export function memCopy(dest: int, src: int, n: int): void { translatedOnly("memCopy"); }
/** The float truncated toward zero, as a float (f64.trunc). */
export function floatTrunc(x: float): float { return Math.trunc(x); }
/** The IEEE-754 words of a double, as fdlibm's GET_HIGH_WORD / GET_LOW_WORD: the high word
 *  as a signed 32-bit int, the low word as an unsigned one; and the double made of two words. */
export function floatHighWord(x: float): int {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getInt32(0);
}
export function floatLowWord(x: float): int {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getUint32(4);
}
export function floatFromWords(high: int, low: int): float {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setInt32(0, high | 0);
  dv.setUint32(4, low >>> 0);
  return dv.getFloat64(0);
}
/** 64-bit loads and stores (translated only), for the JIT's frames: an i64 and an f64. */
export function load64(addr: int): int { return translatedOnly("load64"); }
export function store64(addr: int, v: int): void { translatedOnly("store64"); }
export function loadFloat64(addr: int): float { return translatedOnly("loadFloat64"); }
export function storeFloat64(addr: int, v: float): void { translatedOnly("storeFloat64"); }
/** The address of a typed array's first element. The generational collector moves young
 *  objects, so it is valid only until the next allocation (prebuilt arrays never move). */
export function typedDataAddress(a: Uint8Array | Int32Array | Float64Array): int { return translatedOnly("typedDataAddress"); }
/** An object's address (translated only): valid until the next allocation, as above. */
export function objectAddress(o: object): int { return translatedOnly("objectAddress"); }
/** Whether the module was translated with --jit (the host then compiles traces). */
export function jitAvailable(): boolean { return false; }
/** The host's trace compiler (a module translated with --jit): compiles the Wasm module of
 *  `len` bytes at `addr` (or takes the one it compiled from the same bytes before) against
 *  this module's memory and function table, with the `count` i32 values at `values` as its
 *  relocations (rlib/jitrt/backend/module.ts), and returns the table slot of its exported
 *  function. */
export function jitCompile(addr: int, len: int, values: int, count: int): int { return translatedOnly("jitCompile"); }
/** The host's background trace compiler: takes a copy of the module and its relocations as
 *  jitCompile does and starts compiling it; returns a ticket (> 0) for jitCollect. Tickets
 *  are compiled in the order submitted; once one is, the host stores it in the i32 at
 *  `doneWord` (from its compiler's thread), so the caller asks jitCollect only then. */
export function jitSubmit(addr: int, len: int, values: int, count: int, doneWord: int): int { return translatedOnly("jitSubmit"); }
/** The table slot of the module submitted with `ticket`, once compiled (0 until then). A
 *  ticket is collected once. */
export function jitCollect(ticket: int): int { return translatedOnly("jitCollect"); }
/** Calls a compiled trace (rlib/jitrt/backend/): the function in table slot `index`, of Wasm
 *  type (i32 frame, i32 refs) -> i32, as `call_indirect`. */
export function callTrace(index: int, frame: int, refs: int): int { return translatedOnly("callTrace"); }
/** A fresh string of `len` UTF-16 code units, to be filled with strSetChar before it is shared. */
export function strNew(len: int): string { return translatedOnly("strNew"); }
export function strSetChar(s: string, i: int, c: int): void { translatedOnly("strSetChar"); }
/** Copies `n` code units from src[srcAt..] into dst[dstAt..] (dst fresh from strNew). */
export function strCopy(src: string, srcAt: int, dst: string, dstAt: int, n: int): void { translatedOnly("strCopy"); }
/** A 64 KiB buffer outside the heap for system calls (iovecs, I/O chunks). */
export function scratchBase(): int { return translatedOnly("scratchBase"); }
export const SCRATCH_SIZE = 65536;
/** The hash cached in a string object (0: not computed yet), and setting it. */
export function strHashCache(s: string): int { return translatedOnly("strHashCache"); }
export function setStrHashCache(s: string, h: int): void { translatedOnly("setStrHashCache"); }

/** The hash of a Map key or Set element (keys equal under SameValueZero hash alike).
 *  Translated, the translator picks the hash by the key's type (runtime.ts: strHash,
 *  intHash, floatHash, boolHash; an object's identity hash). */
export function keyHash<K>(key: K): int {
  if (typeof key === "string") {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
    return h & 0x7fffffff;
  }
  if (typeof key === "number") return Number.isFinite(key) ? Math.abs(Math.trunc(key)) % 2147483647 : key > 0 ? 1 : key < 0 ? 2 : 3;
  if (typeof key === "boolean") return key ? 1 : 2;
  if (key === null || key === undefined) return 0;
  let id = identities.get(key as object);
  if (id === undefined) {
    id = identities.size + 1;
    identities.set(key as object, id);
  }
  return id;
}
const identities = new Map<object, int>();

/** A key as a Map stores it: -0 becomes +0 (JS's Map does this on insertion). */
export function keyNormalized<K>(key: K): K {
  return (typeof key === "number" && key === 0 ? 0 : key) as K;
}

/** SameValueZero, the key equality of Map and Set: === except that NaN equals NaN. */
export function keyEquals<K>(a: K, b: K): boolean {
  return a === b || (a !== a && b !== b);
}
