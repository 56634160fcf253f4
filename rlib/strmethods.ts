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
// toUpperCase / toLowerCase, with their Unicode tables, are in strcase.ts.
import type { float, int } from "./types.ts";
import { strCopy, strNew, weAreTranslated } from "./lowlevel.ts";
import { intDiv, toInt } from "./rarith.ts";
import { fatal, floatToInt32 } from "./runtime.ts";
import { formatFloat, formatInt } from "./numfmt.ts";
import { codePointAt } from "./strcase.ts";

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

// ---- codePointAt, replace, replaceAll, concat ---------------------------------------------

/** The code point at index (a lone surrogate is itself); out of range is a fatal error, as
 *  for at() (JS returns undefined). */
export function codePointAt1(s: string, index: float): int {
  const k = toInt(index);
  if (k < 0 || k >= s.length) {
    fatal("index " + formatFloat(index) + " out of range for length " + formatInt(s.length));
    return 0;
  }
  return codePointAt(s, k);
}

/** ECMAScript GetSubstitution for a string pattern (no captures): `$$`, `$&`, `` $` ``, `$'`;
 *  any other `$` stays as it is. */
function substitution(s: string, at: int, matched: string, replacement: string): string {
  if (indexFrom(replacement, "$", 0) < 0) return replacement;
  let r = "";
  const n = replacement.length;
  for (let i = 0; i < n; i++) {
    const c = replacement.charCodeAt(i);
    const d = i + 1 < n ? replacement.charCodeAt(i + 1) : 0;
    if (c !== 0x24 || (d !== 0x24 && d !== 0x26 && d !== 0x60 && d !== 0x27)) {
      r += replacement[i];
      continue;
    }
    if (d === 0x24) r += "$";
    else if (d === 0x26) r += matched;
    else if (d === 0x60) r += sub(s, 0, at);
    else r += sub(s, at + matched.length, s.length);
    i++;
  }
  return r;
}

/** `s.replace(pattern, replacement)` with a string pattern: the first occurrence only. */
export function replace2(s: string, pattern: string, replacement: string): string {
  const at = indexFrom(s, pattern, 0);
  if (at < 0) return s;
  return sub(s, 0, at) + substitution(s, at, pattern, replacement) + sub(s, at + pattern.length, s.length);
}

/** `s.replaceAll(pattern, replacement)` with a string pattern; an empty pattern matches
 *  before every code unit and at the end. */
export function replaceAll2(s: string, pattern: string, replacement: string): string {
  const step = pattern.length > 0 ? pattern.length : 1;
  const parts: string[] = [];
  let last = 0;
  let at = indexFrom(s, pattern, 0);
  while (at >= 0) {
    parts.push(sub(s, last, at));
    parts.push(substitution(s, at, pattern, replacement));
    last = at + pattern.length;
    at = at + step > s.length ? -1 : indexFrom(s, pattern, at + step);
  }
  parts.push(sub(s, last, s.length));
  return joinParts(parts, "");
}

export function concat1(s: string, t: string): string {
  return s + t;
}

export function concat2(s: string, t: string, u: string): string {
  return s + t + u;
}
