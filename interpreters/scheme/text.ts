// String and character primitives (ids 200-299). Characters are UTF-16 code units.
import type { int } from "../../rlib/types.ts";
import { Value, Fixnum, Char, MString, Pair, NIL, FALSE, UNSPECIFIED, bool, fixnum } from "./values.ts";
import { Runtime } from "./runtime.ts";
import { definePrimitive } from "./registry.ts";

const P_STRINGP = 200;
const P_STRING_LENGTH = 201;
const P_STRING_REF = 202;
const P_SUBSTRING = 203;
const P_STRING_APPEND = 204;
const P_STRING_COPY = 205;
const P_STRING_TO_LIST = 206;
const P_LIST_TO_STRING = 207;
const P_STRING_UPCASE = 208;
const P_STRING_DOWNCASE = 209;
const P_MAKE_STRING = 210;
const P_STRING = 211;
const P_STRING_SET = 212;
const P_STRING_FILL = 213;
const P_STRING_CONTAINS = 214;
const P_STRING_JOIN = 215;
// Comparisons: the five string ones, then the five char ones, each in the order = < > <= >=.
const P_STRING_EQ = 220;
const P_CHAR_EQ = 225;
const P_CHARP = 230;
const P_CHAR_TO_INTEGER = 231;
const P_INTEGER_TO_CHAR = 232;
const P_CHAR_UPCASE = 233;
const P_CHAR_DOWNCASE = 234;
const P_CHAR_ALPHABETICP = 235;
const P_CHAR_NUMERICP = 236;
const P_CHAR_WHITESPACEP = 237;
const P_CHAR_UPPER_CASEP = 238;
const P_CHAR_LOWER_CASEP = 239;
const P_DIGIT_VALUE = 240;

const COMPARISONS = ["=?", "<?", ">?", "<=?", ">=?"];

definePrimitive("string?", P_STRINGP, 1, 1);
definePrimitive("string-length", P_STRING_LENGTH, 1, 1);
definePrimitive("string-ref", P_STRING_REF, 2, 2);
definePrimitive("substring", P_SUBSTRING, 2, 3);
definePrimitive("string-append", P_STRING_APPEND, 0, -1);
definePrimitive("string-copy", P_STRING_COPY, 1, 3);
definePrimitive("string->list", P_STRING_TO_LIST, 1, 1);
definePrimitive("list->string", P_LIST_TO_STRING, 1, 1);
definePrimitive("string-upcase", P_STRING_UPCASE, 1, 1);
definePrimitive("string-downcase", P_STRING_DOWNCASE, 1, 1);
definePrimitive("make-string", P_MAKE_STRING, 1, 2);
definePrimitive("string", P_STRING, 0, -1);
definePrimitive("string-set!", P_STRING_SET, 3, 3);
definePrimitive("string-fill!", P_STRING_FILL, 2, 2);
definePrimitive("string-contains", P_STRING_CONTAINS, 2, 2);
definePrimitive("string-join", P_STRING_JOIN, 1, 2);
for (let i = 0; i < COMPARISONS.length; i++) {
  definePrimitive(`string${COMPARISONS[i]}`, P_STRING_EQ + i, 1, -1);
  definePrimitive(`char${COMPARISONS[i]}`, P_CHAR_EQ + i, 1, -1);
}
definePrimitive("char?", P_CHARP, 1, 1);
definePrimitive("char->integer", P_CHAR_TO_INTEGER, 1, 1);
definePrimitive("integer->char", P_INTEGER_TO_CHAR, 1, 1);
definePrimitive("char-upcase", P_CHAR_UPCASE, 1, 1);
definePrimitive("char-downcase", P_CHAR_DOWNCASE, 1, 1);
definePrimitive("char-alphabetic?", P_CHAR_ALPHABETICP, 1, 1);
definePrimitive("char-numeric?", P_CHAR_NUMERICP, 1, 1);
definePrimitive("char-whitespace?", P_CHAR_WHITESPACEP, 1, 1);
definePrimitive("char-upper-case?", P_CHAR_UPPER_CASEP, 1, 1);
definePrimitive("char-lower-case?", P_CHAR_LOWER_CASEP, 1, 1);
definePrimitive("digit-value", P_DIGIT_VALUE, 1, 1);

function stringArg(rt: Runtime, name: string, v: Value): string {
  if (v instanceof MString) return v.text;
  rt.wrongType(name, "a string", v);
  return "";
}

function charArg(rt: Runtime, name: string, v: Value): int {
  if (v instanceof Char) return v.code;
  rt.wrongType(name, "a character", v);
  return 0;
}

/** An index argument in [0, limit]; sets the error otherwise. */
function indexArg(rt: Runtime, name: string, v: Value, limit: int): int {
  if (v instanceof Fixnum && v.value >= 0 && v.value <= limit) return v.value;
  if (v instanceof Fixnum) rt.fail(`${name}: index ${v.value} out of range [0, ${limit}]`);
  else rt.wrongType(name, "an index", v);
  return 0;
}

function compareHolds(op: int, c: int): boolean {
  if (op === 0) return c === 0;
  if (op === 1) return c < 0;
  if (op === 2) return c > 0;
  if (op === 3) return c <= 0;
  return c >= 0;
}

/** string=? & co. and char=? & co.: `op` 0-4 over all arguments. */
function compareAll(rt: Runtime, chars: boolean, op: int, base: int, argc: int): Value {
  const name = `${chars ? "char" : "string"}${COMPARISONS[op]}`;
  let holds = true;
  for (let i = 0; i < argc; i++) {
    const v = rt.arg(base, i);
    if (chars ? !(v instanceof Char) : !(v instanceof MString)) return rt.wrongType(name, chars ? "a character" : "a string", v);
  }
  for (let i = 0; i + 1 < argc; i++) {
    let c = 0;
    if (chars) {
      c = (rt.arg(base, i) as Char).code - (rt.arg(base, i + 1) as Char).code;
    } else {
      c = compareStrings((rt.arg(base, i) as MString).text, (rt.arg(base, i + 1) as MString).text);
    }
    if (!compareHolds(op, c)) holds = false;
  }
  return bool(holds);
}

/** -1, 0 or 1 as x is before, equal to or after y, by code units. */
function compareStrings(x: string, y: string): int {
  const n = x.length < y.length ? x.length : y.length;
  for (let i = 0; i < n; i++) {
    const d = x.charCodeAt(i) - y.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

function isAlpha(c: int): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c).toLowerCase());
}

function charPredicate(id: int, c: int): boolean {
  if (id === P_CHAR_ALPHABETICP) return isAlpha(c);
  if (id === P_CHAR_NUMERICP) return c >= 48 && c <= 57;
  if (id === P_CHAR_WHITESPACEP) return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
  const s = String.fromCharCode(c);
  if (id === P_CHAR_UPPER_CASEP) return isAlpha(c) && s.toLowerCase() !== s;
  return isAlpha(c) && s.toUpperCase() !== s;
}

/** A one-unit case mapping (a character whose mapping is longer stays as it is). */
function mapCase(c: int, upper: boolean): int {
  const s = String.fromCharCode(c);
  const m = upper ? s.toUpperCase() : s.toLowerCase();
  return m.length === 1 ? m.charCodeAt(0) : c;
}

function listToString(rt: Runtime, list: Value): Value {
  const parts: string[] = [];
  let p = list;
  while (p instanceof Pair) {
    if (!(p.car instanceof Char)) return rt.wrongType("list->string", "a list of characters", list);
    parts.push(String.fromCharCode((p.car as Char).code));
    p = p.cdr;
  }
  if (p !== NIL) return rt.wrongType("list->string", "a proper list", list);
  return new MString(parts.join(""));
}

function substring(rt: Runtime, name: string, base: int, argc: int): Value {
  const s = stringArg(rt, name, rt.arg(base, 0));
  if (rt.failed) return FALSE;
  const start = argc > 1 ? indexArg(rt, name, rt.arg(base, 1), s.length) : 0;
  const end = argc > 2 ? indexArg(rt, name, rt.arg(base, 2), s.length) : s.length;
  if (rt.failed) return FALSE;
  if (end < start) return rt.fail(`${name}: end ${end} is before start ${start}`);
  return new MString(s.slice(start, end));
}

function stringJoin(rt: Runtime, list: Value, sep: string): Value {
  const parts: string[] = [];
  let p = list;
  while (p instanceof Pair) {
    if (!(p.car instanceof MString)) return rt.wrongType("string-join", "a list of strings", list);
    parts.push((p.car as MString).text);
    p = p.cdr;
  }
  if (p !== NIL) return rt.wrongType("string-join", "a proper list", list);
  return new MString(parts.join(sep));
}

/** Runs string or character primitive `id` on the argc arguments at stack[base...]. */
export function textPrimitive(rt: Runtime, id: int, base: int, argc: int): Value {
  if (id >= P_STRING_EQ && id < P_STRING_EQ + 5) return compareAll(rt, false, id - P_STRING_EQ, base, argc);
  if (id >= P_CHAR_EQ && id < P_CHAR_EQ + 5) return compareAll(rt, true, id - P_CHAR_EQ, base, argc);
  const a = argc > 0 ? rt.arg(base, 0) : NIL;
  switch (id) {
    case P_STRINGP:
      return bool(a instanceof MString);
    case P_STRING_LENGTH:
      return fixnum(stringArg(rt, "string-length", a).length);
    case P_STRING_REF: {
      const s = stringArg(rt, "string-ref", a);
      if (rt.failed) return FALSE;
      const i = indexArg(rt, "string-ref", rt.arg(base, 1), s.length - 1);
      if (rt.failed) return FALSE;
      return new Char(s.charCodeAt(i));
    }
    case P_SUBSTRING:
      return substring(rt, "substring", base, argc);
    case P_STRING_COPY:
      return substring(rt, "string-copy", base, argc);
    case P_STRING_APPEND: {
      const parts: string[] = [];
      for (let i = 0; i < argc; i++) parts.push(stringArg(rt, "string-append", rt.arg(base, i)));
      return new MString(parts.join(""));
    }
    case P_STRING_TO_LIST: {
      const s = stringArg(rt, "string->list", a);
      let result: Value = NIL;
      for (let i = s.length - 1; i >= 0; i--) result = new Pair(new Char(s.charCodeAt(i)), result);
      return result;
    }
    case P_LIST_TO_STRING:
      return listToString(rt, a);
    case P_STRING_UPCASE:
      return new MString(stringArg(rt, "string-upcase", a).toUpperCase());
    case P_STRING_DOWNCASE:
      return new MString(stringArg(rt, "string-downcase", a).toLowerCase());
    case P_MAKE_STRING: {
      if (!(a instanceof Fixnum) || a.value < 0) return rt.wrongType("make-string", "a non-negative length", a);
      const fill = argc > 1 ? charArg(rt, "make-string", rt.arg(base, 1)) : 32;
      return new MString(String.fromCharCode(fill).repeat(a.value));
    }
    case P_STRING: {
      const parts: string[] = [];
      for (let i = 0; i < argc; i++) parts.push(String.fromCharCode(charArg(rt, "string", rt.arg(base, i))));
      return new MString(parts.join(""));
    }
    case P_STRING_SET: {
      if (!(a instanceof MString)) return rt.wrongType("string-set!", "a string", a);
      const i = indexArg(rt, "string-set!", rt.arg(base, 1), a.text.length - 1);
      const c = charArg(rt, "string-set!", rt.arg(base, 2));
      if (rt.failed) return FALSE;
      a.text = a.text.slice(0, i) + String.fromCharCode(c) + a.text.slice(i + 1);
      return UNSPECIFIED;
    }
    case P_STRING_FILL: {
      if (!(a instanceof MString)) return rt.wrongType("string-fill!", "a string", a);
      const c = charArg(rt, "string-fill!", rt.arg(base, 1));
      a.text = String.fromCharCode(c).repeat(a.text.length);
      return UNSPECIFIED;
    }
    case P_STRING_CONTAINS: {
      const s = stringArg(rt, "string-contains", a);
      const t = stringArg(rt, "string-contains", rt.arg(base, 1));
      const i = s.indexOf(t);
      return i < 0 ? FALSE : fixnum(i);
    }
    case P_STRING_JOIN: {
      const sep = argc > 1 ? stringArg(rt, "string-join", rt.arg(base, 1)) : " ";
      if (rt.failed) return FALSE;
      return stringJoin(rt, a, sep);
    }
    case P_CHARP:
      return bool(a instanceof Char);
    case P_CHAR_TO_INTEGER:
      return fixnum(charArg(rt, "char->integer", a));
    case P_INTEGER_TO_CHAR:
      if (a instanceof Fixnum && a.value >= 0 && a.value <= 0xffff) return new Char(a.value);
      return rt.wrongType("integer->char", "a character code in [0, 65535]", a);
    case P_CHAR_UPCASE:
      return new Char(mapCase(charArg(rt, "char-upcase", a), true));
    case P_CHAR_DOWNCASE:
      return new Char(mapCase(charArg(rt, "char-downcase", a), false));
    case P_DIGIT_VALUE: {
      const c = charArg(rt, "digit-value", a);
      return c >= 48 && c <= 57 ? fixnum(c - 48) : FALSE;
    }
    default: {
      const names = ["char-alphabetic?", "char-numeric?", "char-whitespace?", "char-upper-case?", "char-lower-case?"];
      return bool(charPredicate(id, charArg(rt, names[id - P_CHAR_ALPHABETICP], a)));
    }
  }
}
