// Vector, output and control primitives (ids 300-399). `apply` is one of them by name only:
// it calls a procedure, so the interpreter loop runs it (see vm.ts).
import type { int } from "../../rlib/types.ts";
import { Value, Fixnum, Vector, Pair, MString, Char, NIL, FALSE, UNSPECIFIED, bool, fixnum, arrayToList } from "./values.ts";
import { Runtime } from "./runtime.ts";
import { definePrimitive } from "./registry.ts";
import { printValue, toWriteString } from "./printer.ts";

const P_VECTORP = 300;
const P_MAKE_VECTOR = 301;
const P_VECTOR = 302;
const P_VECTOR_LENGTH = 303;
const P_VECTOR_REF = 304;
const P_VECTOR_SET = 305;
const P_VECTOR_TO_LIST = 306;
const P_LIST_TO_VECTOR = 307;
const P_VECTOR_FILL = 308;
const P_VECTOR_COPY = 309;
const P_DISPLAY = 310;
const P_WRITE = 311;
const P_NEWLINE = 312;
const P_WRITE_CHAR = 313;
const P_WRITE_STRING = 314;
const P_ERROR = 315;
const P_EXIT = 316;
export const P_APPLY = 317;

definePrimitive("vector?", P_VECTORP, 1, 1);
definePrimitive("make-vector", P_MAKE_VECTOR, 1, 2);
definePrimitive("vector", P_VECTOR, 0, -1);
definePrimitive("vector-length", P_VECTOR_LENGTH, 1, 1);
definePrimitive("vector-ref", P_VECTOR_REF, 2, 2);
definePrimitive("vector-set!", P_VECTOR_SET, 3, 3);
definePrimitive("vector->list", P_VECTOR_TO_LIST, 1, 1);
export const PRIM_LIST_TO_VECTOR = definePrimitive("list->vector", P_LIST_TO_VECTOR, 1, 1);
definePrimitive("vector-fill!", P_VECTOR_FILL, 2, 2);
definePrimitive("vector-copy", P_VECTOR_COPY, 1, 1);
// The optional port argument of the output procedures is accepted and ignored: all output
// goes to standard output.
definePrimitive("display", P_DISPLAY, 1, 2);
definePrimitive("write", P_WRITE, 1, 2);
definePrimitive("newline", P_NEWLINE, 0, 1);
definePrimitive("write-char", P_WRITE_CHAR, 1, 2);
definePrimitive("write-string", P_WRITE_STRING, 1, 2);
definePrimitive("error", P_ERROR, 0, -1);
definePrimitive("exit", P_EXIT, 0, 1);
definePrimitive("apply", P_APPLY, 1, -1);

function vectorIndex(rt: Runtime, name: string, v: Vector, k: Value): int {
  if (k instanceof Fixnum && k.value >= 0 && k.value < v.items.length) return k.value;
  if (k instanceof Fixnum) rt.fail(`${name}: index ${k.value} out of range for a vector of length ${v.items.length}`);
  else rt.wrongType(name, "an index", k);
  return -1;
}

/** The message of (error msg irritant ...): the message displayed, the irritants written. */
function errorMessage(rt: Runtime, base: int, argc: int): string {
  const out: string[] = [];
  for (let i = 0; i < argc; i++) {
    if (i > 0) out.push(" ");
    printValue(rt.arg(base, i), i > 0, out);
  }
  return out.join("");
}

/** Runs vector, output or control primitive `id` on the argc arguments at stack[base...]. */
export function miscPrimitive(rt: Runtime, id: int, base: int, argc: int): Value {
  const a = argc > 0 ? rt.arg(base, 0) : NIL;
  switch (id) {
    case P_VECTORP:
      return bool(a instanceof Vector);
    case P_MAKE_VECTOR: {
      if (!(a instanceof Fixnum) || a.value < 0) return rt.wrongType("make-vector", "a non-negative length", a);
      const fill = argc > 1 ? rt.arg(base, 1) : FALSE;
      const items: Value[] = [];
      for (let i = 0; i < a.value; i++) items.push(fill);
      return new Vector(items);
    }
    case P_VECTOR: {
      const items: Value[] = [];
      for (let i = 0; i < argc; i++) items.push(rt.arg(base, i));
      return new Vector(items);
    }
    case P_VECTOR_LENGTH:
      if (a instanceof Vector) return fixnum(a.items.length);
      return rt.wrongType("vector-length", "a vector", a);
    case P_VECTOR_REF: {
      if (!(a instanceof Vector)) return rt.wrongType("vector-ref", "a vector", a);
      const i = vectorIndex(rt, "vector-ref", a, rt.arg(base, 1));
      return i < 0 ? FALSE : a.items[i];
    }
    case P_VECTOR_SET: {
      if (!(a instanceof Vector)) return rt.wrongType("vector-set!", "a vector", a);
      const i = vectorIndex(rt, "vector-set!", a, rt.arg(base, 1));
      if (i >= 0) a.items[i] = rt.arg(base, 2);
      return UNSPECIFIED;
    }
    case P_VECTOR_TO_LIST: {
      if (!(a instanceof Vector)) return rt.wrongType("vector->list", "a vector", a);
      return arrayToList(a.items, 0);
    }
    case P_LIST_TO_VECTOR: {
      const items: Value[] = [];
      let p = a;
      while (p instanceof Pair) {
        items.push(p.car);
        p = p.cdr;
      }
      if (p !== NIL) return rt.wrongType("list->vector", "a proper list", a);
      return new Vector(items);
    }
    case P_VECTOR_FILL: {
      if (!(a instanceof Vector)) return rt.wrongType("vector-fill!", "a vector", a);
      for (let i = 0; i < a.items.length; i++) a.items[i] = rt.arg(base, 1);
      return UNSPECIFIED;
    }
    case P_VECTOR_COPY: {
      if (!(a instanceof Vector)) return rt.wrongType("vector-copy", "a vector", a);
      const items: Value[] = [];
      for (let i = 0; i < a.items.length; i++) items.push(a.items[i]);
      return new Vector(items);
    }
    case P_DISPLAY:
    case P_WRITE: {
      const out: string[] = [];
      printValue(a, id === P_WRITE, out);
      rt.print(out.join(""));
      return UNSPECIFIED;
    }
    case P_NEWLINE:
      rt.print("\n");
      return UNSPECIFIED;
    case P_WRITE_CHAR:
      if (!(a instanceof Char)) return rt.wrongType("write-char", "a character", a);
      rt.print(String.fromCharCode(a.code));
      return UNSPECIFIED;
    case P_WRITE_STRING:
      if (!(a instanceof MString)) return rt.wrongType("write-string", "a string", a);
      rt.print(a.text);
      return UNSPECIFIED;
    case P_ERROR:
      return rt.fail(errorMessage(rt, base, argc));
    case P_EXIT: {
      let code = 0;
      if (a instanceof Fixnum) code = a.value & 255;
      else if (a === FALSE) code = 1;
      rt.exitCode = code;
      return rt.fail("exit");
    }
    default:
      // apply is run by the interpreter loop, never here.
      return rt.fail(`internal error: primitive ${id} applied to ${toWriteString(a)}`);
  }
}
