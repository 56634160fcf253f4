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
