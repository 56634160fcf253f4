// JavaScript's array methods that take callbacks, written in RTS: the translator lowers
// `a.map(f)` to `map1(a, f)` (`<method><argCount>`, the receiver first), and makes a copy of
// the function for each call site, so that each copy is typed with its own element and
// callback types (see translator/frontend/index.ts, arrayMethod). Untranslated programs use
// the native methods; tests/arrays.test.ts checks these against them.
//
// Callbacks get (element, index, array) as in JS; they may declare fewer parameters. The
// iteration follows the spec for dense arrays: the length is read once at the start, and an
// element the callback removed meanwhile is skipped (JS's HasProperty test).
import { fatal } from "./runtime.ts";

export function forEach1<T>(a: T[], f: (x: T, i: number, a: T[]) => void): void {
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) f(a[i], i, a);
}

export function map1<T, U>(a: T[], f: (x: T, i: number, a: T[]) => U): U[] {
  const out: U[] = [];
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) out.push(f(a[i], i, a));
  return out;
}

export function filter1<T>(a: T[], f: (x: T, i: number, a: T[]) => boolean): T[] {
  const out: T[] = [];
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) {
    const x = a[i];
    if (f(x, i, a)) out.push(x);
  }
  return out;
}

export function some1<T>(a: T[], f: (x: T, i: number, a: T[]) => boolean): boolean {
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) if (f(a[i], i, a)) return true;
  return false;
}

export function every1<T>(a: T[], f: (x: T, i: number, a: T[]) => boolean): boolean {
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) if (!f(a[i], i, a)) return false;
  return true;
}

/** The first element the predicate accepts, else undefined (so T must be an object or a string type). */
export function find1<T>(a: T[], f: (x: T, i: number, a: T[]) => boolean): T | undefined {
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) {
    const x = a[i];
    if (f(x, i, a)) return x;
  }
  return undefined;
}

export function findIndex1<T>(a: T[], f: (x: T, i: number, a: T[]) => boolean): number {
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) if (f(a[i], i, a)) return i;
  return -1;
}

export function reduce1<T>(a: T[], f: (acc: T, x: T, i: number, a: T[]) => T): T {
  const n = a.length;
  if (n === 0) fatal("TypeError: Reduce of empty array with no initial value");
  let acc = a[0];
  for (let i = 1; i < n && i < a.length; i++) acc = f(acc, a[i], i, a);
  return acc;
}

export function reduce2<T, U>(a: T[], f: (acc: U, x: T, i: number, a: T[]) => U, init: U): U {
  let acc = init;
  const n = a.length;
  for (let i = 0; i < n && i < a.length; i++) acc = f(acc, a[i], i, a);
  return acc;
}

/** In place, stable: a bottom-up merge sort. For a consistent comparator every stable sort
 *  gives V8's result (V8's TimSort is stable too); NaN from the comparator counts as 0. */
export function sort1<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  const n = a.length;
  let src: T[] = [];
  let dst: T[] = [];
  for (let i = 0; i < n; i++) {
    src.push(a[i]);
    dst.push(a[i]);
  }
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + 2 * width < n ? lo + 2 * width : n;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // The right element goes first only when it is strictly smaller: equal ones keep their order.
        if (cmp(src[i], src[j]) > 0) dst[k++] = src[j++];
        else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  for (let i = 0; i < n; i++) a[i] = src[i];
  return a;
}

/** `sort()` without a comparator: JS compares the elements' strings (so 10 sorts before 9). */
export function sort0<T>(a: T[]): T[] {
  return sort1(a, (x, y) => {
    const s = String(x);
    const t = String(y);
    return s < t ? -1 : s > t ? 1 : 0;
  });
}

// Searching, copying and rearranging (no callbacks; specialized per call site all the same,
// so that `===` compares each call's element type). Positions follow the spec: a negative
// start or end counts from the end, and out-of-range ones are clamped.

/** ToIntegerOrInfinity of a position, made relative to `len` and clamped to [0, len]. */
function position(i: number, len: number): number {
  let k = Math.trunc(i);
  if (k !== k) k = 0;
  if (k < 0) return len + k < 0 ? 0 : len + k;
  return k > len ? len : k;
}

export function indexOf1<T>(a: T[], x: T): number {
  for (let i = 0; i < a.length; i++) if (a[i] === x) return i;
  return -1;
}

export function indexOf2<T>(a: T[], x: T, from: number): number {
  for (let i = position(from, a.length); i < a.length; i++) if (a[i] === x) return i;
  return -1;
}

export function lastIndexOf1<T>(a: T[], x: T): number {
  for (let i = a.length - 1; i >= 0; i--) if (a[i] === x) return i;
  return -1;
}

/** `includes` compares with SameValueZero: NaN is found, unlike with indexOf. */
export function includes1<T>(a: T[], x: T): boolean {
  for (let i = 0; i < a.length; i++) {
    const y = a[i];
    if (y === x || (y !== y && x !== x)) return true;
  }
  return false;
}

export function slice0<T>(a: T[]): T[] {
  return slice2(a, 0, a.length);
}

export function slice1<T>(a: T[], start: number): T[] {
  return slice2(a, start, a.length);
}

export function slice2<T>(a: T[], start: number, end: number): T[] {
  const out: T[] = [];
  const e = position(end, a.length);
  for (let i = position(start, a.length); i < e; i++) out.push(a[i]);
  return out;
}

export function concat1<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  for (let i = 0; i < b.length; i++) out.push(b[i]);
  return out;
}

export function concat2<T>(a: T[], b: T[], c: T[]): T[] {
  const out = concat1(a, b);
  for (let i = 0; i < c.length; i++) out.push(c[i]);
  return out;
}

/** In place; returns the array. */
export function reverse0<T>(a: T[]): T[] {
  for (let i = 0, j = a.length - 1; i < j; i++, j--) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

export function fill1<T>(a: T[], v: T): T[] {
  return fill3(a, v, 0, a.length);
}

export function fill2<T>(a: T[], v: T, start: number): T[] {
  return fill3(a, v, start, a.length);
}

export function fill3<T>(a: T[], v: T, start: number, end: number): T[] {
  const e = position(end, a.length);
  for (let i = position(start, a.length); i < e; i++) a[i] = v;
  return a;
}

/** `join` of numbers or booleans (string arrays use strmethods.join1). */
export function join1<T>(a: T[], sep: string): string {
  let s = "";
  for (let i = 0; i < a.length; i++) {
    if (i > 0) s += sep;
    s += String(a[i]);
  }
  return s;
}

export function join0<T>(a: T[]): string {
  return join1(a, ",");
}

/** Removes and returns the first element (moving the others down, as JS does). */
export function shift0<T>(a: T[]): T {
  if (a.length === 0) fatal("shift() on an empty array (RTS arrays do not hold undefined)");
  const first = a[0];
  for (let i = 1; i < a.length; i++) a[i - 1] = a[i];
  a.pop();
  return first;
}

/** Inserts `x` first; returns the new length. */
export function unshift1<T>(a: T[], x: T): number {
  a.push(x);
  for (let i = a.length - 1; i > 0; i--) a[i] = a[i - 1];
  a[0] = x;
  return a.length;
}

/** Removes `count` elements at `start` (clamped as JS does) and returns them. */
export function splice2<T>(a: T[], start: number, count: number): T[] {
  const s = position(start, a.length);
  let n = Math.trunc(count);
  if (!(n > 0)) n = 0;
  if (n > a.length - s) n = a.length - s;
  const removed: T[] = [];
  for (let i = 0; i < n; i++) removed.push(a[s + i]);
  for (let i = s + n; i < a.length; i++) a[i - n] = a[i];
  for (let i = 0; i < n; i++) a.pop();
  return removed;
}

/** splice with one element inserted where the removed ones were. */
export function splice3<T>(a: T[], start: number, count: number, x: T): T[] {
  const s = position(start, a.length);
  const removed = splice2(a, s, count);
  a.push(x);
  for (let i = a.length - 1; i > s; i--) a[i] = a[i - 1];
  a[s] = x;
  return removed;
}

/** `m.forEach(f)`: f(value, key, map) for each entry, seeing changes as for-of does. */
export function mapForEach1<K, V>(m: Map<K, V>, f: (v: V, k: K, m: Map<K, V>) => void): void {
  for (const [k, v] of m) f(v, k, m);
}

/** `s.forEach(f)`: f(x, x, set), as JS passes each element as both value and key. */
export function setForEach1<T>(s: Set<T>, f: (v: T, k: T, s: Set<T>) => void): void {
  for (const x of s) f(x, x, s);
}

/** `[...a, x, ...b]`: appends the elements of `src` to `dst` (the array literal being built). */
export function pushAll<T>(dst: T[], src: T[]): void {
  const n = src.length;
  for (let i = 0; i < n; i++) dst.push(src[i]);
}
