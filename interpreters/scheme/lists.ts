// Pair, list, equivalence and type-predicate primitives (ids 100-199).
import type { int } from "../../rlib/types.ts";
import {
  Value, Fixnum, Flonum, Bool, Char, MString, Sym, Pair, Vector, Primitive, Closure, NIL, FALSE, UNSPECIFIED, bool, fixnum, intern,
} from "./values.ts";
import { Runtime } from "./runtime.ts";
import { definePrimitive } from "./registry.ts";

const P_CONS = 100;
const P_CAR = 101;
const P_CDR = 102;
const P_SET_CAR = 103;
const P_SET_CDR = 104;
const P_LIST = 105;
const P_LENGTH = 106;
const P_APPEND = 107;
const P_REVERSE = 108;
const P_LIST_TAIL = 109;
const P_LIST_REF = 110;
const P_MEMQ = 111;
const P_MEMV = 112;
const P_MEMBER = 113;
const P_ASSQ = 114;
const P_ASSV = 115;
const P_ASSOC = 116;
const P_NULLP = 117;
const P_PAIRP = 118;
const P_LISTP = 119;
const P_EQ = 120;
const P_EQV = 121;
const P_EQUAL = 122;
const P_NOT = 123;
const P_BOOLEANP = 124;
const P_SYMBOLP = 125;
const P_PROCEDUREP = 126;
const P_SYMBOL_TO_STRING = 127;
const P_STRING_TO_SYMBOL = 128;
const P_LAST_PAIR = 129;
const P_LIST_COPY = 130;
// c[ad]{2,3}r: the path of car/cdr steps, read right to left.
const P_CAAR = 131;
const P_CADR = 132;
const P_CDAR = 133;
const P_CDDR = 134;
const P_CADDR = 135;
const P_CDDDR = 136;
const P_CADDDR = 137;
const P_CAADR = 138;
const P_CDADR = 139;

export const PRIM_CONS = definePrimitive("cons", P_CONS, 2, 2);
definePrimitive("car", P_CAR, 1, 1);
definePrimitive("cdr", P_CDR, 1, 1);
definePrimitive("set-car!", P_SET_CAR, 2, 2);
definePrimitive("set-cdr!", P_SET_CDR, 2, 2);
export const PRIM_LIST = definePrimitive("list", P_LIST, 0, -1);
definePrimitive("length", P_LENGTH, 1, 1);
export const PRIM_APPEND = definePrimitive("append", P_APPEND, 0, -1);
definePrimitive("reverse", P_REVERSE, 1, 1);
definePrimitive("list-tail", P_LIST_TAIL, 2, 2);
definePrimitive("list-ref", P_LIST_REF, 2, 2);
definePrimitive("memq", P_MEMQ, 2, 2);
export const PRIM_MEMV = definePrimitive("memv", P_MEMV, 2, 2);
definePrimitive("member", P_MEMBER, 2, 2);
definePrimitive("assq", P_ASSQ, 2, 2);
definePrimitive("assv", P_ASSV, 2, 2);
definePrimitive("assoc", P_ASSOC, 2, 2);
definePrimitive("null?", P_NULLP, 1, 1);
definePrimitive("pair?", P_PAIRP, 1, 1);
definePrimitive("list?", P_LISTP, 1, 1);
definePrimitive("eq?", P_EQ, 2, 2);
definePrimitive("eqv?", P_EQV, 2, 2);
definePrimitive("equal?", P_EQUAL, 2, 2);
definePrimitive("not", P_NOT, 1, 1);
definePrimitive("boolean?", P_BOOLEANP, 1, 1);
definePrimitive("symbol?", P_SYMBOLP, 1, 1);
definePrimitive("procedure?", P_PROCEDUREP, 1, 1);
definePrimitive("symbol->string", P_SYMBOL_TO_STRING, 1, 1);
definePrimitive("string->symbol", P_STRING_TO_SYMBOL, 1, 1);
definePrimitive("last-pair", P_LAST_PAIR, 1, 1);
definePrimitive("list-copy", P_LIST_COPY, 1, 1);
definePrimitive("caar", P_CAAR, 1, 1);
definePrimitive("cadr", P_CADR, 1, 1);
definePrimitive("cdar", P_CDAR, 1, 1);
definePrimitive("cddr", P_CDDR, 1, 1);
definePrimitive("caddr", P_CADDR, 1, 1);
definePrimitive("cdddr", P_CDDDR, 1, 1);
definePrimitive("cadddr", P_CADDDR, 1, 1);
definePrimitive("caadr", P_CAADR, 1, 1);
definePrimitive("cdadr", P_CDADR, 1, 1);

// The car/cdr steps of each c[ad]+r primitive, applied from the end of the name backwards.
const CXR_NAMES = ["caar", "cadr", "cdar", "cddr", "caddr", "cdddr", "cadddr", "caadr", "cdadr"];

/** eqv?: identity, and equal values for numbers of one exactness and characters. */
export function isEqv(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof Fixnum && b instanceof Fixnum) return a.value === b.value;
  if (a instanceof Flonum && b instanceof Flonum) return a.value === b.value;
  if (a instanceof Char && b instanceof Char) return a.code === b.code;
  return false;
}

/** equal?: structural equality of pairs, vectors and strings, else eqv?. */
export function isEqual(a: Value, b: Value): boolean {
  let x = a;
  let y = b;
  // Loop along the cdrs so long lists do not recurse deeply.
  while (x instanceof Pair && y instanceof Pair) {
    if (!isEqual(x.car, y.car)) return false;
    x = x.cdr;
    y = y.cdr;
  }
  if (x instanceof MString && y instanceof MString) return x.text === y.text;
  if (x instanceof Vector && y instanceof Vector) {
    if (x.items.length !== y.items.length) return false;
    for (let i = 0; i < x.items.length; i++) {
      if (!isEqual(x.items[i], y.items[i])) return false;
    }
    return true;
  }
  return isEqv(x, y);
}

/** The length of a proper list, or -1. */
export function listLength(v: Value): int {
  let n = 0;
  let p = v;
  while (p instanceof Pair) {
    n++;
    p = p.cdr;
  }
  return p === NIL ? n : -1;
}

function member(rt: Runtime, id: int, x: Value, list: Value): Value {
  let p = list;
  while (p instanceof Pair) {
    if (id === P_MEMQ ? p.car === x || isEqv(p.car, x) : id === P_MEMV ? isEqv(p.car, x) : isEqual(p.car, x)) return p;
    p = p.cdr;
  }
  if (p !== NIL) return rt.wrongType(id === P_MEMQ ? "memq" : id === P_MEMV ? "memv" : "member", "a proper list", list);
  return FALSE;
}

function assoc(rt: Runtime, id: int, x: Value, list: Value): Value {
  const name = id === P_ASSQ ? "assq" : id === P_ASSV ? "assv" : "assoc";
  let p = list;
  while (p instanceof Pair) {
    const entry = p.car;
    if (!(entry instanceof Pair)) return rt.wrongType(name, "a list of pairs", list);
    if (id === P_ASSOC ? isEqual(entry.car, x) : isEqv(entry.car, x)) return entry;
    p = p.cdr;
  }
  if (p !== NIL) return rt.wrongType(name, "a proper list", list);
  return FALSE;
}

function append(rt: Runtime, base: int, argc: int): Value {
  if (argc === 0) return NIL;
  let result = rt.arg(base, argc - 1);
  for (let i = argc - 2; i >= 0; i--) {
    const items: Value[] = [];
    let p = rt.arg(base, i);
    while (p instanceof Pair) {
      items.push(p.car);
      p = p.cdr;
    }
    if (p !== NIL) return rt.wrongType("append", "a proper list", rt.arg(base, i));
    for (let k = items.length - 1; k >= 0; k--) result = new Pair(items[k], result);
  }
  return result;
}

function listTail(rt: Runtime, name: string, list: Value, k: Value): Value {
  if (!(k instanceof Fixnum) || k.value < 0) return rt.wrongType(name, "a non-negative index", k);
  let p = list;
  for (let i = 0; i < k.value; i++) {
    if (!(p instanceof Pair)) return rt.fail(`${name}: index ${k.value} out of range for ${listLength(list) >= 0 ? "a list of length " + `${listLength(list)}` : "an improper list"}`);
    p = p.cdr;
  }
  return p;
}

function cxr(rt: Runtime, id: int, v: Value): Value {
  const name = CXR_NAMES[id - P_CAAR];
  let p = v;
  for (let i = name.length - 2; i >= 1; i--) {
    if (!(p instanceof Pair)) return rt.wrongType(name, "a pair in the path", v);
    p = name.charCodeAt(i) === 97 ? p.car : p.cdr;
  }
  return p;
}

/** Runs list primitive `id` on the argc arguments at stack[base...]. */
export function listPrimitive(rt: Runtime, id: int, base: int, argc: int): Value {
  const a = argc > 0 ? rt.arg(base, 0) : NIL;
  switch (id) {
    case P_CONS:
      return new Pair(a, rt.arg(base, 1));
    case P_CAR:
      if (a instanceof Pair) return a.car;
      return rt.wrongType("car", "a pair", a);
    case P_CDR:
      if (a instanceof Pair) return a.cdr;
      return rt.wrongType("cdr", "a pair", a);
    case P_SET_CAR:
      if (!(a instanceof Pair)) return rt.wrongType("set-car!", "a pair", a);
      a.car = rt.arg(base, 1);
      return UNSPECIFIED;
    case P_SET_CDR:
      if (!(a instanceof Pair)) return rt.wrongType("set-cdr!", "a pair", a);
      a.cdr = rt.arg(base, 1);
      return UNSPECIFIED;
    case P_LIST: {
      let result: Value = NIL;
      for (let i = argc - 1; i >= 0; i--) result = new Pair(rt.arg(base, i), result);
      return result;
    }
    case P_LENGTH: {
      const n = listLength(a);
      if (n < 0) return rt.wrongType("length", "a proper list", a);
      return fixnum(n);
    }
    case P_APPEND:
      return append(rt, base, argc);
    case P_REVERSE: {
      let result: Value = NIL;
      let p = a;
      while (p instanceof Pair) {
        result = new Pair(p.car, result);
        p = p.cdr;
      }
      if (p !== NIL) return rt.wrongType("reverse", "a proper list", a);
      return result;
    }
    case P_LIST_TAIL:
      return listTail(rt, "list-tail", a, rt.arg(base, 1));
    case P_LIST_REF: {
      const p = listTail(rt, "list-ref", a, rt.arg(base, 1));
      if (rt.failed) return p;
      if (!(p instanceof Pair)) return rt.fail(`list-ref: index ${(rt.arg(base, 1) as Fixnum).value} out of range`);
      return p.car;
    }
    case P_MEMQ:
    case P_MEMV:
    case P_MEMBER:
      return member(rt, id, a, rt.arg(base, 1));
    case P_ASSQ:
    case P_ASSV:
    case P_ASSOC:
      return assoc(rt, id, a, rt.arg(base, 1));
    case P_NULLP:
      return bool(a === NIL);
    case P_PAIRP:
      return bool(a instanceof Pair);
    case P_LISTP:
      return bool(listLength(a) >= 0);
    case P_EQ:
      return bool(isEqv(a, rt.arg(base, 1)));
    case P_EQV:
      return bool(isEqv(a, rt.arg(base, 1)));
    case P_EQUAL:
      return bool(isEqual(a, rt.arg(base, 1)));
    case P_NOT:
      return bool(a === FALSE);
    case P_BOOLEANP:
      return bool(a instanceof Bool);
    case P_SYMBOLP:
      return bool(a instanceof Sym);
    case P_PROCEDUREP:
      return bool(a instanceof Closure || a instanceof Primitive);
    case P_SYMBOL_TO_STRING:
      if (a instanceof Sym) return new MString(a.name);
      return rt.wrongType("symbol->string", "a symbol", a);
    case P_STRING_TO_SYMBOL:
      if (a instanceof MString) return intern(a.text);
      return rt.wrongType("string->symbol", "a string", a);
    case P_LAST_PAIR: {
      if (!(a instanceof Pair)) return rt.wrongType("last-pair", "a pair", a);
      let p: Pair = a;
      while (p.cdr instanceof Pair) p = p.cdr as Pair;
      return p;
    }
    case P_LIST_COPY: {
      const items: Value[] = [];
      let p = a;
      while (p instanceof Pair) {
        items.push(p.car);
        p = p.cdr;
      }
      let result = p;
      for (let i = items.length - 1; i >= 0; i--) result = new Pair(items[i], result);
      return result;
    }
    default:
      return cxr(rt, id, a);
  }
}
