// Scheme values: one class per kind, all under Value. The interpreter tells kinds apart with
// instanceof (a type-id range check once translated). Booleans, the empty list and the
// unspecified value are singletons, symbols are interned (one Sym per name), so eq? on them
// is identity.
import type { int, float } from "../../rlib/types.ts";
import { quasiImmutable } from "../../rlib/jit.ts";

export abstract class Value {}

/** An exact integer, kept within ±(2^53 - 1) so it means the same untranslated and translated. */
export class Fixnum extends Value {
  readonly value: int;
  constructor(value: int) {
    super();
    this.value = value;
  }
}

export class Flonum extends Value {
  readonly value: float;
  constructor(value: float) {
    super();
    this.value = value;
  }
}

export class Bool extends Value {
  readonly value: boolean;
  constructor(value: boolean) {
    super();
    this.value = value;
  }
}

export class EmptyList extends Value {}

/** The value of expressions whose value is unspecified (set!, display, one-armed if...). */
export class Unspecified extends Value {}

/** What a global cell holds before its first define. Never a value a program can see. */
export class Unbound extends Value {}

/** A character: one UTF-16 code unit. */
export class Char extends Value {
  readonly code: int;
  constructor(code: int) {
    super();
    this.code = code;
  }
}

/** A mutable string (string-set! replaces the text). */
export class MString extends Value {
  text: string;
  constructor(text: string) {
    super();
    this.text = text;
  }
}

/** An interned symbol; `value` is its global cell (Unbound until defined), `builtin` the
 *  primitive the name starts bound to (Unbound for other names): the compiler and the
 *  interpreter use it to run built-ins directly while the global still holds them. */
export class Sym extends Value {
  readonly name: string;
  value: Value;
  builtin: Value;
  constructor(name: string) {
    super();
    this.name = name;
    this.value = UNBOUND;
    this.builtin = UNBOUND;
  }
}

// A global is defined once and then read on every call of it, written again only by set!
// or a redefinition: a trace reads the cells of the globals it uses as constants, and a
// write invalidates the traces that did.
quasiImmutable(Sym, "value", "builtin");

export class Pair extends Value {
  car: Value;
  cdr: Value;
  constructor(car: Value, cdr: Value) {
    super();
    this.car = car;
    this.cdr = cdr;
  }
}

export class Vector extends Value {
  readonly items: Value[];
  constructor(items: Value[]) {
    super();
    this.items = items;
  }
}

/** A built-in procedure: `id` selects its implementation (primitives.ts), arity is checked
 *  by the interpreter before the call (maxArgs -1: any number). */
export class Primitive extends Value {
  readonly id: int;
  readonly name: string;
  readonly minArgs: int;
  readonly maxArgs: int;
  constructor(id: int, name: string, minArgs: int, maxArgs: int) {
    super();
    this.id = id;
    this.name = name;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
  }
}

/** The compiled form of one lambda: bytecode, constants, nested lambdas, the source
 *  expressions that errors name, and the size of its environment frame. */
export class Code {
  readonly name: string;
  readonly ops: Int32Array;
  readonly consts: Value[];
  /** The symbols whose global cells the code reads or writes. */
  readonly syms: Sym[];
  readonly codes: Code[];
  /** exprs[i]: the source of call site i, shown in error messages. */
  readonly exprs: Value[];
  readonly nparams: int;
  /** True when arguments past nparams are collected in a list (a rest parameter). */
  readonly rest: boolean;
  /** Slots of the environment frame: parameters first, then every local the body binds. */
  readonly nslots: int;
  constructor(name: string, ops: Int32Array, consts: Value[], syms: Sym[], codes: Code[], exprs: Value[], nparams: int, rest: boolean, nslots: int) {
    this.name = name;
    this.ops = ops;
    this.consts = consts;
    this.syms = syms;
    this.codes = codes;
    this.exprs = exprs;
    this.nparams = nparams;
    this.rest = rest;
    this.nslots = nslots;
  }
}

/** One environment frame: the slots of one lambda invocation and the frame it was closed in.
 *  The first four slots are fields, so most frames are one object (a call allocates little);
 *  the slots from the fifth on are in `more`. */
/** The slots of an Env past the four it holds in fields. */
function moreSlots(nslots: int): Value[] {
  const more: Value[] = [];
  for (let i = 4; i < nslots; i++) more.push(UNSPECIFIED);
  return more;
}

export class Env {
  s0: Value = UNSPECIFIED;
  s1: Value = UNSPECIFIED;
  s2: Value = UNSPECIFIED;
  s3: Value = UNSPECIFIED;
  readonly more: Value[] | null;
  readonly parent: Env | null;
  constructor(nslots: int, parent: Env | null) {
    this.parent = parent;
    // (The loop is in a function of its own: the JIT traces into a constructor without one,
    // and the Env of a procedure with few locals is then not allocated in a loop's trace.)
    this.more = nslots <= 4 ? null : moreSlots(nslots);
  }

  get(slot: int): Value {
    switch (slot) {
      case 0:
        return this.s0;
      case 1:
        return this.s1;
      case 2:
        return this.s2;
      case 3:
        return this.s3;
      default:
        return this.more![slot - 4];
    }
  }

  set(slot: int, v: Value): void {
    switch (slot) {
      case 0:
        this.s0 = v;
        break;
      case 1:
        this.s1 = v;
        break;
      case 2:
        this.s2 = v;
        break;
      case 3:
        this.s3 = v;
        break;
      default:
        this.more![slot - 4] = v;
    }
  }
}

export class Closure extends Value {
  readonly code: Code;
  readonly env: Env | null;
  constructor(code: Code, env: Env | null) {
    super();
    this.code = code;
    this.env = env;
  }
}

export const TRUE = new Bool(true);
export const FALSE = new Bool(false);
export const NIL = new EmptyList();
export const UNSPECIFIED = new Unspecified();
export const UNBOUND = new Unbound();

export function bool(b: boolean): Value {
  return b ? TRUE : FALSE;
}

/** Exact integers beyond this magnitude are an error (see README: no bignums). */
export const FIXNUM_MAX = 9007199254740991;

// Small integers are shared: loops over indices and counters allocate nothing.
const SMALL_MIN = -128;
const SMALL_MAX = 1023;
class SmallInts {
  readonly items: Fixnum[] = [];
}
const smallInts = new SmallInts();
for (let i = SMALL_MIN; i <= SMALL_MAX; i++) smallInts.items.push(new Fixnum(i));

export function fixnum(n: int): Fixnum {
  if (n >= SMALL_MIN && n <= SMALL_MAX) return smallInts.items[n - SMALL_MIN];
  return new Fixnum(n);
}

// ---- The symbol table: interned symbols by name, in hash buckets.

const BUCKETS = 1024;

class SymbolTable {
  readonly buckets: Sym[][] = [];
  constructor() {
    for (let i = 0; i < BUCKETS; i++) this.buckets.push([]);
  }
}

const symbols = new SymbolTable();

function hashName(name: string): int {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) & 0xffffff;
  return h & (BUCKETS - 1);
}

/** The one symbol with this name. */
export function intern(name: string): Sym {
  const bucket = symbols.buckets[hashName(name)];
  for (let i = 0; i < bucket.length; i++) {
    if (bucket[i].name === name) return bucket[i];
  }
  const sym = new Sym(name);
  bucket.push(sym);
  return sym;
}

export function list2(a: Value, b: Value): Value {
  return new Pair(a, new Pair(b, NIL));
}

/** The elements of a proper list as an array, or null when `v` is not a proper list. */
export function listToArray(v: Value): Value[] | null {
  const items: Value[] = [];
  let p = v;
  while (p instanceof Pair) {
    items.push(p.car);
    p = p.cdr;
  }
  if (p !== NIL) return null;
  return items;
}

export function arrayToList(items: Value[], from: int): Value {
  let result: Value = NIL;
  for (let i = items.length - 1; i >= from; i--) result = new Pair(items[i], result);
  return result;
}
