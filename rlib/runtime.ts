// Helpers the translator calls from generated code: the implementation of strings,
// console.log and runtime errors, written in RTS. Every exported function here is
// translated with each program (unused ones are removed by the optimizer).
import type { int, float } from "./types.ts";
import {
  excTraceFrame, excTraceLength, floatHighWord, floatLowWord, floatTrunc, gcMode, load32, memCopy, sameObject, setShadowStackTop, setStrHashCache,
  shadowStackLimit, shadowStackTop, store32, strCopy, strHashCache, strNew, strSetChar,
} from "./lowlevel.ts";
import { errorText } from "./errors.ts";
import { formatFloat, formatInt } from "./numfmt.ts";
import { exit, write } from "./os.ts";
import { intDiv, intMod, toFloat, toInt } from "./rarith.ts";
import { bumpAllocate } from "./gc/alloc.ts";
import { gcAllocate } from "./gc/marksweep.ts";
import { genAllocate, genInit, genMinorCollection, genRemember } from "./gc/generational.ts";
import { loadGcSettings, reportGcStats } from "./gc/settings.ts";
import { pow } from "./math.ts";
import { args as wasiArgs } from "./wasi.ts";

export function strConcat(a: string, b: string): string {
  const la = a.length;
  const lb = b.length;
  if (la === 0) return b;
  if (lb === 0) return a;
  const r = strNew(la + lb);
  strCopy(a, 0, r, 0, la);
  strCopy(b, 0, r, la, lb);
  return r;
}

/** `a === b` on strings that may be null or undefined (each equals only itself). */
export function strEquals(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return sameObject(a, b);
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` (by UTF-16 code units, as JS). */
export function strCompare(a: string, b: string): int {
  const la = a.length;
  const lb = b.length;
  const n = la < lb ? la : lb;
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return la - lb;
}

export function strFromCharCode(c: int): string {
  const r = strNew(1);
  strSetChar(r, 0, c & 0xffff);
  return r;
}

/** `s.charAt(i)`: the empty string out of range. */
export function strCharAt(s: string, i: int): string {
  if (i < 0 || i >= s.length) return "";
  return strFromCharCode(s.charCodeAt(i));
}

export function intToString(n: int): string {
  return formatInt(n);
}

export function floatToString(x: float): string {
  return formatFloat(x);
}

/** How console.log shows a number: like String(x), except that -0 prints as "-0". */
export function floatToLogString(x: float): string {
  if (x === 0 && 1 / x < 0) return "-0";
  return formatFloat(x);
}

export function boolToString(b: boolean): string {
  return b ? "true" : "false";
}

/** console.log's line: the arguments already formatted and joined with spaces. */
export function printLine(s: string): void {
  write(1, s + "\n");
}

/** A fatal runtime error: message on stderr, exit code 1 (what an uncaught error does on Node). */
export function fatal(msg: string): void {
  // No concatenation: this must not allocate (it reports "out of memory" too).
  write(2, "rts: runtime error: ");
  write(2, msg);
  write(2, "\n");
  exit(1);
}

export function indexError(index: int, length: int): void {
  fatal("index " + formatInt(index) + " out of range for length " + formatInt(length));
}

/** JS's TypeError for `x.name` (`set`: `x.name = v`) when x is null or undefined. */
export function nullError(undef: boolean, name: string, set: boolean): void {
  const what = set ? "Cannot set properties of " : "Cannot read properties of ";
  const how = set ? " (setting '" : " (reading '";
  throw new TypeError(what + (undef ? "undefined" : "null") + how + name + "')");
}

/** The same for `x[index]`. */
export function nullIndexError(undef: boolean, index: int, set: boolean): void {
  nullError(undef, formatInt(index), set);
}

/** An exception left main: "Uncaught <name>: <message>" and the functions it left, innermost
 *  first, on stderr, and exit code 1. Untranslated runs print the same
 *  (targets/hosts/uncaught.ts). */
export function reportUncaught(e: Error): void {
  let text = "Uncaught " + errorText(e.name, e.message) + "\n";
  const n = excTraceLength();
  for (let i = 0; i < n; i++) text = text + "    at " + excTraceFrame(i) + "\n";
  write(2, text);
  exitProgram(1);
}

// ---- memory -----------------------------------------------------------------------------

// gcMode(): 0 = none (bump allocation), 1 = mark-sweep, 2 = generational. It is a constant
// of the module, so the optimizer keeps only the chosen collector's code.

/** Every GC object is allocated here: zeroed, with its header written. A collection may run,
 *  and the generational collector moves objects: the translator keeps the caller's live
 *  pointers in its shadow-stack frame and reloads them. Runtime code that holds an object
 *  only in an int across an allocation must root it (pushRoot / popRoot). */
export function allocate(size: int, typeid: int): int {
  const mode = gcMode();
  const addr = mode === 0 ? bumpAllocate(size, typeid) : mode === 1 ? gcAllocate(size, typeid, true) : genAllocate(size, typeid, true);
  if (addr === 0) fatal("out of memory");
  return addr;
}

/** For runtime code that holds a fresh object only in an int (not a root): never collects. */
function allocateNoCollect(size: int, typeid: int): int {
  const mode = gcMode();
  const addr = mode === 0 ? bumpAllocate(size, typeid) : mode === 1 ? gcAllocate(size, typeid, false) : genAllocate(size, typeid, false);
  if (addr === 0) fatal("out of memory");
  return addr;
}

/** lowlevel.collectYoung(). */
export function collectYoung(): void {
  if (gcMode() === 2) genMinorCollection();
}

/** The write barrier's slow path (the translator inlines the flag test; see rlib/gc/generational.ts). */
export function rememberObject(obj: int): void {
  genRemember(obj);
}

/** The write barrier for runtime code that stores a pointer into `obj` with store32. */
export function writeBarrier(obj: int): void {
  if (gcMode() === 2 && (load32(obj + 4) & GC_TRACK_YOUNG) !== 0) genRemember(obj);
}

/** Keeps an object that runtime code holds only in an int alive (and up to date: the
 *  collector may move it) across an allocation: pushRoot(p); allocate...; p = popRoot(). */
function pushRoot(p: int): void {
  const top = shadowStackTop();
  if (top + 4 > shadowStackLimit()) stackOverflow();
  store32(top, p);
  setShadowStackTop(top + 4);
}

function popRoot(): int {
  const top = shadowStackTop() - 4;
  setShadowStackTop(top);
  return load32(top);
}

export function stackOverflow(): void {
  fatal("stack overflow");
}

// Layouts shared with translator/rtyper/lltype.ts.
export const GC_TRACK_YOUNG = 2;
const LIST_TYPEID = 2;
export const LIST_LENGTH = 8;
export const LIST_ITEMS = 12;
const LIST_SIZE = 16;
export const ITEMS_CAPACITY = 8;
export const ITEMS_DATA = 16;
export const TYPED_LENGTH = 8;
export const TYPED_DATA = 16;

/** A new T[] of `length` items (the items are stored by the caller). `itemsTypeid` says
 *  whether the items are GC pointers. */
export function listNew(itemsTypeid: int, itemSize: int, length: int): int {
  const capacity = length < 4 ? 4 : length;
  const items = allocate(ITEMS_DATA + capacity * itemSize, itemsTypeid);
  store32(items + ITEMS_CAPACITY, capacity);
  const list = allocateNoCollect(LIST_SIZE, LIST_TYPEID); // `items` is only in an int here
  store32(list + LIST_LENGTH, length);
  store32(list + LIST_ITEMS, items);
  return list;
}

/** Doubles a full list's capacity (push found length === capacity). */
export function listGrow(list: int, itemSize: int): void {
  const length = load32(list + LIST_LENGTH);
  const capacity = length * 2 + 4;
  const itemsTypeid = load32(load32(list + LIST_ITEMS));
  pushRoot(list);
  const items = allocate(ITEMS_DATA + capacity * itemSize, itemsTypeid);
  const moved = popRoot();
  store32(items + ITEMS_CAPACITY, capacity);
  memCopy(items + ITEMS_DATA, load32(moved + LIST_ITEMS) + ITEMS_DATA, length * itemSize);
  store32(moved + LIST_ITEMS, items);
  writeBarrier(moved);
}

export function typedNew(typeid: int, elemSize: int, length: int): int {
  if (length < 0 || length > 0x7fffffff) fatal("invalid typed array length: " + formatInt(length));
  const arr = allocate(TYPED_DATA + length * elemSize, typeid);
  store32(arr + TYPED_LENGTH, length);
  return arr;
}

// ---- arithmetic -------------------------------------------------------------------------

/** a ** b for ints with b >= 0 (the annotator proved b nonnegative). */
export function intPow(a: int, b: int): int {
  let result = 1;
  let base = a;
  let e = b;
  while (e > 0) {
    if ((e & 1) === 1) result = result * base;
    e = e >> 1;
    if (e > 0) base = base * base;
  }
  return result;
}

/** JS `a % b` for ints where the result may be NaN (b = 0) or -0 (a < 0 divides evenly). */
export function intModAsFloat(a: int, b: int): float {
  if (b === 0) return NaN;
  const r = intMod(a, b);
  if (r === 0 && a < 0) return -0;
  return toFloat(r);
}

/** JS `a % b` on floats (C's fmod): exact, by subtracting scaled copies of |b|. */
export function floatMod(a: float, b: float): float {
  if (a !== a || b !== b || a === Infinity || a === -Infinity || b === 0) return NaN;
  if (b === Infinity || b === -Infinity || a === 0) return a;
  let r = a < 0 ? -a : a;
  const m = b < 0 ? -b : b;
  while (r >= m) {
    // Largest m * 2^k <= r; r - t is exact because t <= r < 2t (Sterbenz).
    let t = m;
    while (t * 2 <= r) t = t * 2;
    r = r - t;
  }
  return a < 0 ? -r : r;
}

const TWO_32: float = 4294967296;
const TWO_63: float = 9223372036854775808;

/** JS ToInt32 of a float, as an int (NaN and infinities give 0). */
export function floatToInt32(x: float): int {
  if (x !== x || x === Infinity || x === -Infinity) return 0;
  let t = x;
  if (t >= TWO_63 || t <= -TWO_63) t = t - floatTrunc(t / TWO_32) * TWO_32;
  return toInt(t) | 0;
}

/** `x ** y` on floats: V8's pow (fdlibm's, see rlib/math.ts). */
export function floatPow(x: float, y: float): float {
  return pow(x, y);
}

/** Math.round: the nearest integer, ties toward +Infinity, -0 kept (for x in [-0.5, -0]).
 *  `r - 0.5 > x` is exact where `r - x > 0.5` would round (V8 computes it this way too). */
export function mathRound(x: float): float {
  const r = Math.ceil(x);
  return r - 0.5 > x ? r - 1 : r;
}

export function mathSign(x: float): float {
  if (x > 0) return 1;
  if (x < 0) return -1;
  return x; // ±0 and NaN
}

export function intSign(x: int): int {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

// ---- Map and Set keys (the translator picks one by the key type; see lowlevel.keyHash) ------

/** Spreads the bits of a 32-bit value over the low bits the hash index uses (xorshift). */
function mixHash(x: int): int {
  let h = x | 0;
  h = h ^ (h << 13);
  h = h ^ (h >>> 17);
  h = h ^ (h << 5);
  return h & 0x7fffffff;
}

/** A string's hash, computed once and cached in the string object (0 means not yet). */
export function strHash(s: string | null | undefined): int {
  if (s === null) return 1;
  if (s === undefined) return 2;
  const cached = strHashCache(s);
  if (cached !== 0) return cached;
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  h = mixHash(h);
  if (h === 0) h = 1;
  setStrHashCache(s, h);
  return h;
}

export function intHash(x: int): int {
  return mixHash((x | 0) ^ (intDiv(x, 4294967296) * 31));
}

/** Equal under SameValueZero hash alike: -0 as 0, every NaN the same. */
export function floatHash(x: float): int {
  if (x !== x) return 0x7ff80000;
  if (x === floatTrunc(x) && x < TWO_63 && x >= -TWO_63) return intHash(toInt(x));
  return mixHash(floatHighWord(x) ^ (floatLowWord(x) * 31));
}

export function boolHash(b: boolean): int {
  return b ? 1 : 2;
}

/** SameValueZero on floats: === except that NaN equals NaN. */
export function floatSameValueZero(a: float, b: float): boolean {
  return a === b || (a !== a && b !== b);
}

// ---- errors -------------------------------------------------------------------------------

export function emptyPop(): void {
  fatal("pop() on an empty array (RTS arrays do not hold undefined)");
}

export function badCast(): void {
  fatal("an object cast with `as` is not an instance of that class");
}

/** intDiv / intMod by zero in rlib (a bug in rlib: fatal). */
export function divisionByZero(): void {
  fatal("integer division by zero");
}

/** intDiv / intMod by zero in a program: the Error rlib/rarith.ts throws untranslated. */
export function raiseDivisionByZero(): void {
  throw new Error("integer division by zero");
}

/** lowlevel.jitCompile, jitSubmit, jitCollect, jitInfo or jitCall in a module translated without --jit (the host
 *  gives no compiler, the module has no jitcodes). */
export function jitUnavailable(): void {
  fatal("this module was translated without --jit: it has no JIT");
}

export function notAnIndex(x: float): void {
  fatal("array index " + formatFloat(x) + " is not an integer");
}

/** String(s) for a string that may be null or undefined. */
export function strOrNull(s: string | null | undefined): string {
  if (s === null) return "null";
  if (s === undefined) return "undefined";
  return s;
}

// ---- program entry --------------------------------------------------------------------------

/** Runs first: sets up the collector. */
export function startProgram(): void {
  if (gcMode() === 2) genInit(); // before anything allocates
  loadGcSettings();
}

/** main's argv (the arguments after the program name), made just before main is called:
 *  _start holds it in a Wasm local, which is no root, so nothing may allocate after it. */
export function programArgs(): string[] {
  return wasiArgs();
}

/** Runs when main returns (and on os.exit): reports what was asked for, then exits. */
export function exitProgram(code: int): void {
  reportGcStats();
  exit(code);
}
