// Random RTS programs for the fuzz differential test (tests/fuzz.test.ts).
//
// `caseArb` is a fast-check Arbitrary of one "case": a top-level `function case__ID__(): void`
// (plus the small helper functions it calls) that computes with numbers, booleans and strings
// (some declared in pairs by destructuring a `[number, string]` tuple) and prints what it
// computes with console.log; some statements are wrapped in a closure
// (an arrow function, a nested function or an immediately called arrow) called once on the
// spot, so that captures, cells and calls through function values are exercised too.
// `programSource` puts a batch of cases into one program whose `main` calls them in turn and
// prints "--" after each one.
//
// Every generated program is valid TypeScript under `strict` and runs untranslated without
// throwing; it also keeps to the RTS rules where RTS deliberately differs from JS, so that the
// untranslated output is the specification of the translated one:
//
// * No value the translator may hold in an i64 ever leaves +-2^53. Every numeric expression
//   carries a static bound on its magnitude (`bound`, NaN ignored): variables get a fixed cap
//   when they are declared, and every update is checked against it, counting how often a loop
//   can repeat it (`base + inc <= cap`, see NumVar). An arithmetic operation whose bound is
//   beyond 2^53 is only generated when its result is `p`: either a constant the translator
//   folds exactly, or certainly a float (one operand is always a float, e.g. a float literal).
//   So 1e21, 1e300, Infinity and NaN flow freely through float arithmetic, bitwise operators,
//   comparisons and printing, and `let g = 1e21; ... g *= 1.5` in a loop is fine, but `g + 1`
//   is never generated when g may be huge.
// * `**` only on a base the translator types as an integer without -0 (`ci`), with a literal
//   exponent 0..8 and a result below 2^53.
// * charCodeAt/charAt indexes are always in range (strings track a minimum length) and
//   String.fromCharCode only makes printable BMP characters (no surrogates, no '%').
// * Loops run at most 10 times each (nesting multiplies to at most 100) and always terminate.
// * Exceptions: a helper may throw an Error on a condition, and a case may throw inside a try;
//   a call of a helper that may throw, or a throw, is only generated where a catch clause (or
//   the helper's caller) takes it, so no exception leaves a case. A throw may skip any
//   statement of a try block, so the variables declared outside a try are read-only in it
//   (an assignment that resets a bound could be skipped).
//
// TypeScript itself rejects a few things the generator steers around: === / !== between types
// with no overlap (`x === 5` inside `if (x === 6)`, `(c ? 1 : 2) === 3`, `x === NaN`): no
// equality with a literal-typed operand (`syn`, `lit`); "always truthy" conditions (TS2872):
// no literal where truthiness is tested; narrowed boolean variables (`let b = x` inside
// `if (x)` has type `true`): boolean declarations are annotated `boolean`; circular inference
// in loops (TS7022): declarations in loops are annotated; `f < x > (y)` parsed as a generic
// call: see `compare`.
import fc from "fast-check";

/** Largest magnitude an integer may reach (the translator's ints agree with JS below it). */
const LIMIT = Number.MAX_SAFE_INTEGER;
const INF = Infinity;
/** Placeholder for the case number in generated names (case__ID__, h__ID__x0). */
export const ID = "__ID__";

// ---- randomness -------------------------------------------------------------------------

const RAW = () => fc.noBias(fc.nat({ max: 0x7fffffff }));

/** The random choices of a generator (gendata.ts's too). */
export class Rand {
  constructor(private g: fc.GeneratorValue) {}
  /** 0 <= result < n */
  int(n: number): number {
    n = Math.floor(n);
    return n <= 1 ? 0 : this.g(RAW) % n;
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.int(1_000_000) < p * 1_000_000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const live = items.filter(([w]) => w > 0);
    let total = 0;
    for (const [w] of live) total += w;
    let x = this.int(Math.round(total * 1000)) / 1000;
    for (const [w, v] of live) {
      if (x < w) return v;
      x -= w;
    }
    return live[live.length - 1][1];
  }
}

// ---- expressions ------------------------------------------------------------------------

interface Num {
  src: string;
  /** |value| <= bound (NaN ignored). */
  bound: number;
  /** Certainly an integer without -0 for the translator (may be the base of `**`). */
  ci: boolean;
  /** A constant the translator folds exactly, or certainly a float: safe to be huge. */
  p: boolean;
  /** Always a float for the translator (float literals, NaN, Infinity...). */
  af: boolean;
  /** The value when the expression is a bare literal. */
  lit: number | null;
  /** A literal, or ?: between such: TypeScript rejects it where truthiness is tested. */
  syn: boolean;
  ident: boolean;
}

interface Str {
  src: string;
  minLen: number;
  maxLen: number;
  lit: boolean;
  ident: boolean;
}

interface Bool {
  src: string;
  lit: boolean;
  /** A comparison: TypeScript types it `boolean`, never a narrowed literal type. */
  cmp: boolean;
}

/** Longest string a number converts to ("-0.0000012345678901234567", "-1.7976931348623157e+308"). */
const NUM_STR = 26;

const FLOAT_LITERALS: readonly (readonly [string, number])[] = [
  ["0.1", 0.1], ["0.5", 0.5], ["1.5", 1.5], ["2.5", 2.5], ["0.25", 0.25], ["0.3", 0.3], ["1e-7", 1e-7],
  ["(-0)", -0], ["(-0)", -0], ["(-1.5)", -1.5], ["3.75", 3.75], ["123.456", 123.456], ["(-2.5)", -2.5],
  ["1e21", 1e21], ["1e300", 1e300], ["5e-324", 5e-324], ["1e16", 1e16], ["(-1e21)", -1e21],
  ["(0 / 0)", NaN], ["(1 / 0)", Infinity], ["(-1 / 0)", -Infinity], ["NaN", NaN], ["Infinity", Infinity],
  ["4.35", 4.35], ["1.0000000000000002", 1.0000000000000002], ["9007199254740993.5", 9007199254740993.5],
  ["1.7976931348623157e308", 1.7976931348623157e308], ["2.2250738585072014e-308", 2.2250738585072014e-308],
  ["999999999999999900000", 999999999999999900000], ["1e-6", 1e-6], ["0.000001234", 0.000001234],
  ["123456789012345680000", 123456789012345680000], ["4294967296.5", 4294967296.5], ["2147483647.5", 2147483647.5],
  ["(-2147483648.5)", -2147483648.5], ["0.30000000000000004", 0.30000000000000004], ["1e22", 1e22], [".5", 0.5], ["5e-7", 5e-7],
];

const ALPHABET = "abcdefxyzABCXYZ0123456789 _-+.,:;!?#()[]<>=*/&|^~@éüßλΩ中€";
/** Printable BMP ranges for String.fromCharCode(base + (x & mask)). */
const CHAR_RANGES: readonly (readonly [number, number])[] = [
  [97, 15], [65, 15], [48, 7], [0x3b1, 15], [0x4e00, 255], [0xe0, 15],
];

const mulB = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a * b);
const isPosInt = (e: Num) => e.lit !== null && e.lit > 0 && Number.isInteger(e.lit);
const wellFormed = (e: Num) => e.bound <= LIMIT || e.p;
/** The translator folds or floats the result of an arithmetic operation on a and b. */
const pOf = (a: Num, b: Num) => a.af || b.af || (a.p && b.p);

/**
 * `a op b` in a statement written in direction `dir`. TypeScript reads `f < x > (y)` as a
 * generic call `f<x>(y)` (also with `<<` in place of `<`), so a statement never has both: in a
 * "<" statement `a > b` is written `b < a` (`>>` and `>>>` never end type arguments); in a ">"
 * statement `a < b` is written `b > a` and there is no `<<`.
 */
function compare(dir: "<" | ">", a: string, op: string, b: string): string {
  if (dir === "<" && op === ">") return `(${b} < ${a})`;
  if (dir === "<" && op === ">=") return `(${b} <= ${a})`;
  if (dir === ">" && op === "<") return `(${b} > ${a})`;
  if (dir === ">" && op === "<=") return `(${b} >= ${a})`;
  return `(${a} ${op} ${b})`;
}

function numE(src: string, bound: number, more: Partial<Num> = {}): Num {
  return { src, bound, ci: false, p: false, af: false, lit: null, ident: false, ...more, syn: more.syn ?? (more.lit !== undefined && more.lit !== null) };
}

// ---- variables --------------------------------------------------------------------------

/**
 * A number variable. `cap` bounds its magnitude forever (reads use it). Updates keep
 * `base + inc <= cap`: `base` bounds what plain assignments store, `inc` the total that
 * increments (`+=`, `++`) can add, each counted times the iterations of the loops between
 * the declaration and the update.
 */
interface NumVar {
  t: "num";
  name: string;
  cap: number;
  ci: boolean;
  base: number;
  inc: number;
  /** Loop depth at the declaration. */
  depth: number;
  ro: boolean;
  /** Loop counters: never negative. */
  nonneg?: boolean;
}

interface StrVar {
  t: "str";
  name: string;
  cap: number;
  minLen: number;
  base: number;
  inc: number;
  depth: number;
  ro: boolean;
}

interface BoolVar {
  t: "bool";
  name: string;
  depth: number;
  ro: boolean;
}

type Var = NumVar | StrVar | BoolVar;

interface Helper {
  name: string;
  params: { cap: number; ci: boolean }[];
  retCap: number;
  retCi: boolean;
  /** Most lines one call can print. */
  printCost: number;
  /** It may throw an Error (callers must be inside a try with a catch clause). */
  mayThrow: boolean;
}

interface Loop {
  mult: number;
  label: string;
  labelUsed: boolean;
}

const MAX_LOOP_MULT = 100;
const PRINT_BUDGET = 120;

// ---- the generator ----------------------------------------------------------------------

class Gen {
  scopes: Var[][] = [[]];
  loops: Loop[] = [];
  lines: string[] = [];
  ind = 1;
  printCost = 0;
  /** Inside a loop condition: no side effects, no calls. */
  pure = false;
  /** Depth of the expressions of a statement (varies from case to case). */
  ed = 3;
  /** The comparison direction of the statement being generated (see `compare`). */
  dir: "<" | ">" = "<";
  /** Generating a helper: a throw leaves it, to its caller. */
  inHelper = false;
  /** How many try blocks with a catch clause enclose the statement. */
  catchDepth = 0;
  /** Whether the code may throw (a throw, or a call of a helper that may throw). */
  throws = false;
  /** Variables declared outside an enclosing try block: read-only. */
  private frozen = new Set<Var>();
  /** The loops that break/continue may target start here (not across a closure's body). */
  loopFloor = 0;

  constructor(
    public r: Rand,
    public helpers: Helper[],
    private names: { n: number },
  ) {}

  fresh(prefix: string): string {
    return `${prefix}${this.names.n++}`;
  }

  vars(): Var[] {
    return this.scopes.flat();
  }

  writable(v: Var): boolean {
    return !v.ro && !this.frozen.has(v);
  }

  /** Whether a throw here is caught (by a catch clause of this case, or by a helper's caller). */
  mayThrowHere(): boolean {
    return this.inHelper || this.catchDepth > 0;
  }

  mult(depth: number): number {
    let m = 1;
    for (let i = depth; i < this.loops.length; i++) m *= this.loops[i].mult;
    return m;
  }

  emit(line: string): void {
    this.lines.push("  ".repeat(this.ind) + line);
  }

  declare(v: Var): void {
    this.scopes[this.scopes.length - 1].push(v);
  }

  // -- numbers

  num(d: number, B: number, ci = false): Num {
    if (!(B >= 0)) B = 0; // rounding in the budget arithmetic
    if (d <= 0 || this.r.chance(0.22)) return this.numLeaf(B, ci);
    for (let t = 0; t < 6; t++) {
      const e = this.numForm(d, B, ci);
      if (e && e.bound <= B && (!ci || e.ci) && wellFormed(e)) return e;
    }
    return this.numLeaf(B, ci);
  }

  numLeaf(B: number, ci: boolean): Num {
    const vs = this.vars().filter((v): v is NumVar => v.t === "num" && v.cap <= B && (!ci || v.ci));
    const kind = this.r.weighted([
      [vs.length ? 9 : 0, "var"],
      [3, "int"],
      [ci ? 0 : 2, "float"],
    ] as const);
    if (kind === "var") {
      const v = this.r.pick(vs);
      return numE(v.name, v.cap, { ci: v.ci, ident: true });
    }
    if (kind === "float") {
      for (let t = 0; t < 4; t++) {
        const e = this.floatLit(B);
        if (e) return e;
      }
      const fs = FLOAT_LITERALS.filter(([, x]) => (Number.isNaN(x) ? 0 : Math.abs(x)) <= B);
      const [src, x] = this.r.pick(fs);
      return numE(src, Number.isNaN(x) ? 0 : Math.abs(x), { p: true, af: true, lit: x });
    }
    return this.intLit(B);
  }

  intLit(B: number, nonneg = false): Num {
    const max = Math.max(0, Math.min(Math.floor(B), 1000));
    let v = this.r.weighted([
      [4, () => this.r.int(Math.min(max, 10) + 1)],
      [3, () => this.r.int(max + 1)],
      [2, () => this.r.pick([0, 1, 2, 3, 7, 10, 100, 255, 256, 1000].filter((x) => x <= max))],
    ] as const)();
    if (!nonneg && this.r.chance(0.3)) v = -v;
    if (Object.is(v, -0)) v = 0;
    const a = Math.abs(v);
    const spelled = this.r.weighted([
      [20, String(a)],
      [1, `0x${a.toString(16)}`],
      [1, `0X${a.toString(16).toUpperCase()}`],
      [1, `0b${a.toString(2)}`],
      [1, `0o${a.toString(8)}`],
      [a >= 1000 ? 2 : 0, String(a).replace(/(\d)(\d{3})$/, "$1_$2")],
    ] as const);
    return numE(v < 0 ? `(-${spelled})` : spelled, a, { ci: true, p: true, lit: v });
  }

  /** A float literal: a fixed list of interesting values, or random decimals and exponents. */
  floatLit(B: number): Num | null {
    const r = this.r;
    let src: string;
    let x: number;
    const k = r.weighted([[6, "list"], [2, "decimal"], [2, "exp"]] as const);
    if (k === "list") {
      [src, x] = r.pick(FLOAT_LITERALS);
    } else if (k === "decimal") {
      src = `${r.pick(["", "0", String(r.int(10)), String(r.int(100000))])}.${String(r.int(1000)).padStart(r.between(1, 4), "0")}`;
      x = Number(src);
    } else {
      src = `${1 + r.int(9)}${r.chance(0.5) ? "." + r.int(1000) : ""}${r.pick(["e", "E"])}${r.pick(["", "-", "+"])}${r.int(r.chance(0.2) ? 330 : 25)}`;
      x = Number(src);
    }
    if (r.chance(0.2) && !src.startsWith("(")) {
      src = `(-${src})`;
      x = -x;
    }
    const bound = Number.isNaN(x) ? 0 : Math.abs(x);
    if (bound > B) return null;
    const isInt = Number.isInteger(x) && Math.abs(x) <= 2 ** 53 && !Object.is(x, -0);
    return numE(src, bound, { p: true, af: !isInt, ci: false, lit: x });
  }

  /** A literal divisor d with |d| >= 1 (so that x / d is no bigger than x). */
  bigDivisor(): Num {
    const x = this.r.pick([1, 2, 3, 7, 10, 1000, -1, -2, -3, 1.5, 2.5, -2.5, 123.456, 1e21]);
    const src = x < 0 ? `(${x})` : String(x);
    return numE(src, Math.abs(x), Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? { ci: true, p: true, lit: x } : { p: true, af: true, lit: x });
  }

  numForm(d: number, B: number, ci: boolean): Num | null {
    const r = this.r;
    const hasStr = this.vars().some((v) => v.t === "str");
    const form = r.weighted([
      [5, "add"], [4, "sub"], [4, "mul"], [ci ? 0 : 3, "div"], [ci ? 0 : 3, "mod"], [2, "pow"],
      [ci ? 0 : 2, "neg"], [1, "pos"], [B >= 2 ** 32 ? 4 : 0, "bit"], [B < 2 ** 32 ? 2 : 0, "mask"], [B >= 2 ** 31 ? 1 : 0, "not"],
      [2, "cond"], [1, "or"], [this.pure ? 0 : this.helpers.length ? 3 : 0, "call"],
      [B >= 300 ? (hasStr ? 2 : 1) : 0, "len"], [B >= 65535 ? 2 : 0, "code"], [this.pure ? 0 : 1, "inc"],
    ] as const);
    const half = B === INF ? (r.chance(0.5) ? INF : LIMIT / 2) : B / 2;
    switch (form) {
      case "add":
      case "sub": {
        const a = this.num(d - 1, half, ci);
        const b = this.num(d - 1, half, ci);
        const op = form === "add" ? "+" : "-";
        return numE(`(${a.src} ${op} ${b.src})`, a.bound + b.bound, { ci: a.ci && b.ci, p: pOf(a, b) });
      }
      case "mul": {
        let a: Num, b: Num;
        if (ci) {
          b = this.intLit(Math.min(B, 1000), true);
          if (b.lit === 0) b = numE("1", 1, { ci: true, p: true, lit: 1 });
          a = this.num(d - 1, B / b.bound, true);
          if (r.chance(0.5)) [a, b] = [b, a];
        } else if (B === INF) {
          a = this.num(d - 1, r.chance(0.5) ? INF : 2 ** 26);
          b = this.num(d - 1, r.chance(0.5) ? INF : 2 ** 26);
        } else {
          const ba = Math.min(B, r.chance(0.5) ? Math.sqrt(B) : r.pick([1, 10, 1000]));
          a = this.num(d - 1, ba);
          b = this.num(d - 1, a.bound === 0 ? B : B / a.bound);
          if (r.chance(0.5)) [a, b] = [b, a];
        }
        const isCi = a.ci && b.ci && (isPosInt(a) || isPosInt(b));
        return numE(`(${a.src} * ${b.src})`, mulB(a.bound, b.bound), { ci: isCi, p: pOf(a, b) });
      }
      case "div": {
        let a: Num, b: Num;
        if (B === INF && r.chance(0.6)) {
          a = this.num(d - 1, INF);
          b = this.num(d - 1, INF);
        } else {
          b = this.bigDivisor();
          a = this.num(d - 1, B === INF ? INF : B * b.bound);
        }
        const bound = b.lit !== null && Math.abs(b.lit) >= 1 ? a.bound / Math.abs(b.lit) : INF;
        return numE(`(${a.src} / ${b.src})`, bound, { p: true });
      }
      case "mod": {
        const a = this.num(d - 1, r.chance(0.5) ? INF : B);
        const b = r.chance(0.4) ? (r.chance(0.8) ? this.intLit(B) : this.numLeaf(B, false)) : this.num(d - 1, B);
        return numE(`(${a.src} % ${b.src})`, Math.min(a.bound, b.bound), { p: pOf(a, b) });
      }
      case "pow": {
        const n = r.weighted([[2, 0], [3, 1], [5, 2], [4, 3], [2, 4], [1, 5], [1, 6], [1, 7], [1, 8]] as const);
        const lim = Math.min(B, LIMIT);
        const baseB = n === 0 ? LIMIT : Math.floor(Math.pow(lim, 1 / n) + 1e-9);
        const base = this.num(d - 1, baseB, true);
        const bound = n === 0 ? 1 : base.bound ** n;
        if (bound > lim) return null;
        return numE(`(${base.src} ** ${n})`, bound, { ci: true, p: base.p });
      }
      case "neg": {
        const a = this.num(d - 1, B);
        return numE(`(-${a.src})`, a.bound, { p: a.af, af: a.af, syn: a.syn });
      }
      case "pos": {
        const a = this.num(d - 1, B, ci);
        return numE(`(+${a.src})`, a.bound, { ci: a.ci, p: a.af, af: a.af, syn: a.syn });
      }
      case "bit": {
        const op = r.pick(["&", "|", "^", this.dir === "<" ? "<<" : "&", ">>", ">>>"]);
        const a = this.num(d - 1, INF);
        const shift = op === "<<" || op === ">>" || op === ">>>";
        const b = shift && r.chance(0.7) ? numE(String(r.int(40)), 40, { ci: true, p: true }) : this.num(d - 1, INF);
        const k = shift && /^\d+$/.test(b.src) ? Number(b.src) & 31 : null;
        let bound = 2 ** 31;
        if (op === ">>" && k !== null) bound = 2 ** (31 - k);
        if (op === ">>>") bound = k !== null && k > 0 ? 2 ** (32 - k) : 2 ** 32;
        if (op === "&" && b.lit !== null && b.lit >= 0 && b.lit < 2 ** 31) bound = b.lit;
        return numE(`(${a.src} ${op} ${b.src})`, bound, { ci: true });
      }
      case "mask": {
        const a = this.num(d - 1, INF);
        if (B >= 1 && r.chance(0.3)) {
          const lg = Math.floor(Math.log2(Math.min(B, 2 ** 31) + 1));
          const k = 32 - lg + r.int(3);
          if (k <= 31) return numE(`(${a.src} >>> ${k})`, 2 ** (32 - k), { ci: true });
        }
        const m = this.r.chance(0.5) ? this.r.pick([0, 1, 3, 7, 15, 31, 63, 127, 255, 1023].filter((x) => x <= B)) : this.r.int(Math.min(B, 2 ** 31 - 1) + 1);
        return numE(`(${a.src} & ${m})`, m, { ci: true });
      }
      case "not": {
        const a = this.num(d - 1, INF);
        return numE(`(~${a.src})`, 2 ** 31, { ci: true });
      }
      case "cond": {
        const c = this.cond(d - 1);
        const a = this.num(d - 1, B, ci);
        const b = this.num(d - 1, B, ci);
        return numE(`(${c.src} ? ${a.src} : ${b.src})`, Math.max(a.bound, b.bound), { ci: a.ci && b.ci, p: a.af && b.af, af: a.af && b.af, syn: a.syn && b.syn });
      }
      case "or": {
        const a = this.num(d - 1, B, ci);
        if (a.syn) return null;
        const b = this.num(d - 1, B, ci);
        const op = r.pick(["||", "&&"]);
        // TypeScript types `x && 0` as `0`
        return numE(`(${a.src} ${op} ${b.src})`, Math.max(a.bound, b.bound), { ci: a.ci && b.ci, p: a.af && b.af, af: a.af && b.af, syn: op === "&&" && b.syn });
      }
      case "call":
        return this.callExpr(d, B, ci);
      case "len": {
        const s = this.str(d - 1, Math.min(B, 300));
        return numE(`${s.src}.length`, s.maxLen, { ci: true });
      }
      case "code": {
        const s = this.str(d - 1, 300, 1);
        if (s.minLen < 1) return null;
        return numE(`${s.src}.charCodeAt(${this.index(d - 1, s.minLen)})`, 65535, { ci: true });
      }
      case "inc": {
        const vs = this.vars().filter(
          (v): v is NumVar => v.t === "num" && this.writable(v) && v.cap <= B && (!ci || v.ci) && v.cap !== INF && v.base + v.inc + this.mult(v.depth) <= v.cap,
        );
        if (!vs.length) return null;
        const v = r.pick(vs);
        v.inc += this.mult(v.depth);
        const op = r.pick(["++", "--"]);
        return numE(r.chance(0.5) ? `(${v.name}${op})` : `(${op}${v.name})`, v.cap, { ci: v.ci });
      }
    }
  }

  callExpr(d: number, B: number, ci: boolean): Num | null {
    const hs = this.helpers.filter((h) => h.retCap <= B && (!ci || h.retCi) && (!h.mayThrow || this.mayThrowHere()));
    if (!hs.length) return null;
    const h = this.r.pick(hs);
    if (this.printCost + this.mult(0) * h.printCost > PRINT_BUDGET) return null;
    this.printCost += this.mult(0) * h.printCost;
    if (h.mayThrow) this.throws = true;
    const args = h.params.map((p) => this.num(d - 1, p.cap, p.ci).src);
    return numE(`${h.name}(${args.join(", ")})`, h.retCap, { ci: h.retCi });
  }

  /** An index in [0, n). */
  index(d: number, n: number): string {
    const counters = this.vars().filter((v): v is NumVar => v.t === "num" && !!v.nonneg && v.cap < n);
    return this.r.weighted([
      [3, () => String(this.r.int(n))],
      [3, () => `(${this.num(d, INF).src} & 1023) % ${n}`],
      [counters.length ? 2 : 0, () => this.r.pick(counters).name],
    ] as const)();
  }

  // -- strings

  str(d: number, L: number, minWanted = 0): Str {
    if (d <= 0 || this.r.chance(0.25)) return this.strLeaf(L, minWanted);
    for (let t = 0; t < 5; t++) {
      const e = this.strForm(d, L);
      if (e && e.maxLen <= L && e.minLen >= minWanted) return e;
    }
    return this.strLeaf(L, minWanted);
  }

  strLit(len: number): Str {
    let s = "";
    for (let i = 0; i < len; i++) s += this.r.pick([...ALPHABET]);
    return { src: JSON.stringify(s), minLen: len, maxLen: len, lit: true, ident: false };
  }

  strLeaf(L: number, minWanted: number): Str {
    const vs = this.vars().filter((v): v is StrVar => v.t === "str" && v.cap <= L && v.minLen >= minWanted);
    if (vs.length && this.r.chance(0.6)) {
      const v = this.r.pick(vs);
      return { src: v.name, minLen: v.minLen, maxLen: v.cap, lit: false, ident: true };
    }
    const hi = Math.floor(Math.min(L, 6));
    return this.strLit(Math.min(hi, minWanted + this.r.int(Math.max(0, hi - minWanted) + 1)));
  }

  /** An operand of string concatenation or a template hole, of any type. */
  anyPart(d: number, L: number): Str {
    const k = this.r.weighted([[4, "str"], [L >= NUM_STR ? 4 : 0, "num"], [L >= 5 ? 2 : 0, "bool"]] as const);
    if (k === "num") return { src: this.num(d, INF).src, minLen: 1, maxLen: NUM_STR, lit: false, ident: false };
    if (k === "bool") return { src: this.bool(d, true).src, minLen: 4, maxLen: 5, lit: false, ident: false };
    return this.str(d, L);
  }

  strForm(d: number, L: number): Str | null {
    const r = this.r;
    const form = r.weighted([
      [5, "concat"], [3, "template"], [2, "fromCharCode"], [2, "charAt"], [1, "cond"], [1, "or"],
    ] as const);
    switch (form) {
      case "concat": {
        let a = this.str(d - 1, L / 2);
        let b = this.anyPart(d - 1, L - a.maxLen);
        if (r.chance(0.5)) [a, b] = [b, a];
        return { src: `(${a.src} + ${b.src})`, minLen: a.minLen + b.minLen, maxLen: a.maxLen + b.maxLen, lit: false, ident: false };
      }
      case "template": {
        const holes = r.between(1, 3);
        let src = "`";
        let min = 0;
        let max = 0;
        for (let i = 0; i <= holes; i++) {
          const t = JSON.parse(this.strLit(r.int(3)).src) as string;
          src += t;
          min += t.length;
          max += t.length;
          if (i === holes) break;
          const e = this.anyPart(d - 1, Math.max(0, (L - max) / (holes - i)));
          src += "${" + e.src + "}";
          min += e.minLen;
          max += e.maxLen;
        }
        return { src: src + "`", minLen: min, maxLen: max, lit: false, ident: false };
      }
      case "fromCharCode": {
        if (L < 1) return null;
        if (r.chance(0.3)) {
          const [base, mask] = r.pick(CHAR_RANGES);
          return { src: `String.fromCharCode(${base + r.int(mask + 1)})`, minLen: 1, maxLen: 1, lit: false, ident: false };
        }
        const [base, mask] = r.pick(CHAR_RANGES);
        const x = this.num(d - 1, INF);
        return { src: `String.fromCharCode(${base} + (${x.src} & ${mask}))`, minLen: 1, maxLen: 1, lit: false, ident: false };
      }
      case "charAt": {
        if (L < 1) return null;
        const s = this.str(d - 1, 300, 1);
        if (s.minLen < 1) return null;
        return { src: `${s.src}.charAt(${this.index(d - 1, s.minLen)})`, minLen: 1, maxLen: 1, lit: false, ident: false };
      }
      case "cond": {
        const c = this.cond(d - 1);
        const a = this.str(d - 1, L);
        const b = this.str(d - 1, L);
        return { src: `(${c.src} ? ${a.src} : ${b.src})`, minLen: Math.min(a.minLen, b.minLen), maxLen: Math.max(a.maxLen, b.maxLen), lit: a.lit && b.lit, ident: false };
      }
      case "or": {
        const a = this.str(d - 1, L);
        if (a.lit) return null;
        const b = this.str(d - 1, L);
        const op = r.pick(["||", "&&"]);
        // TypeScript types `s && "x"` as `"" | "x"`
        const lit = op === "&&" && (b.lit || b.src.startsWith("`"));
        return { src: `(${a.src} ${op} ${b.src})`, minLen: Math.min(a.minLen, b.minLen), maxLen: Math.max(a.maxLen, b.maxLen), lit, ident: false };
      }
    }
  }

  // -- booleans

  bool(d: number, allowLit = false): Bool {
    for (let t = 0; t < 5; t++) {
      const e = this.boolForm(d, allowLit);
      if (e) return e;
    }
    return this.cmpNum(0);
  }

  cmpNum(d: number): Bool {
    let op = this.r.pick(["<", "<=", ">", ">=", "===", "!=="]);
    const a = this.num(d, INF);
    const b = this.num(d, INF);
    if ((op === "===" || op === "!==") && (a.syn || b.syn)) op = this.r.pick(["<", ">="]);
    return { src: compare(this.dir, a.src, op, b.src), lit: false, cmp: true };
  }

  boolForm(d: number, allowLit: boolean): Bool | null {
    const r = this.r;
    const bvs = this.vars().filter((v) => v.t === "bool");
    const form = r.weighted([
      [6, "cmpNum"], [2, "cmpStr"], [1, "eqBool"], [2, "not"], [3, "andor"], [bvs.length ? 3 : 0, "var"], [allowLit ? 1 : 0, "lit"], [1, "cond"],
    ] as const);
    if (d <= 0 && (form === "andor" || form === "eqBool" || form === "cond")) return this.cmpNum(0);
    switch (form) {
      case "cmpNum":
        return this.cmpNum(d - 1);
      case "cmpStr": {
        let op = r.pick(["<", "<=", ">", ">=", "===", "!=="]);
        const a = this.str(d - 1, 60);
        const b = this.str(d - 1, 60);
        // (a template with literal holes has a literal type too)
        const litish = (x: Str) => x.lit || x.src.startsWith("`");
        if ((op === "===" || op === "!==") && (litish(a) || litish(b))) op = r.pick(["<", ">="]);
        return { src: compare(this.dir, a.src, op, b.src), lit: false, cmp: true };
      }
      case "eqBool": {
        const a = this.bool(d - 1);
        const b = this.bool(d - 1);
        if (!a.cmp || !b.cmp) return null;
        return { src: `(${a.src} ${r.pick(["===", "!=="])} ${b.src})`, lit: false, cmp: true };
      }
      case "not": {
        const k = r.weighted([[3, "bool"], [2, "num"], [1, "str"]] as const);
        const e = k === "bool" ? this.bool(d - 1) : k === "num" ? this.num(d - 1, INF) : this.str(d - 1, 60);
        if (("syn" in e && e.syn) || e.lit === true) return null;
        return { src: `(!${e.src})`, lit: false, cmp: false };
      }
      case "andor": {
        const a = this.bool(d - 1);
        const b = this.bool(d - 1, allowLit && r.chance(0.2));
        return { src: `(${a.src} ${r.pick(["&&", "||"])} ${b.src})`, lit: false, cmp: false };
      }
      case "var":
        return { src: r.pick(bvs).name, lit: false, cmp: false };
      case "lit":
        return { src: r.pick(["true", "false"]), lit: true, cmp: false };
      case "cond": {
        const c = this.cond(d - 1);
        const a = this.bool(d - 1);
        const b = this.bool(d - 1);
        return { src: `(${c.src} ? ${a.src} : ${b.src})`, lit: false, cmp: false };
      }
    }
  }

  /** A condition (if, while, ?:): a boolean, or a number or string tested for truthiness. */
  cond(d: number): { src: string } {
    const k = this.r.weighted([[7, "bool"], [2, "num"], [1, "str"]] as const);
    if (k === "num") {
      const e = this.num(d, INF);
      if (!e.syn) return e;
    }
    if (k === "str") {
      const e = this.str(d, 60);
      if (!e.lit && !e.src.startsWith("`")) return e;
    }
    return this.bool(d);
  }

  // -- statements

  block(n: number, d: number, inLoop: boolean): void {
    this.scopes.push([]);
    this.ind++;
    for (let i = 0; i < n; i++) this.stmt(d, inLoop);
    this.ind--;
    this.scopes.pop();
  }

  stmt(d: number, inLoop: boolean): void {
    const r = this.r;
    this.dir = r.chance(0.5) ? "<" : ">";
    const total = this.mult(0);
    const kind = r.weighted([
      [4, "decl"], [4, "assign"], [3, "compound"], [1, "incdec"], [total <= 10 ? 3 : 1, "print"],
      [d > 0 ? 2 : 0, "if"], [d > 0 && total * 2 <= MAX_LOOP_MULT && this.loops.length < 3 ? 2 : 0, "loop"],
      [this.helpers.length ? 1 : 0, "call"], [inLoop ? 2 : 0, "jump"],
      [d > 0 && total * 3 <= PRINT_BUDGET - this.printCost ? 1 : 0, "try"], [this.mayThrowHere() ? 1 : 0, "throw"], [d > 0 ? 1 : 0, "closure"],
    ] as const);
    switch (kind) {
      case "decl":
        return this.declStmt();
      case "assign":
        return this.assignStmt(false);
      case "compound":
        return this.assignStmt(true);
      case "incdec": {
        const vs = this.vars().filter((v): v is NumVar => v.t === "num" && this.writable(v) && v.cap !== INF && v.base + v.inc + this.mult(v.depth) <= v.cap);
        if (!vs.length) return this.printStmt();
        const v = r.pick(vs);
        v.inc += this.mult(v.depth);
        return this.emit(`${r.chance(0.5) ? v.name + r.pick(["++", "--"]) : r.pick(["++", "--"]) + v.name};`);
      }
      case "print":
        return this.printStmt();
      case "if":
        return this.ifStmt(d);
      case "try":
        return this.tryStmt(d);
      case "throw":
        return this.throwStmt();
      case "loop":
        return this.loopStmt(d);
      case "call": {
        const e = this.callExpr(2, INF, false);
        if (e) return this.emit(`${e.src};`);
        return this.printStmt();
      }
      case "closure":
        return this.closureStmt(d);
      case "jump": {
        const target = r.chance(0.7) ? this.loops.length - 1 : this.loopFloor + r.int(this.loops.length - this.loopFloor);
        const loop = this.loops[target];
        const word = r.pick(["break", "continue"]);
        let label = "";
        if (target !== this.loops.length - 1 || r.chance(0.1)) {
          loop.labelUsed = true;
          label = ` ${loop.label}`;
        }
        return this.emit(`if (${this.cond(2).src}) ${word}${label};`);
      }
    }
  }

  /** Statements wrapped in a closure that is called once, right away: the closure reads and
   *  assigns the variables around it (captures, and cells for the assigned ones), and as it
   *  runs exactly where the statements would, the bounds of those variables stay valid. */
  closureStmt(d: number): void {
    const r = this.r;
    const name = this.fresh("f");
    const form = r.pick(["arrow", "function", "iife"] as const);
    this.emit(form === "arrow" ? `const ${name} = (): void => {` : form === "function" ? `function ${name}(): void {` : "((): void => {");
    const floor = this.loopFloor;
    this.loopFloor = this.loops.length;
    this.block(r.between(1, 4), d - 1, false);
    this.loopFloor = floor;
    this.emit(form === "arrow" ? "};" : form === "function" ? "}" : "})();");
    if (form !== "iife") this.emit(`${name}();`);
  }

  /** Whether a declaration gets a type annotation: always in loops, where TypeScript may find
   *  the inferred type circular (TS7022: a variable used in its own initializer through
   *  another variable assigned later in the loop). */
  typed(): boolean {
    return this.loops.length > 0 || this.r.chance(0.3);
  }

  declStmt(): void {
    const r = this.r;
    const k = r.weighted([[6, "num"], [2, "str"], [2, "bool"]] as const);
    const depth = this.loops.length;
    if (k === "num") {
      const ci = r.chance(0.5);
      const cap = r.weighted([[3, 1000], [2, 2 ** 20], [2, 2 ** 31], [2, 2 ** 40], [1, 2 ** 50], [ci ? 0 : 3, INF]] as const);
      const e = this.num(this.ed, cap, ci);
      const name = this.fresh("n");
      if (r.chance(0.15)) {
        // A number and a string declared together by destructuring a tuple.
        const scap = r.pick([20, 60, 200]);
        const s = this.str(this.ed, scap);
        const sname = this.fresh("s");
        this.emit(`let [${name}, ${sname}]: [number, string] = [${e.src}, ${s.src}];`);
        this.declare({ t: "num", name, cap, ci, base: e.bound, inc: 0, depth, ro: false });
        this.declare({ t: "str", name: sname, cap: scap, minLen: s.minLen, base: s.maxLen, inc: 0, depth, ro: false });
        return;
      }
      this.emit(`let ${name}${e.syn || this.typed() ? ": number" : ""} = ${e.src};`);
      this.declare({ t: "num", name, cap, ci, base: e.bound, inc: 0, depth, ro: false });
    } else if (k === "str") {
      const cap = r.pick([20, 60, 200]);
      const e = this.str(this.ed, cap);
      const name = this.fresh("s");
      this.emit(`let ${name}${e.lit || this.typed() ? ": string" : ""} = ${e.src};`);
      this.declare({ t: "str", name, cap, minLen: e.minLen, base: e.maxLen, inc: 0, depth, ro: false });
    } else {
      const e = this.bool(this.ed);
      const name = this.fresh("b");
      // declared `boolean`: `let b = x` would take x's narrowed type (`true` inside `if (x)`)
      this.emit(`let ${name}: boolean = ${e.src};`);
      this.declare({ t: "bool", name, depth, ro: false });
    }
  }

  assignStmt(compound: boolean): void {
    const r = this.r;
    const vs = this.vars().filter((v) => this.writable(v));
    if (!vs.length) return this.declStmt();
    const v = r.pick(vs);
    const M = this.mult(v.depth);
    if (v.t === "bool") {
      const e = compound && r.chance(0.5) ? `(!${v.name})` : this.bool(this.ed).src;
      return this.emit(`${v.name} = ${e};`);
    }
    if (v.t === "str") {
      if (compound) {
        const room = (v.cap - v.base - v.inc) / M;
        if (room < 1) return this.printStmt();
        const e = this.anyPart(2, room);
        v.inc += M * e.maxLen;
        return this.emit(`${v.name} += ${e.src};`);
      }
      const room = M === 1 ? v.cap : v.cap - v.inc;
      const e = this.str(this.ed, room, v.minLen);
      if (e.minLen < v.minLen) return this.printStmt();
      if (M === 1) [v.base, v.inc] = [e.maxLen, 0];
      else v.base = Math.max(v.base, e.maxLen);
      return this.emit(`${v.name} = ${e.src};`);
    }
    // numbers
    if (v.cap === INF) {
      const op = compound ? r.pick(["+=", "-=", "*=", "/=", "%=", "|=", "^=", ">>=", "="]) : "=";
      let e: Num;
      if (op === "+=" || op === "-=" || op === "*=") {
        e = this.numLeaf(INF, false);
        if (!e.af) e = this.numE_float();
      } else e = this.num(this.ed, INF, v.ci);
      if (op === "=" && v.ci && !e.ci) return this.printStmt();
      return this.emit(`${v.name} ${op} ${e.src};`);
    }
    if (!compound) {
      const room = M === 1 ? v.cap : v.cap - v.inc;
      const e = this.num(this.ed, room, v.ci);
      if (e.bound > room || (v.ci && !e.ci)) return this.printStmt();
      if (M === 1) [v.base, v.inc] = [e.bound, 0];
      else v.base = Math.max(v.base, e.bound);
      return this.emit(`${v.name} = ${e.src};`);
    }
    // `**` only on integers (the translator does not support float ** yet)
    const ops = v.ci
      ? ["+=", "-=", "*=", "**=", "|=", "&=", "^=", this.dir === "<" ? "<<=" : "^=", ">>=", ">>>="]
      : ["+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", this.dir === "<" ? "<<=" : "|=", ">>=", ">>>="];
    const op = r.pick(ops);
    const V = v.base + v.inc;
    switch (op) {
      case "+=":
      case "-=": {
        const room = (v.cap - V) / M;
        if (room < 1) return this.printStmt();
        const e = this.num(2, room, v.ci);
        v.inc += M * e.bound;
        return this.emit(`${v.name} ${op} ${e.src};`);
      }
      case "*=": {
        let e: Num;
        if (M > 1 || r.chance(0.3)) {
          // |e| <= 1 never makes v bigger.
          e = v.ci ? numE("1", 1, { ci: true, p: true, lit: 1 }) : this.num(2, 1);
        } else if (v.ci) {
          e = this.intLit(Math.min(1000, v.cap / Math.max(V, 1)), true);
          if (e.lit === 0) e = numE("1", 1, { ci: true, p: true, lit: 1 });
        } else {
          e = this.num(2, Math.min(LIMIT, v.cap / Math.max(V, 1)));
        }
        if (e.bound > 1) [v.base, v.inc] = [mulB(V, e.bound), 0];
        return this.emit(`${v.name} *= ${e.src};`);
      }
      case "**=": {
        if (M > 1) return this.emit(`${v.name} **= 1;`); // no growth
        const n = r.between(0, 4);
        const next = n === 0 ? 1 : Math.max(V, 1) ** n;
        if (next > v.cap) return this.emit(`${v.name} **= 1;`);
        [v.base, v.inc] = [next, 0];
        return this.emit(`${v.name} **= ${n};`);
      }
      case "/=": {
        const e = this.bigDivisor();
        return this.emit(`${v.name} /= ${e.src};`);
      }
      case "%=": {
        const e = this.num(2, INF);
        return this.emit(`${v.name} %= ${e.src};`);
      }
      default: {
        // bitwise: the result is a 32-bit integer
        const bound = op === ">>>=" ? 2 ** 32 : 2 ** 31;
        const room = M === 1 ? v.cap : v.cap - v.inc;
        if (bound > room && op !== "&=") return this.printStmt();
        let e = this.num(2, INF);
        if (op === "&=" && bound > room) {
          const m = Math.min(Math.floor(room), 255);
          e = numE(String(m), m, { ci: true, p: true, lit: m });
        }
        const b = op === "&=" && e.lit !== null && e.lit >= 0 ? e.lit : bound;
        if (M === 1) [v.base, v.inc] = [b, 0];
        else v.base = Math.max(v.base, b);
        return this.emit(`${v.name} ${op} ${e.src};`);
      }
    }
  }

  /** An always-float value for `big += x` (keeps a huge variable a float). */
  numE_float(): Num {
    const fs = FLOAT_LITERALS.filter(([, x]) => !Number.isInteger(x) || Math.abs(x) > 2 ** 53);
    const [src, x] = this.r.pick(fs);
    return numE(src, Number.isNaN(x) ? 0 : Math.abs(x), { p: true, af: true, lit: x });
  }

  printStmt(): void {
    const cost = this.mult(0);
    if (this.printCost + cost > PRINT_BUDGET) return;
    this.printCost += cost;
    const n = this.r.between(1, 4);
    const args: string[] = [JSON.stringify(this.fresh("p"))];
    for (let i = 0; i < n; i++) {
      const k = this.r.weighted([[5, "num"], [3, "str"], [2, "bool"]] as const);
      args.push(k === "num" ? this.num(this.ed, INF).src : k === "str" ? this.str(this.ed, 80).src : this.bool(2, true).src);
    }
    this.emit(`console.log(${args.join(", ")});`);
  }

  throwStmt(): void {
    this.throws = true;
    this.emit(`if (${this.cond(2).src}) throw new Error(${JSON.stringify(this.fresh("t") + " ")} + ${this.num(2, INF).src});`);
  }

  /** try { ... } catch (e) { print the message } finally { ... }: catch, finally or both. A
   *  try without a catch clause may only throw where an outer catch takes it. */
  tryStmt(d: number): void {
    const r = this.r;
    const inLoop = this.loops.length > this.loopFloor;
    const hasCatch = !this.mayThrowHere() || r.chance(0.7);
    const hasFinally = !hasCatch || r.chance(0.5);
    const added = this.vars().filter((v) => !this.frozen.has(v));
    for (const v of added) this.frozen.add(v);
    this.emit("try {");
    if (hasCatch) this.catchDepth++;
    this.block(r.between(1, 4), d - 1, inLoop);
    if (hasCatch) {
      this.catchDepth--;
      this.emit("} catch (e) {");
      this.ind++;
      this.printCost += this.mult(0);
      this.emit(`console.log(${JSON.stringify(this.fresh("c"))}, (e as Error).message);`);
      this.ind--;
      if (r.chance(0.4)) this.block(r.between(1, 2), d - 1, inLoop);
    }
    if (hasFinally) {
      this.emit("} finally {");
      this.ind++;
      this.printCost += this.mult(0);
      this.emit(`console.log(${JSON.stringify(this.fresh("f"))});`);
      this.ind--;
      if (r.chance(0.5)) this.block(r.between(1, 2), d - 1, inLoop);
    }
    this.emit("}");
    for (const v of added) this.frozen.delete(v);
  }

  ifStmt(d: number): void {
    const inLoop = this.loops.length > this.loopFloor;
    this.emit(`if (${this.cond(2).src}) {`);
    this.block(this.r.between(1, 3), d - 1, inLoop);
    while (this.r.chance(0.4)) {
      if (this.r.chance(0.3)) {
        this.emit(`} else if (${this.cond(2).src}) {`);
        this.block(this.r.between(1, 3), d - 1, inLoop);
      } else {
        this.emit("} else {");
        this.block(this.r.between(1, 3), d - 1, inLoop);
        break;
      }
    }
    this.emit("}");
  }

  loopStmt(d: number): void {
    const r = this.r;
    const total = this.mult(0);
    const maxN = Math.min(10, Math.floor(MAX_LOOP_MULT / total));
    const N = r.weighted([[1, 0], [3, 1 + r.int(3)], [4, r.between(2, Math.max(2, maxN))]] as const);
    const n = Math.min(N, maxN);
    const kind = r.weighted([[5, "for"], [2, "forDown"], [2, "while"], [2, "do"], [1, "whileTrue"], [1, "forMask"]] as const);
    const label = this.fresh("L");
    const loop: Loop = { mult: Math.max(n, 1), label, labelUsed: false };
    const depth = this.loops.length;
    const counter = (name: string, cap: number): NumVar => ({ t: "num", name, cap, ci: true, base: cap, inc: 0, depth, ro: true, nonneg: true });
    let header: string;
    let footer = "}";
    let pre: string | null = null;
    let first: string | null = null;
    let cnt: NumVar;
    if (kind === "for" || kind === "forDown" || kind === "forMask") {
      const i = this.fresh("i");
      cnt = counter(i, n);
      if (kind === "for") {
        let extra = "";
        if (r.chance(0.2)) {
          this.pure = true;
          this.dir = "<";
          extra = ` && ${this.bool(1).src}`;
          this.pure = false;
        }
        header = `for (let ${i} = 0; ${i} < ${n}${extra}; ${i}++) {`;
      } else if (kind === "forDown") {
        header = `for (let ${i} = ${n}; 0 < ${i}; ${i}--) {`;
      } else {
        // a bound computed each iteration, at most 7 (or n)
        const m = Math.min(7, n);
        this.pure = true;
        this.dir = "<";
        const e = this.num(2, INF);
        this.pure = false;
        header = `for (let ${i} = 0; ${i} < (${e.src} & ${m}); ${i}++) {`;
        loop.mult = Math.max(m, 1);
        cnt = counter(i, m);
      }
      this.emit(header);
      this.loops.push(loop);
      this.scopes.push([cnt]);
    } else {
      const w = this.fresh("w");
      cnt = counter(w, n + 1);
      this.emit(`let ${w} = 0;`);
      pre = w;
      if (kind === "while") header = `while (${w} < ${n}) {`;
      else if (kind === "do") header = "do {";
      else header = "while (true) {";
      if (kind === "do") footer = `} while (${w} < ${n});`;
      first = `${w}++;`;
      this.emit(header);
      this.loops.push(loop);
      this.scopes.push([cnt]);
      this.ind++;
      this.emit(first);
      if (kind === "whileTrue") this.emit(`if (${n} < ${w}) break;`);
      this.ind--;
    }
    const headerIndex = this.lines.length - (first ? (kind === "whileTrue" ? 3 : 2) : 1);
    this.block(r.between(1, 4), d - 1, true);
    this.scopes.pop();
    this.loops.pop();
    this.emit(footer);
    if (loop.labelUsed) {
      const l = this.lines[headerIndex];
      const indent = l.length - l.trimStart().length;
      this.lines[headerIndex] = l.slice(0, indent) + `${label}: ` + l.slice(indent);
    }
    if (pre) this.declare(cnt!); // the counter stays readable after the loop
  }
}

// ---- cases ------------------------------------------------------------------------------

function helperFn(r: Rand, k: number, earlier: Helper[], names: { n: number }, ed: number): { src: string; helper: Helper } {
  const name = `h${ID}x${k}`;
  const nParams = r.between(1, 3);
  const params: { cap: number; ci: boolean }[] = [];
  for (let i = 0; i < nParams; i++) {
    const ci = r.chance(0.5);
    params.push({ ci, cap: r.weighted([[3, 1000], [2, 2 ** 20], [2, 2 ** 31], [ci ? 0 : 2, INF]] as const) });
  }
  const retCi = r.chance(0.4);
  const retCap = r.weighted([[3, 1000], [2, 2 ** 20], [2, 2 ** 31], [1, 2 ** 45], [retCi ? 0 : 3, INF]] as const);
  const g = new Gen(r, earlier, names);
  g.ed = ed;
  g.inHelper = true;
  g.scopes = [params.map((p, i): NumVar => ({ t: "num", name: `a${i}`, cap: p.cap, ci: p.ci, base: p.cap, inc: 0, depth: 0, ro: true }))];
  g.printCost = 0;
  const nStmts = r.between(0, 4);
  g.ind = 1;
  for (let i = 0; i < nStmts; i++) g.stmt(2, false);
  g.dir = r.chance(0.5) ? "<" : ">";
  if (r.chance(0.3)) g.throwStmt();
  g.dir = r.chance(0.5) ? "<" : ">";
  if (r.chance(0.4)) g.emit(`if (${g.cond(2).src}) return ${g.num(ed, retCap, retCi).src};`);
  g.dir = r.chance(0.5) ? "<" : ">";
  g.emit(`return ${g.num(ed, retCap, retCi).src};`);
  const sig = params.map((_, i) => `a${i}: number`).join(", ");
  const src = [`function ${name}(${sig}): number {`, ...g.lines, "}"].join("\n");
  return { src, helper: { name, params, retCap, retCi, printCost: Math.max(g.printCost, 0), mayThrow: g.throws } };
}

function genCase(gv: fc.GeneratorValue): string {
  const r = new Rand(gv);
  const names = { n: 0 };
  const helpers: Helper[] = [];
  const parts: string[] = [];
  const ed = r.weighted([[2, 2], [4, 3], [1, 4]] as const);
  const nHelpers = r.weighted([[2, 0], [3, 1], [3, 2], [2, 3]] as const);
  for (let k = 0; k < nHelpers; k++) {
    const { src, helper } = helperFn(r, k, [...helpers], names, ed);
    parts.push(src);
    helpers.push(helper);
  }
  const g = new Gen(r, helpers, names);
  g.ed = ed;
  const nStmts = r.between(3, 12);
  for (let i = 0; i < nStmts; i++) g.stmt(3, false);
  // print every top-level variable at the end
  const live = g.scopes[0];
  for (let i = 0; i < live.length; i += 4) {
    g.emit(`console.log(${[JSON.stringify("end"), ...live.slice(i, i + 4).map((v) => v.name)].join(", ")});`);
  }
  parts.push([`function case${ID}(): void {`, ...g.lines, "}"].join("\n"));
  return parts.join("\n\n");
}

/** One case: top-level helper functions and `function case__ID__(): void`. */
export const caseArb: fc.Arbitrary<string> = fc.gen().map(genCase);

export interface ProgramLayout {
  source: string;
  /** For each case, its first and last line (1-based) in `source`. */
  lines: [number, number][];
}

/** A program running `cases` in order, printing "--" after each one. */
export function programSource(cases: readonly string[]): ProgramLayout {
  const out: string[] = ["// Generated by tests/fuzz/gen.ts", ""];
  const lines: [number, number][] = [];
  cases.forEach((c, i) => {
    const text = c.replaceAll(ID, String(i)).split("\n");
    lines.push([out.length + 1, out.length + text.length]);
    out.push(...text, "");
  });
  out.push("export function main(argv: string[]): number {");
  cases.forEach((_, i) => out.push(`  case${i}();`, '  console.log("--");'));
  out.push("  return 0;", "}", "");
  return { source: out.join("\n"), lines };
}

/** A case as a program of its own, to reproduce a failure. */
export function standaloneCase(c: string): string {
  return programSource([c]).source;
}

/** Splits a program's stdout into the output of each case (the lines before each "--"). */
export function splitCases(stdout: string): string[][] {
  const out: string[][] = [[]];
  const lines = stdout.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const l of lines) {
    if (l === "--") out.push([]);
    else out[out.length - 1].push(l);
  }
  return out;
}
