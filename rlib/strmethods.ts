// JavaScript's string methods, written in RTS: the translator lowers `s.slice(a, b)` to
// `slice2(s, a, b)`, and so on. Each method has one function per explicit argument count,
// `<method><argCount>`, taking the receiver first. Untranslated they are checked against the
// native methods (tests/strmethods.test.ts); translated they are the only implementation.
//
// Semantics are exactly ECMAScript's, with two differences forced by RTS values:
// - where JS returns `undefined` (`"".at(0)`), RTS has no value to return: it is a fatal
//   runtime error, like an index out of range;
// - where JS throws a RangeError ("a".repeat(-1), a string longer than V8's maximum length
//   2^29 - 24), these throw the same RangeError (with V8's message).
//
// Numeric arguments are `float` (the translator passes an int or a float; an int converts
// exactly): ToIntegerOrInfinity is `toInt`, which truncates toward zero, maps NaN to 0 and
// saturates the infinities, so the clamping below needs no special cases.
//
// toUpperCase / toLowerCase are complete: every code point of Unicode as Node's ICU maps it
// (full mappings such as "ß" -> "SS" and "İ" -> "i̇", and the one context-dependent rule of the
// root locale, Final_Sigma: "Σ" lowercases to "ς" at the end of a word). The tables at the end
// of this file are generated from the host's own methods (see tests/strmethods.test.ts, which
// checks every code point and regenerates them with RTS_REGEN_CASE_TABLES=1).
import type { float, int } from "./types.ts";
import { strCopy, strNew, weAreTranslated } from "./lowlevel.ts";
import { intDiv, toInt } from "./rarith.ts";
import { fatal, floatToInt32 } from "./runtime.ts";
import { formatFloat, formatInt } from "./numfmt.ts";
import { fromCodes } from "./strbuild.ts";

/** V8's String::kMaxLength on 64-bit hosts: longer results are a RangeError. */
const MAX_STRING_LENGTH = 536870888;

// ---- Building strings ----------------------------------------------------------------------

/** s[from..to) for 0 <= from <= to <= s.length. */
function sub(s: string, from: int, to: int): string {
  if (from === 0 && to === s.length) return s;
  const n = to - from;
  if (n <= 0) return "";
  if (weAreTranslated()) {
    const r = strNew(n);
    strCopy(s, from, r, 0, n);
    return r;
  }
  return s.substring(from, to);
}

/** The parts joined with sep between them, built with one allocation. */
function joinParts(parts: string[], sep: string): string {
  const n = parts.length;
  if (n === 0) return "";
  if (n === 1) return parts[0];
  const sepLen = sep.length;
  let total = sepLen * (n - 1);
  for (let i = 0; i < n; i++) total += parts[i].length;
  if (total > MAX_STRING_LENGTH) {
    throw new RangeError("Invalid string length");
  }
  if (total === 0) return "";
  if (weAreTranslated()) {
    const r = strNew(total);
    let at = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && sepLen > 0) {
        strCopy(sep, 0, r, at, sepLen);
        at += sepLen;
      }
      const p = parts[i];
      const pl = p.length;
      if (pl > 0) {
        strCopy(p, 0, r, at, pl);
        at += pl;
      }
    }
    return r;
  }
  let s = "";
  for (let i = 0; i < n; i++) {
    if (i > 0) s += sep;
    s += parts[i];
  }
  return s;
}

/** Appends a code point as one or two UTF-16 code units. */
function pushCodePoint(out: int[], cp: int): void {
  if (cp < 0x10000) {
    out.push(cp);
    return;
  }
  const v = cp - 0x10000;
  out.push(0xd800 + (v >> 10));
  out.push(0xdc00 + (v & 0x3ff));
}

function pushUnits(out: int[], s: string): void {
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

// ---- Index arguments ------------------------------------------------------------------------

/** A relative index as slice/at read it: negative counts from the end; clamped to [0, len]. */
function relativeIndex(x: float, len: int): int {
  const t = toInt(x);
  if (t < 0) {
    const r = len + t;
    return r < 0 ? 0 : r;
  }
  return t > len ? len : t;
}

/** An index clamped to [0, len] (substring, indexOf, startsWith, ...). */
function clampIndex(x: float, len: int): int {
  const t = toInt(x);
  if (t < 0) return 0;
  return t > len ? len : t;
}

// ---- slice, substring, at -------------------------------------------------------------------

export function slice1(s: string, start: float): string {
  const len = s.length;
  return sub(s, relativeIndex(start, len), len);
}

export function slice2(s: string, start: float, end: float): string {
  const len = s.length;
  const from = relativeIndex(start, len);
  const to = relativeIndex(end, len);
  return from < to ? sub(s, from, to) : "";
}

export function substring1(s: string, start: float): string {
  const len = s.length;
  return sub(s, clampIndex(start, len), len);
}

export function substring2(s: string, start: float, end: float): string {
  const len = s.length;
  const a = clampIndex(start, len);
  const b = clampIndex(end, len);
  return a < b ? sub(s, a, b) : sub(s, b, a);
}

/** s.at(i): the code unit at i (negative from the end). Out of range JS gives undefined, which
 *  an RTS string cannot hold: a fatal error, as an index out of range. */
export function at1(s: string, index: float): string {
  const len = s.length;
  const t = toInt(index);
  const k = t < 0 ? len + t : t;
  if (k < 0 || k >= len) {
    fatal("index " + formatFloat(index) + " out of range for length " + formatInt(len));
    return "";
  }
  return sub(s, k, k + 1);
}

// ---- Searching ------------------------------------------------------------------------------

/** Does `search` occur in s at position at (0 <= at, at + search.length <= s.length)? */
function matchesAt(s: string, search: string, at: int): boolean {
  const m = search.length;
  for (let j = 0; j < m; j++) {
    if (s.charCodeAt(at + j) !== search.charCodeAt(j)) return false;
  }
  return true;
}

/** ECMAScript StringIndexOf: the first match at or after from (0 <= from <= len), or -1. */
function indexFrom(s: string, search: string, from: int): int {
  const last = s.length - search.length;
  if (search.length === 0) return from;
  if (last < 0) return -1;
  const first = search.charCodeAt(0);
  for (let i = from; i <= last; i++) {
    if (s.charCodeAt(i) === first && matchesAt(s, search, i)) return i;
  }
  return -1;
}

/** The last match starting at or before from (from >= 0), or -1. */
function lastIndexFrom(s: string, search: string, from: int): int {
  const last = s.length - search.length;
  if (last < 0) return -1;
  for (let i = from < last ? from : last; i >= 0; i--) {
    if (matchesAt(s, search, i)) return i;
  }
  return -1;
}

export function indexOf1(s: string, search: string): int {
  return indexFrom(s, search, 0);
}

export function indexOf2(s: string, search: string, position: float): int {
  return indexFrom(s, search, clampIndex(position, s.length));
}

export function lastIndexOf1(s: string, search: string): int {
  return lastIndexFrom(s, search, s.length);
}

/** A NaN position means +Infinity here (the whole string), unlike indexOf. */
export function lastIndexOf2(s: string, search: string, position: float): int {
  const len = s.length;
  return lastIndexFrom(s, search, position !== position ? len : clampIndex(position, len));
}

export function includes1(s: string, search: string): boolean {
  return indexFrom(s, search, 0) >= 0;
}

export function includes2(s: string, search: string, position: float): boolean {
  return indexFrom(s, search, clampIndex(position, s.length)) >= 0;
}

function startsAt(s: string, search: string, start: int): boolean {
  if (start + search.length > s.length) return false;
  return matchesAt(s, search, start);
}

export function startsWith1(s: string, search: string): boolean {
  return startsAt(s, search, 0);
}

export function startsWith2(s: string, search: string, position: float): boolean {
  return startsAt(s, search, clampIndex(position, s.length));
}

function endsAt(s: string, search: string, end: int): boolean {
  const start = end - search.length;
  if (start < 0) return false;
  return matchesAt(s, search, start);
}

export function endsWith1(s: string, search: string): boolean {
  return endsAt(s, search, s.length);
}

export function endsWith2(s: string, search: string, endPosition: float): boolean {
  return endsAt(s, search, clampIndex(endPosition, s.length));
}

// ---- repeat, padStart, padEnd ---------------------------------------------------------------

/** s repeated n times (n >= 1, s.length * n within the maximum length), by doubling. */
function repeatTimes(s: string, n: int): string {
  if (n === 1) return s;
  const len = s.length;
  if (weAreTranslated()) {
    const total = len * n;
    const r = strNew(total);
    strCopy(s, 0, r, 0, len);
    // r[0..filled) holds copies of s; double it (copying from r itself) until full.
    let filled = len;
    while (filled < total) {
      const chunk = filled < total - filled ? filled : total - filled;
      strCopy(r, 0, r, filled, chunk);
      filled += chunk;
    }
    return r;
  }
  let result = "";
  let power = s;
  let rest = n;
  while (rest > 0) {
    if ((rest & 1) === 1) result += power;
    rest = rest >> 1;
    if (rest > 0) power += power;
  }
  return result;
}

export function repeat1(s: string, count: float): string {
  const n = toInt(count);
  if (n < 0 || count === Infinity) {
    throw new RangeError("Invalid count value: " + formatFloat(count));
  }
  if (n === 0 || s.length === 0) return "";
  if (n > MAX_STRING_LENGTH || s.length * n > MAX_STRING_LENGTH) {
    throw new RangeError("Invalid string length");
  }
  return repeatTimes(s, n);
}

/** The first fillLen code units of fill repeated (fill not empty). */
function filler(fill: string, fillLen: int): string {
  const fl = fill.length;
  const whole = intDiv(fillLen, fl);
  const rest = fillLen - whole * fl;
  const head = whole > 0 ? repeatTimes(fill, whole) : "";
  return rest > 0 ? head + sub(fill, 0, rest) : head;
}

/** The padding padStart/padEnd add, or null when s stays as it is. */
function padding(s: string, maxLength: float, fill: string): string | null {
  const len = s.length;
  const t = toInt(maxLength);
  if (t <= len || fill.length === 0) return null;
  if (t > MAX_STRING_LENGTH) {
    throw new RangeError("Invalid string length");
  }
  return filler(fill, t - len);
}

export function padStart1(s: string, maxLength: float): string {
  return padStart2(s, maxLength, " ");
}

export function padStart2(s: string, maxLength: float, fill: string): string {
  const p = padding(s, maxLength, fill);
  return p === null ? s : p + s;
}

export function padEnd1(s: string, maxLength: float): string {
  return padEnd2(s, maxLength, " ");
}

export function padEnd2(s: string, maxLength: float, fill: string): string {
  const p = padding(s, maxLength, fill);
  return p === null ? s : s + p;
}

// ---- split, join ----------------------------------------------------------------------------

/** Splits at each occurrence of sep, keeping at most limit parts (0 < limit <= 2^32 - 1). */
function splitLimited(s: string, sep: string, limit: float): string[] {
  const parts: string[] = [];
  const len = s.length;
  const sepLen = sep.length;
  if (sepLen === 0) {
    // Each code unit of the first `limit` ones.
    const n = limit < len ? toInt(limit) : len;
    for (let i = 0; i < n; i++) parts.push(sub(s, i, i + 1));
    return parts;
  }
  if (len === 0) {
    parts.push(s);
    return parts;
  }
  let from = 0;
  let j = indexFrom(s, sep, 0);
  while (j >= 0) {
    parts.push(sub(s, from, j));
    if (parts.length >= limit) return parts;
    from = j + sepLen;
    j = indexFrom(s, sep, from);
  }
  parts.push(sub(s, from, len));
  return parts;
}

export function split1(s: string, sep: string): string[] {
  return splitLimited(s, sep, 4294967295);
}

/** The limit is ToUint32(limit): 0 gives no parts. */
export function split2(s: string, sep: string, limit: float): string[] {
  const lim = floatToInt32(limit) >>> 0;
  if (lim === 0) {
    const none: string[] = [];
    return none;
  }
  return splitLimited(s, sep, lim);
}

/** `items.join(sep)` for a string[]. */
export function join1(items: string[], sep: string): string {
  return joinParts(items, sep);
}

/** `items.join()`: separated by commas. */
export function join0(items: string[]): string {
  return joinParts(items, ",");
}

// ---- trim -----------------------------------------------------------------------------------

/** ECMAScript WhiteSpace or LineTerminator: TAB, LF, VT, FF, CR, SP, NBSP, U+1680,
 *  U+2000-U+200A, LS, PS, U+202F, U+205F, U+3000 and ZWNBSP (U+FEFF). What trim skips, and
 *  StringToNumber too (rlib/numconv.ts). */
export function isJsWhitespace(c: int): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x1680) return c === 0xa0;
  if (c >= 0x2000 && c <= 0x200a) return true;
  return c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
    c === 0x3000 || c === 0xfeff;
}

function trimFrom(s: string): int {
  const len = s.length;
  let i = 0;
  while (i < len && isJsWhitespace(s.charCodeAt(i))) i++;
  return i;
}

function trimTo(s: string, from: int): int {
  let j = s.length;
  while (j > from && isJsWhitespace(s.charCodeAt(j - 1))) j--;
  return j;
}

export function trim0(s: string): string {
  const from = trimFrom(s);
  return sub(s, from, trimTo(s, from));
}

export function trimStart0(s: string): string {
  return sub(s, trimFrom(s), s.length);
}

export function trimEnd0(s: string): string {
  return sub(s, 0, trimTo(s, 0));
}

// ---- toUpperCase, toLowerCase ---------------------------------------------------------------

/** Index of cp in the sorted table, or -1. */
function findSorted(table: int[], cp: int): int {
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = table[mid];
    if (v === cp) return mid;
    if (v < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** cp mapped through a table of [start, end, delta, step] ranges (see decodeRanges). */
function mapByRanges(table: Int32Array, cp: int): int {
  if (table.length === 0 || cp < table[0]) return cp;
  let lo = 0;
  let hi = (table.length >> 2) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table[mid * 4] <= cp) lo = mid;
    else hi = mid - 1;
  }
  const b = lo * 4;
  if (cp > table[b + 1]) return cp;
  if (table[b + 3] === 2 && ((cp - table[b]) & 1) !== 0) return cp;
  return cp + table[b + 2];
}

/** The code point at i (a lone surrogate is itself). */
function codePointAt(s: string, i: int): int {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point that ends just before i (i > 0). */
function codePointBefore(s: string, i: int): int {
  const d = s.charCodeAt(i - 1);
  if (d >= 0xdc00 && d < 0xe000 && i >= 2) {
    const c = s.charCodeAt(i - 2);
    if (c >= 0xd800 && c < 0xdc00) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return d;
}

const CASE_NONE = 0;
const CASE_CASED = 1;
const CASE_IGNORABLE = 2;

/** Cased, case-ignorable (which wins when both) or neither, as ICU's Final_Sigma reads them. */
function caseClass(cp: int): int {
  const table = CASE_CONTEXT;
  if (cp < table[0]) return CASE_NONE;
  let lo = 0;
  let hi = intDiv(table.length, 3) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table[mid * 3] <= cp) lo = mid;
    else hi = mid - 1;
  }
  const b = lo * 3;
  return cp <= table[b + 1] ? table[b + 2] : CASE_NONE;
}

/** Final_Sigma: the capital sigma at i follows a cased letter (skipping case-ignorable code
 *  points) and is not followed by one. */
function isFinalSigma(s: string, i: int): boolean {
  let j = i;
  let before = false;
  while (j > 0) {
    const cp = codePointBefore(s, j);
    const k = caseClass(cp);
    if (k !== CASE_IGNORABLE) {
      before = k === CASE_CASED;
      break;
    }
    j -= cp >= 0x10000 ? 2 : 1;
  }
  if (!before) return false;
  j = i + 1;
  const len = s.length;
  while (j < len) {
    const cp = codePointAt(s, j);
    const k = caseClass(cp);
    if (k !== CASE_IGNORABLE) return k !== CASE_CASED;
    j += cp >= 0x10000 ? 2 : 1;
  }
  return true;
}

function convertCase(s: string, upper: boolean): string {
  const len = s.length;
  // The ASCII prefix that stays as it is.
  const lowA = upper ? 0x61 : 0x41;
  let i = 0;
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c >= lowA && c < lowA + 26)) break;
    i++;
  }
  if (i === len) return s;
  const ranges = upper ? UPPER_RANGES : LOWER_RANGES;
  const specialFrom = upper ? UPPER_SPECIAL_FROM : LOWER_SPECIAL_FROM;
  const specialTo = upper ? UPPER_SPECIAL_TO : LOWER_SPECIAL_TO;
  const out: int[] = [];
  let changed = false;
  for (let k = 0; k < i; k++) out.push(s.charCodeAt(k));
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(c >= lowA && c < lowA + 26 ? c ^ 0x20 : c);
      if (c >= lowA && c < lowA + 26) changed = true;
      i++;
      continue;
    }
    const cp = codePointAt(s, i);
    i += cp >= 0x10000 ? 2 : 1;
    if (!upper && cp === 0x3a3) {
      out.push(isFinalSigma(s, i - 1) ? 0x3c2 : 0x3c3);
      changed = true;
      continue;
    }
    const special = findSorted(specialFrom, cp);
    if (special >= 0) {
      pushUnits(out, specialTo[special]);
      changed = true;
      continue;
    }
    const m = mapByRanges(ranges, cp);
    if (m !== cp) changed = true;
    pushCodePoint(out, m);
  }
  return changed ? fromCodes(out) : s;
}

export function toUpperCase0(s: string): string {
  return convertCase(s, true);
}

export function toLowerCase0(s: string): string {
  return convertCase(s, false);
}

// ---- Case tables ----------------------------------------------------------------------------
// Generated from Node 20 (ICU 78.2, Unicode 17) by caseTablesSource() in tests/strmethods.test.ts.
// *_RANGES_ENC: [start - previous start, count, delta, step]*: the code points start,
//   start + step, ..., (count of them) map to themselves + delta (step 2 covers the alternating
//   upper/lower pairs of Latin Extended and similar blocks).
// *_SPECIAL_FROM / *_SPECIAL_TO: code points whose mapping is several code points.
// CASE_CONTEXT_ENC: [start - previous start, count, class]*: the ranges of Cased (class 1) and
//   Case_Ignorable (class 2, which wins) code points, for Final_Sigma.
// Module initialization decodes them into absolute Int32Array tables.

/** [start, end, delta, step]* from the encoded form (module initialization only). */
function decodeRanges(enc: number[]): Int32Array {
  const out = new Int32Array(enc.length);
  let start = 0;
  for (let i = 0; i < enc.length; i += 4) {
    start += enc[i];
    out[i] = start;
    out[i + 1] = start + (enc[i + 1] - 1) * enc[i + 3];
    out[i + 2] = enc[i + 2];
    out[i + 3] = enc[i + 3];
  }
  return out;
}

/** [start, end, class]* from the encoded form (module initialization only). */
function decodeClasses(enc: number[]): Int32Array {
  const out = new Int32Array(enc.length);
  let start = 0;
  for (let i = 0; i < enc.length; i += 3) {
    start += enc[i];
    out[i] = start;
    out[i + 1] = start + enc[i + 1] - 1;
    out[i + 2] = enc[i + 2];
  }
  return out;
}

// @generated-case-tables-begin
const UPPER_RANGES_ENC: int[] = [
  97, 26, -32, 1, 84, 1, 743, 1, 43, 23, -32, 1, 24, 7, -32, 1, 7, 1, 121, 1, 2, 24, -1, 2, 48, 1,
  -232, 1, 2, 3, -1, 2, 7, 8, -1, 2, 17, 23, -1, 2, 47, 3, -1, 2, 5, 1, -300, 1, 1, 1, 195, 1, 3,
  2, -1, 2, 5, 1, -1, 1, 4, 1, -1, 1, 6, 1, -1, 1, 3, 1, 97, 1, 4, 1, -1, 1, 1, 1, 163, 1, 1, 1,
  42561, 1, 3, 1, 130, 1, 3, 3, -1, 2, 7, 1, -1, 1, 5, 1, -1, 1, 3, 1, -1, 1, 4, 2, -1, 2, 5, 1,
  -1, 1, 4, 1, -1, 1, 2, 1, 56, 1, 6, 1, -1, 1, 1, 1, -2, 1, 2, 1, -1, 1, 1, 1, -2, 1, 2, 1, -1, 1,
  1, 1, -2, 1, 2, 8, -1, 2, 15, 1, -79, 1, 2, 9, -1, 2, 19, 1, -1, 1, 1, 1, -2, 1, 2, 1, -1, 1, 4,
  20, -1, 2, 42, 9, -1, 2, 25, 1, -1, 1, 3, 2, 10815, 1, 3, 1, -1, 1, 5, 5, -1, 2, 9, 1, 10783, 1,
  1, 1, 10780, 1, 1, 1, 10782, 1, 1, 1, -210, 1, 1, 1, -206, 1, 2, 2, -205, 1, 3, 1, -202, 1, 2, 1,
  -203, 1, 1, 1, 42319, 1, 4, 1, -205, 1, 1, 1, 42315, 1, 2, 1, -207, 1, 1, 1, 42343, 1, 1, 1,
  42280, 1, 1, 1, 42308, 1, 2, 1, -209, 1, 1, 1, -211, 1, 1, 1, 42308, 1, 1, 1, 10743, 1, 1, 1,
  42305, 1, 3, 1, -211, 1, 2, 1, 10749, 1, 1, 1, -213, 1, 3, 1, -214, 1, 8, 1, 10727, 1, 3, 1,
  -218, 1, 2, 1, 42307, 1, 1, 1, -218, 1, 4, 1, 42282, 1, 1, 1, -218, 1, 1, 1, -69, 1, 1, 2, -217,
  1, 2, 1, -71, 1, 6, 1, -219, 1, 11, 1, 42261, 1, 1, 1, 42258, 1, 167, 1, 84, 1, 44, 2, -1, 2, 6,
  1, -1, 1, 4, 3, 130, 1, 49, 1, -38, 1, 1, 3, -37, 1, 4, 17, -32, 1, 17, 1, -31, 1, 1, 9, -32, 1,
  9, 1, -64, 1, 1, 2, -63, 1, 3, 1, -62, 1, 1, 1, -57, 1, 4, 1, -47, 1, 1, 1, -54, 1, 1, 1, -8, 1,
  2, 12, -1, 2, 23, 1, -86, 1, 1, 1, -80, 1, 1, 1, 7, 1, 1, 1, -116, 1, 2, 1, -96, 1, 3, 1, -1, 1,
  3, 1, -1, 1, 53, 32, -32, 1, 32, 16, -80, 1, 17, 17, -1, 2, 42, 27, -1, 2, 55, 7, -1, 2, 13, 1,
  -15, 1, 2, 48, -1, 2, 144, 38, -48, 1, 2927, 43, 3008, 1, 45, 3, 3008, 1, 763, 6, -8, 1, 2184, 1,
  -6254, 1, 1, 1, -6253, 1, 1, 1, -6244, 1, 1, 2, -6242, 1, 2, 1, -6243, 1, 1, 1, -6236, 1, 1, 1,
  -6181, 1, 1, 1, 35266, 1, 2, 1, -1, 1, 239, 1, 35332, 1, 4, 1, 3814, 1, 17, 1, 35384, 1, 115, 75,
  -1, 2, 154, 1, -59, 1, 6, 48, -1, 2, 95, 8, 8, 1, 16, 6, 8, 1, 16, 8, 8, 1, 16, 8, 8, 1, 16, 6,
  8, 1, 17, 4, 8, 2, 15, 8, 8, 1, 16, 2, 74, 1, 2, 4, 86, 1, 4, 2, 100, 1, 2, 2, 128, 1, 2, 2, 112,
  1, 2, 2, 126, 1, 52, 2, 8, 1, 14, 1, -7205, 1, 18, 2, 8, 1, 16, 2, 8, 1, 5, 1, 7, 1, 361, 1, -28,
  1, 34, 16, -16, 1, 20, 1, -1, 1, 844, 26, -26, 1, 1888, 48, -48, 1, 49, 1, -1, 1, 4, 1, -10795,
  1, 1, 1, -10792, 1, 2, 3, -1, 2, 11, 1, -1, 1, 3, 1, -1, 1, 11, 50, -1, 2, 107, 2, -1, 2, 7, 1,
  -1, 1, 13, 38, -7264, 1, 39, 1, -7264, 1, 6, 1, -7264, 1, 30996, 23, -1, 2, 64, 14, -1, 2, 162,
  7, -1, 2, 16, 31, -1, 2, 71, 2, -1, 2, 5, 5, -1, 2, 13, 1, -1, 1, 5, 2, -1, 2, 3, 1, 48, 1, 3,
  10, -1, 2, 30, 8, -1, 2, 19, 2, -1, 2, 5, 8, -1, 2, 41, 1, -1, 1, 861, 1, -928, 1, 29, 80,
  -38864, 1, 21457, 26, -32, 1, 1255, 40, -40, 1, 176, 36, -40, 1, 191, 11, -39, 1, 12, 15, -39, 1,
  16, 7, -39, 1, 8, 2, -39, 1, 1797, 51, -64, 1, 176, 22, -32, 1, 2896, 32, -32, 1, 21920, 32, -32,
  1, 91, 25, -27, 1, 31335, 34, -34, 1,
];
const UPPER_SPECIAL_FROM: int[] = [
  223, 329, 496, 912, 944, 1415, 7830, 7831, 7832, 7833, 7834, 8016, 8018, 8020, 8022, 8064, 8065,
  8066, 8067, 8068, 8069, 8070, 8071, 8072, 8073, 8074, 8075, 8076, 8077, 8078, 8079, 8080, 8081,
  8082, 8083, 8084, 8085, 8086, 8087, 8088, 8089, 8090, 8091, 8092, 8093, 8094, 8095, 8096, 8097,
  8098, 8099, 8100, 8101, 8102, 8103, 8104, 8105, 8106, 8107, 8108, 8109, 8110, 8111, 8114, 8115,
  8116, 8118, 8119, 8124, 8130, 8131, 8132, 8134, 8135, 8140, 8146, 8147, 8150, 8151, 8162, 8163,
  8164, 8166, 8167, 8178, 8179, 8180, 8182, 8183, 8188, 64256, 64257, 64258, 64259, 64260, 64261,
  64262, 64275, 64276, 64277, 64278, 64279,
];
const UPPER_SPECIAL_TO: string[] = [
  "SS", "\u02BCN", "J\u030C", "\u0399\u0308\u0301", "\u03A5\u0308\u0301", "\u0535\u0552",
  "H\u0331", "T\u0308", "W\u030A", "Y\u030A", "A\u02BE", "\u03A5\u0313", "\u03A5\u0313\u0300",
  "\u03A5\u0313\u0301", "\u03A5\u0313\u0342", "\u1F08\u0399", "\u1F09\u0399", "\u1F0A\u0399",
  "\u1F0B\u0399", "\u1F0C\u0399", "\u1F0D\u0399", "\u1F0E\u0399", "\u1F0F\u0399", "\u1F08\u0399",
  "\u1F09\u0399", "\u1F0A\u0399", "\u1F0B\u0399", "\u1F0C\u0399", "\u1F0D\u0399", "\u1F0E\u0399",
  "\u1F0F\u0399", "\u1F28\u0399", "\u1F29\u0399", "\u1F2A\u0399", "\u1F2B\u0399", "\u1F2C\u0399",
  "\u1F2D\u0399", "\u1F2E\u0399", "\u1F2F\u0399", "\u1F28\u0399", "\u1F29\u0399", "\u1F2A\u0399",
  "\u1F2B\u0399", "\u1F2C\u0399", "\u1F2D\u0399", "\u1F2E\u0399", "\u1F2F\u0399", "\u1F68\u0399",
  "\u1F69\u0399", "\u1F6A\u0399", "\u1F6B\u0399", "\u1F6C\u0399", "\u1F6D\u0399", "\u1F6E\u0399",
  "\u1F6F\u0399", "\u1F68\u0399", "\u1F69\u0399", "\u1F6A\u0399", "\u1F6B\u0399", "\u1F6C\u0399",
  "\u1F6D\u0399", "\u1F6E\u0399", "\u1F6F\u0399", "\u1FBA\u0399", "\u0391\u0399", "\u0386\u0399",
  "\u0391\u0342", "\u0391\u0342\u0399", "\u0391\u0399", "\u1FCA\u0399", "\u0397\u0399",
  "\u0389\u0399", "\u0397\u0342", "\u0397\u0342\u0399", "\u0397\u0399", "\u0399\u0308\u0300",
  "\u0399\u0308\u0301", "\u0399\u0342", "\u0399\u0308\u0342", "\u03A5\u0308\u0300",
  "\u03A5\u0308\u0301", "\u03A1\u0313", "\u03A5\u0342", "\u03A5\u0308\u0342", "\u1FFA\u0399",
  "\u03A9\u0399", "\u038F\u0399", "\u03A9\u0342", "\u03A9\u0342\u0399", "\u03A9\u0399", "FF", "FI",
  "FL", "FFI", "FFL", "ST", "ST", "\u0544\u0546", "\u0544\u0535", "\u0544\u053B", "\u054E\u0546",
  "\u0544\u053D",
];
const LOWER_RANGES_ENC: int[] = [
  65, 26, 32, 1, 127, 23, 32, 1, 24, 7, 32, 1, 40, 24, 1, 2, 50, 3, 1, 2, 7, 8, 1, 2, 17, 23, 1, 2,
  46, 1, -121, 1, 1, 3, 1, 2, 8, 1, 210, 1, 1, 2, 1, 2, 4, 1, 206, 1, 1, 1, 1, 1, 2, 2, 205, 1, 2,
  1, 1, 1, 3, 1, 79, 1, 1, 1, 202, 1, 1, 1, 203, 1, 1, 1, 1, 1, 2, 1, 205, 1, 1, 1, 207, 1, 2, 1,
  211, 1, 1, 1, 209, 1, 1, 1, 1, 1, 4, 1, 211, 1, 1, 1, 213, 1, 2, 1, 214, 1, 1, 3, 1, 2, 6, 1,
  218, 1, 1, 1, 1, 1, 2, 1, 218, 1, 3, 1, 1, 1, 2, 1, 218, 1, 1, 1, 1, 1, 2, 2, 217, 1, 2, 2, 1, 2,
  4, 1, 219, 1, 1, 1, 1, 1, 4, 1, 1, 1, 8, 1, 2, 1, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1, 2, 1,
  1, 9, 1, 2, 19, 9, 1, 2, 19, 1, 2, 1, 1, 2, 1, 2, 4, 1, -97, 1, 1, 1, -56, 1, 1, 20, 1, 2, 40, 1,
  -130, 1, 2, 9, 1, 2, 24, 1, 10795, 1, 1, 1, 1, 1, 2, 1, -163, 1, 1, 1, 10792, 1, 3, 1, 1, 1, 2,
  1, -195, 1, 1, 1, 69, 1, 1, 1, 71, 1, 1, 5, 1, 2, 298, 2, 1, 2, 6, 1, 1, 1, 9, 1, 116, 1, 7, 1,
  38, 1, 2, 3, 37, 1, 4, 1, 64, 1, 2, 2, 63, 1, 3, 17, 32, 1, 18, 9, 32, 1, 44, 1, 8, 1, 9, 12, 1,
  2, 28, 1, -60, 1, 3, 1, 1, 1, 2, 1, -7, 1, 1, 1, 1, 1, 3, 3, -130, 1, 3, 16, 80, 1, 16, 32, 32,
  1, 80, 17, 1, 2, 42, 27, 1, 2, 54, 1, 15, 1, 1, 7, 1, 2, 15, 48, 1, 2, 97, 38, 48, 1, 2927, 38,
  7264, 1, 39, 1, 7264, 1, 6, 1, 7264, 1, 723, 80, 38864, 1, 80, 6, 8, 1, 2201, 1, 1, 1, 7, 43,
  -3008, 1, 45, 3, -3008, 1, 323, 75, 1, 2, 158, 1, -7615, 1, 2, 48, 1, 2, 104, 8, -8, 1, 16, 6,
  -8, 1, 16, 8, -8, 1, 16, 8, -8, 1, 16, 6, -8, 1, 17, 4, -8, 2, 15, 8, -8, 1, 32, 8, -8, 1, 16, 8,
  -8, 1, 16, 8, -8, 1, 16, 2, -8, 1, 2, 2, -74, 1, 2, 1, -9, 1, 12, 4, -86, 1, 4, 1, -9, 1, 12, 2,
  -8, 1, 2, 2, -100, 1, 14, 2, -8, 1, 2, 2, -112, 1, 2, 1, -7, 1, 12, 2, -128, 1, 2, 2, -126, 1, 2,
  1, -9, 1, 298, 1, -7517, 1, 4, 1, -8383, 1, 1, 1, -8262, 1, 7, 1, 28, 1, 46, 16, 16, 1, 35, 1, 1,
  1, 819, 26, 26, 1, 1866, 48, 48, 1, 96, 1, 1, 1, 2, 1, -10743, 1, 1, 1, -3814, 1, 1, 1, -10727,
  1, 3, 3, 1, 2, 6, 1, -10780, 1, 1, 1, -10749, 1, 1, 1, -10783, 1, 1, 1, -10782, 1, 2, 1, 1, 1, 3,
  1, 1, 1, 9, 2, -10815, 1, 2, 50, 1, 2, 107, 2, 1, 2, 7, 1, 1, 1, 31054, 23, 1, 2, 64, 14, 1, 2,
  162, 7, 1, 2, 16, 31, 1, 2, 71, 2, 1, 2, 4, 1, -35332, 1, 1, 5, 1, 2, 13, 1, 1, 1, 2, 1, -42280,
  1, 3, 2, 1, 2, 6, 10, 1, 2, 20, 1, -42308, 1, 1, 1, -42319, 1, 1, 1, -42315, 1, 1, 1, -42305, 1,
  1, 1, -42308, 1, 2, 1, -42258, 1, 1, 1, -42282, 1, 1, 1, -42261, 1, 1, 1, 928, 1, 1, 8, 1, 2, 16,
  1, -48, 1, 1, 1, -42307, 1, 1, 1, -35384, 1, 1, 2, 1, 2, 4, 1, -42343, 1, 1, 8, 1, 2, 16, 1,
  -42561, 1, 25, 1, 1, 1, 22316, 26, 32, 1, 1247, 40, 40, 1, 176, 36, 40, 1, 192, 11, 39, 1, 12,
  15, 39, 1, 16, 7, 39, 1, 8, 2, 39, 1, 1772, 51, 64, 1, 208, 22, 32, 1, 2896, 32, 32, 1, 21920,
  32, 32, 1, 96, 25, 27, 1, 31328, 34, 34, 1,
];
const LOWER_SPECIAL_FROM: int[] = [
  304,
];
const LOWER_SPECIAL_TO: string[] = [
  "i\u0307",
];
const CASE_CONTEXT_ENC: int[] = [
  39, 1, 2, 7, 1, 2, 12, 1, 2, 7, 26, 1, 29, 1, 2, 2, 1, 2, 1, 26, 1, 71, 1, 2, 2, 1, 1, 3, 1, 2,
  2, 1, 2, 5, 1, 2, 1, 1, 1, 2, 2, 2, 3, 1, 1, 6, 23, 1, 24, 31, 1, 32, 195, 1, 196, 4, 1, 8, 208,
  1, 210, 26, 1, 26, 192, 2, 192, 4, 1, 4, 2, 2, 2, 2, 1, 4, 1, 2, 1, 3, 1, 4, 1, 1, 5, 2, 2, 2, 1,
  1, 1, 1, 2, 1, 3, 1, 4, 1, 1, 2, 20, 1, 21, 83, 1, 84, 139, 1, 140, 7, 2, 7, 166, 1, 167, 38, 1,
  40, 1, 2, 6, 1, 2, 1, 41, 1, 49, 45, 2, 46, 1, 2, 2, 2, 2, 3, 2, 2, 3, 1, 2, 45, 1, 2, 12, 6, 2,
  16, 11, 2, 12, 1, 2, 36, 1, 2, 11, 21, 2, 37, 1, 2, 102, 8, 2, 9, 10, 2, 11, 4, 2, 37, 1, 2, 2,
  1, 2, 31, 27, 2, 118, 11, 2, 69, 11, 2, 15, 1, 2, 3, 1, 2, 25, 24, 2, 67, 3, 2, 47, 1, 2, 8, 2,
  2, 7, 9, 2, 50, 58, 2, 113, 1, 2, 2, 1, 2, 5, 8, 2, 12, 1, 2, 4, 7, 2, 17, 2, 2, 15, 1, 2, 16, 1,
  2, 59, 1, 2, 5, 4, 2, 12, 1, 2, 21, 2, 2, 28, 1, 2, 3, 2, 2, 59, 1, 2, 5, 2, 2, 6, 2, 2, 4, 3, 2,
  6, 1, 2, 31, 2, 2, 5, 1, 2, 12, 2, 2, 59, 1, 2, 5, 5, 2, 6, 2, 2, 6, 1, 2, 21, 2, 2, 24, 6, 2, 7,
  1, 2, 59, 1, 2, 3, 1, 2, 2, 4, 2, 12, 1, 2, 8, 2, 2, 13, 2, 2, 32, 1, 2, 62, 1, 2, 13, 1, 2, 51,
  1, 2, 4, 1, 2, 56, 1, 2, 2, 3, 2, 8, 3, 2, 4, 4, 2, 11, 2, 2, 13, 2, 2, 31, 1, 2, 59, 1, 2, 3, 1,
  2, 7, 1, 2, 6, 2, 2, 22, 2, 2, 30, 2, 2, 59, 2, 2, 6, 4, 2, 12, 1, 2, 21, 2, 2, 31, 1, 2, 73, 1,
  2, 8, 3, 2, 4, 1, 2, 91, 1, 2, 3, 7, 2, 18, 9, 2, 107, 1, 2, 3, 9, 2, 18, 1, 2, 2, 7, 2, 80, 2,
  2, 29, 1, 2, 2, 1, 2, 2, 1, 2, 56, 14, 2, 15, 5, 2, 6, 2, 2, 7, 11, 2, 12, 36, 2, 45, 1, 2, 103,
  4, 2, 5, 6, 2, 7, 2, 2, 4, 2, 2, 27, 2, 2, 6, 3, 2, 19, 4, 2, 17, 1, 2, 3, 2, 2, 8, 1, 2, 16, 1,
  2, 3, 38, 1, 39, 1, 1, 6, 1, 1, 3, 43, 1, 44, 1, 2, 1, 3, 1, 608, 3, 2, 67, 86, 1, 88, 6, 1, 794,
  3, 2, 32, 2, 2, 32, 2, 2, 32, 2, 2, 66, 2, 2, 3, 7, 2, 15, 1, 2, 3, 11, 2, 14, 1, 2, 6, 1, 2, 46,
  5, 2, 56, 1, 2, 66, 2, 2, 36, 1, 2, 119, 3, 2, 7, 2, 2, 11, 1, 2, 7, 3, 2, 222, 2, 2, 4, 1, 2,
  59, 1, 2, 2, 7, 2, 8, 1, 2, 2, 1, 2, 3, 8, 2, 14, 10, 2, 12, 1, 2, 40, 1, 2, 9, 46, 2, 48, 12, 2,
  32, 4, 2, 52, 1, 2, 2, 5, 2, 6, 1, 2, 6, 1, 2, 41, 9, 2, 21, 2, 2, 34, 4, 2, 6, 2, 2, 3, 3, 2,
  59, 1, 2, 2, 2, 2, 5, 1, 2, 2, 3, 2, 61, 8, 2, 10, 2, 2, 66, 6, 2, 8, 11, 1, 16, 43, 1, 45, 3, 1,
  19, 3, 2, 4, 13, 2, 14, 7, 2, 11, 1, 2, 7, 1, 2, 4, 2, 2, 8, 44, 1, 44, 63, 2, 63, 13, 1, 13, 1,
  2, 1, 34, 1, 34, 101, 2, 101, 278, 1, 280, 6, 1, 8, 38, 1, 40, 6, 1, 8, 8, 1, 9, 1, 1, 2, 1, 1,
  2, 1, 1, 2, 31, 1, 33, 53, 1, 54, 7, 1, 7, 1, 2, 1, 1, 1, 1, 3, 2, 3, 3, 1, 4, 7, 1, 7, 3, 2, 3,
  4, 1, 6, 6, 1, 7, 3, 2, 3, 13, 1, 13, 3, 2, 5, 3, 1, 4, 7, 1, 7, 2, 2, 14, 5, 2, 13, 2, 2, 12, 1,
  2, 3, 1, 2, 3, 5, 2, 54, 5, 2, 6, 10, 2, 11, 1, 2, 14, 1, 2, 17, 13, 2, 64, 33, 2, 50, 1, 1, 5,
  1, 1, 3, 10, 1, 11, 1, 1, 4, 5, 1, 11, 1, 1, 2, 1, 1, 2, 1, 1, 2, 4, 1, 5, 6, 1, 10, 1, 1, 3, 4,
  1, 9, 5, 1, 9, 1, 1, 18, 32, 1, 35, 2, 1, 819, 52, 1, 1866, 124, 1, 124, 2, 2, 2, 103, 1, 109, 4,
  1, 4, 3, 2, 3, 2, 1, 14, 38, 1, 39, 1, 1, 6, 1, 1, 66, 1, 2, 16, 1, 2, 97, 32, 2, 79, 1, 2, 470,
  1, 2, 37, 4, 2, 7, 5, 2, 10, 1, 2, 94, 6, 2, 99, 3, 2, 28441, 1, 2, 1251, 6, 2, 276, 1, 2, 52,
  46, 1, 47, 4, 2, 5, 10, 2, 11, 1, 2, 1, 28, 1, 28, 4, 2, 84, 2, 2, 16, 34, 2, 34, 78, 1, 78, 1,
  2, 1, 23, 1, 23, 3, 2, 3, 4, 1, 5, 77, 1, 97, 4, 2, 4, 2, 1, 3, 2, 2, 2, 1, 1, 8, 1, 2, 4, 1, 2,
  5, 1, 2, 26, 2, 2, 7, 1, 2, 152, 2, 2, 28, 18, 2, 31, 1, 2, 39, 8, 2, 33, 11, 2, 57, 3, 2, 51, 1,
  2, 3, 4, 2, 6, 2, 2, 19, 1, 2, 22, 2, 2, 68, 6, 2, 8, 2, 2, 4, 2, 2, 14, 1, 2, 9, 1, 2, 36, 1, 2,
  12, 1, 2, 52, 1, 2, 2, 3, 2, 5, 2, 2, 7, 2, 2, 3, 1, 2, 28, 1, 2, 15, 2, 2, 7, 2, 2, 3, 1, 2, 58,
  43, 1, 43, 5, 2, 5, 9, 1, 9, 3, 2, 7, 80, 1, 117, 1, 2, 3, 1, 2, 5, 1, 2, 20243, 7, 1, 19, 5, 1,
  11, 1, 2, 148, 17, 2, 590, 16, 2, 19, 1, 2, 13, 16, 2, 50, 1, 2, 3, 1, 2, 170, 1, 2, 8, 1, 2, 7,
  1, 2, 12, 1, 2, 7, 26, 1, 29, 1, 2, 2, 1, 2, 1, 26, 1, 47, 1, 2, 46, 2, 2, 69, 1, 2, 22, 3, 2,
  516, 1, 2, 227, 1, 2, 150, 5, 2, 138, 80, 1, 176, 36, 1, 40, 36, 1, 152, 11, 1, 12, 15, 1, 16, 7,
  1, 8, 2, 1, 3, 11, 1, 12, 15, 1, 16, 7, 1, 8, 2, 1, 453, 6, 2, 7, 42, 2, 43, 9, 2, 591, 3, 2, 4,
  2, 2, 7, 4, 2, 44, 3, 2, 7, 1, 2, 166, 2, 2, 411, 51, 1, 64, 51, 1, 100, 4, 2, 42, 1, 2, 2, 22,
  1, 25, 5, 2, 6, 1, 2, 1, 22, 1, 315, 2, 2, 26, 1, 2, 53, 6, 2, 76, 11, 2, 60, 4, 2, 127, 1, 2,
  55, 15, 2, 56, 1, 2, 3, 2, 2, 12, 3, 2, 52, 4, 2, 6, 2, 2, 4, 1, 2, 5, 1, 2, 11, 1, 2, 51, 3, 2,
  39, 5, 2, 6, 8, 2, 70, 1, 2, 13, 2, 2, 54, 9, 2, 19, 4, 2, 6, 1, 2, 96, 3, 2, 5, 1, 2, 2, 2, 2,
  8, 1, 2, 3, 1, 2, 158, 1, 2, 4, 8, 2, 29, 2, 2, 59, 2, 2, 5, 1, 2, 38, 7, 2, 10, 5, 2, 75, 6, 2,
  19, 1, 2, 2, 1, 2, 2, 1, 2, 15, 2, 2, 87, 8, 2, 10, 3, 2, 4, 1, 2, 24, 1, 2, 85, 6, 2, 7, 1, 2,
  5, 2, 2, 3, 2, 2, 240, 4, 2, 10, 2, 2, 3, 2, 2, 29, 2, 2, 87, 8, 2, 10, 1, 2, 2, 2, 2, 108, 1, 2,
  2, 1, 2, 3, 6, 2, 7, 1, 2, 102, 1, 2, 2, 1, 2, 3, 4, 2, 5, 5, 2, 264, 9, 2, 10, 2, 2, 103, 64, 1,
  155, 2, 2, 3, 1, 2, 5, 1, 2, 145, 4, 2, 6, 2, 2, 6, 1, 2, 33, 10, 2, 50, 6, 2, 8, 4, 2, 12, 1, 2,
  10, 6, 2, 8, 3, 2, 49, 13, 2, 14, 2, 2, 200, 1, 2, 2, 3, 2, 4, 1, 2, 202, 7, 2, 8, 6, 2, 7, 1, 2,
  83, 22, 2, 24, 7, 2, 8, 2, 2, 3, 2, 2, 124, 6, 2, 9, 1, 2, 2, 2, 2, 3, 7, 2, 8, 1, 2, 73, 2, 2,
  5, 1, 2, 2, 1, 2, 66, 1, 2, 282, 2, 2, 13, 2, 2, 54, 5, 2, 10, 1, 2, 2, 1, 2, 24, 1, 2, 5334, 17,
  2, 23, 15, 2, 11479, 12, 2, 15, 3, 2, 2499, 5, 2, 64, 7, 2, 16, 4, 2, 512, 3, 2, 43, 2, 2, 213,
  64, 1, 96, 25, 1, 27, 25, 1, 148, 1, 2, 64, 17, 2, 81, 2, 2, 3, 2, 2, 15, 2, 2, 16382, 4, 2, 5,
  7, 2, 8, 2, 2, 3232, 2, 2, 3, 4, 2, 4704, 46, 2, 48, 23, 2, 567, 3, 2, 12, 16, 2, 18, 7, 2, 37,
  4, 2, 152, 3, 2, 446, 85, 1, 86, 71, 1, 72, 2, 1, 4, 1, 1, 3, 2, 1, 4, 4, 1, 5, 12, 1, 13, 1, 1,
  2, 7, 1, 8, 65, 1, 66, 4, 1, 6, 8, 1, 9, 7, 1, 8, 28, 1, 29, 4, 1, 5, 5, 1, 6, 1, 1, 4, 7, 1, 8,
  340, 1, 342, 25, 1, 26, 25, 1, 26, 31, 1, 32, 25, 1, 26, 31, 1, 32, 25, 1, 26, 31, 1, 32, 25, 1,
  26, 31, 1, 32, 25, 1, 26, 8, 1, 572, 55, 2, 59, 50, 2, 58, 1, 2, 15, 1, 2, 23, 5, 2, 6, 15, 2,
  1119, 10, 1, 11, 20, 1, 26, 6, 1, 219, 7, 2, 8, 17, 2, 19, 7, 2, 8, 2, 2, 3, 5, 2, 10, 62, 2, 95,
  1, 2, 161, 14, 2, 382, 1, 2, 62, 4, 2, 511, 5, 2, 259, 2, 2, 245, 1, 2, 3, 1, 2, 8, 2, 2, 7, 1,
  2, 10, 1, 2, 465, 7, 2, 48, 68, 1, 68, 8, 2, 2028, 26, 1, 32, 26, 1, 32, 26, 1, 651, 5, 2,
  789510, 1, 2, 31, 96, 2, 224, 240, 2,
];
// @generated-case-tables-end

const UPPER_RANGES = decodeRanges(UPPER_RANGES_ENC);
const LOWER_RANGES = decodeRanges(LOWER_RANGES_ENC);
const CASE_CONTEXT = decodeClasses(CASE_CONTEXT_ENC);
