// rlib/strmethods.ts and strcase.ts, run untranslated, against Node's own string methods:
// every result must be the same (Object.is for numbers), including the clamping of odd indices (NaN, ±Infinity,
// fractions, -0, huge values) and the same RangeErrors where JS throws one.
//
// The case tables of rlib/strcase.ts are generated from Node's toUpperCase / toLowerCase by
// caseTablesSource() below. When Node's Unicode version changes, the exhaustive tests here fail;
// `RTS_REGEN_CASE_TABLES=1 node tests/run.mjs 'strmethods\.test\.ts$'` rewrites the tables.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as path from "node:path";
import * as M from "../rlib/strmethods.ts";
import * as C from "../rlib/strcase.ts";
import { fatalMessage, sameRangeError } from "./support/fatal.ts";

const RUNS = Number(process.env.RTS_PROPERTY_RUNS ?? 3000);

// ---- Arbitraries -----------------------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Strings of several kinds: small alphabets (so that searches hit), full Unicode, raw code units,
 *  and white space (for trim). */
const str = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: codeUnit, maxLength: 12 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "\u3000", "\u180e", "\u200b", "x", "\u2009"), maxLength: 10 }),
);
const needle = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 3 }),
  fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 5 }),
  fc.string({ unit: "binary", maxLength: 2 }),
);
const SPECIAL_NUMBERS = [
  NaN, Infinity, -Infinity, 0, -0, 0.5, -0.5, 0.9999, -0.9999, 1.5, -1.5, 2 ** 31, -(2 ** 31), 2 ** 32,
  2 ** 32 + 1, -(2 ** 32) - 1, 2 ** 53, -(2 ** 53), 2 ** 63, -(2 ** 63), 2 ** 64, 1e300, -1e300, 5e-324,
  Number.MAX_VALUE, -Number.MAX_VALUE,
];
/** Index arguments: small integers, fractions, specials. */
const index = fc.oneof(
  fc.integer({ min: -40, max: 40 }),
  fc.integer({ min: -40, max: 40 }).chain((i) => fc.constantFrom(i + 0.25, i + 0.5, i - 0.75)),
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.double(),
);

function check<T extends unknown[]>(arbs: { [K in keyof T]: fc.Arbitrary<T[K]> }, predicate: (...args: T) => void): void {
  fc.assert(fc.property(...(arbs as unknown as [fc.Arbitrary<unknown>]), predicate as unknown as (x: unknown) => void), { numRuns: RUNS });
}

function show(x: unknown): string {
  if (typeof x === "number") return Object.is(x, -0) ? "-0" : String(x);
  return JSON.stringify(x);
}

function same(actual: unknown, expected: unknown, what: string): void {
  if (typeof expected === "number") {
    assert.ok(Object.is(actual, expected), `${what}: got ${show(actual)}, want ${show(expected)}`);
  } else {
    assert.equal(actual, expected, what);
  }
}

// ---- Fatal errors --------------------------------------------------------------------------

/** fn() gives what native() gives, or both throw the same RangeError. */
function sameOrSameError(fn: () => unknown, native: () => unknown, what: string): void {
  let expected: unknown;
  try {
    expected = native();
  } catch {
    sameRangeError(fn, native, what);
    return;
  }
  same(fn(), expected, what);
}

// ---- slice, substring, at ------------------------------------------------------------------

test("slice and substring, one and two arguments", () => {
  check([str, index], (s, a) => {
    same(M.slice1(s, a), s.slice(a), `slice(${show(s)}, ${show(a)})`);
    same(M.substring1(s, a), s.substring(a), `substring(${show(s)}, ${show(a)})`);
  });
  check([str, index, index], (s, a, b) => {
    same(M.slice2(s, a, b), s.slice(a, b), `slice(${show(s)}, ${show(a)}, ${show(b)})`);
    same(M.substring2(s, a, b), s.substring(a, b), `substring(${show(s)}, ${show(a)}, ${show(b)})`);
  });
  for (const s of ["", "a", "hello"]) {
    for (const a of SPECIAL_NUMBERS) {
      same(M.slice1(s, a), s.slice(a), `slice(${show(s)}, ${show(a)})`);
      same(M.substring1(s, a), s.substring(a), `substring(${show(s)}, ${show(a)})`);
      for (const b of SPECIAL_NUMBERS) {
        same(M.slice2(s, a, b), s.slice(a, b), `slice(${show(s)}, ${show(a)}, ${show(b)})`);
        same(M.substring2(s, a, b), s.substring(a, b), `substring(${show(s)}, ${show(a)}, ${show(b)})`);
      }
    }
  }
});

test("at: in range like JS, out of range a fatal error", () => {
  check([str, index], (s, i) => {
    const expected = s.at(i);
    if (expected !== undefined) {
      same(M.at1(s, i), expected, `at(${show(s)}, ${show(i)})`);
    } else {
      assert.is(fatalMessage(() => M.at1(s, i)), `rts: runtime error: index ${String(i)} out of range for length ${s.length}\n`);
    }
  });
  assert.is(fatalMessage(() => M.at1("", 0)), "rts: runtime error: index 0 out of range for length 0\n");
  assert.is(fatalMessage(() => M.at1("abc", -4)), "rts: runtime error: index -4 out of range for length 3\n");
  assert.is(M.at1("abc", -0.5), "a");
  assert.is(M.at1("abc", NaN), "a");
  assert.is(M.at1("abc", -1), "c");
});

// ---- searching -------------------------------------------------------------------------------

test("indexOf, lastIndexOf, includes", () => {
  check([str, needle], (s, t) => {
    same(M.indexOf1(s, t), s.indexOf(t), `indexOf(${show(s)}, ${show(t)})`);
    same(M.lastIndexOf1(s, t), s.lastIndexOf(t), `lastIndexOf(${show(s)}, ${show(t)})`);
    same(M.includes1(s, t), s.includes(t), `includes(${show(s)}, ${show(t)})`);
  });
  check([str, needle, index], (s, t, p) => {
    same(M.indexOf2(s, t, p), s.indexOf(t, p), `indexOf(${show(s)}, ${show(t)}, ${show(p)})`);
    same(M.lastIndexOf2(s, t, p), s.lastIndexOf(t, p), `lastIndexOf(${show(s)}, ${show(t)}, ${show(p)})`);
    same(M.includes2(s, t, p), s.includes(t, p), `includes(${show(s)}, ${show(t)}, ${show(p)})`);
  });
  // Overlapping and repeated patterns, and the empty needle at every position.
  for (const s of ["", "a", "aaa", "abab", "aabaabaaa", "\ud83d\ude00\ud83d\ude00"]) {
    for (const t of ["", "a", "aa", "aab", "ab", "ba", "abab", "\ude00", "\ud83d\ude00"]) {
      for (let p = -2; p <= s.length + 2; p++) {
        same(M.indexOf2(s, t, p), s.indexOf(t, p), `indexOf(${show(s)}, ${show(t)}, ${p})`);
        same(M.lastIndexOf2(s, t, p), s.lastIndexOf(t, p), `lastIndexOf(${show(s)}, ${show(t)}, ${p})`);
      }
    }
  }
});

test("replace, replaceAll with a string pattern; $ patterns in the replacement", () => {
  const replacement = fc.oneof(
    needle,
    fc.string({ unit: fc.constantFrom("$", "&", "`", "'", "$$", "$&", "$`", "$'", "$1", "x"), maxLength: 6 }),
  );
  check([str, needle, replacement], (s, t, r) => {
    same(M.replace2(s, t, r), s.replace(t, r), `replace(${show(s)}, ${show(t)}, ${show(r)})`);
    same(M.replaceAll2(s, t, r), s.replaceAll(t, r), `replaceAll(${show(s)}, ${show(t)}, ${show(r)})`);
  });
  for (const s of ["", "a", "aaa", "abab"]) {
    for (const t of ["", "a", "aa", "b"]) {
      same(M.replaceAll2(s, t, "<$&>"), s.replaceAll(t, "<$&>"), `replaceAll(${show(s)}, ${show(t)})`);
    }
  }
});

test("codePointAt: in range like JS, out of range a fatal error; concat", () => {
  check([str, index], (s, i) => {
    const expected = s.codePointAt(i);
    if (expected !== undefined) {
      same(M.codePointAt1(s, i), expected, `codePointAt(${show(s)}, ${show(i)})`);
    } else {
      assert.is(fatalMessage(() => M.codePointAt1(s, i)), `rts: runtime error: index ${String(i)} out of range for length ${s.length}\n`);
    }
  });
  check([str, str, str], (s, t, u) => {
    same(M.concat1(s, t), s.concat(t), "concat1");
    same(M.concat2(s, t, u), s.concat(t, u), "concat2");
  });
});

test("startsWith, endsWith", () => {
  check([str, needle], (s, t) => {
    same(M.startsWith1(s, t), s.startsWith(t), `startsWith(${show(s)}, ${show(t)})`);
    same(M.endsWith1(s, t), s.endsWith(t), `endsWith(${show(s)}, ${show(t)})`);
  });
  check([str, needle, index], (s, t, p) => {
    same(M.startsWith2(s, t, p), s.startsWith(t, p), `startsWith(${show(s)}, ${show(t)}, ${show(p)})`);
    same(M.endsWith2(s, t, p), s.endsWith(t, p), `endsWith(${show(s)}, ${show(t)}, ${show(p)})`);
  });
  check([str, index], (s, p) => {
    // Needles taken from s itself, so that they match.
    const a = Math.min(Math.abs(Math.trunc(p)) || 0, s.length);
    const t = s.slice(a, a + 3);
    same(M.startsWith2(s, t, p), s.startsWith(t, p), `startsWith(${show(s)}, ${show(t)}, ${show(p)})`);
    same(M.endsWith2(s, t, p), s.endsWith(t, p), `endsWith(${show(s)}, ${show(t)}, ${show(p)})`);
  });
});

// ---- repeat, pad -------------------------------------------------------------------------

test("repeat", () => {
  check([str, fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 20 }), fc.constantFrom(NaN, -0, 0.9, -0.5))], (s, n) => {
    same(M.repeat1(s, n), s.repeat(n), `repeat(${show(s)}, ${show(n)})`);
  });
  check([str, index], (s, n) => {
    if (s.length * n > 100000 && s.length * n <= 536870888) return; // a large string: slow, not interesting
    sameOrSameError(() => M.repeat1(s, n), () => s.repeat(n), `repeat(${show(s)}, ${show(n)})`);
  });
  for (let n = 0; n <= 70; n++) same(M.repeat1("ab", n), "ab".repeat(n), `repeat("ab", ${n})`);
  same(M.repeat1("", 2 ** 40), "", 'repeat("", 2^40)');
  same(M.repeat1("", 1e300), "", 'repeat("", 1e300)');
  for (const n of [-1, -1.5, -0.5 - 1, Infinity, -Infinity, -1e300]) {
    sameRangeError(() => M.repeat1("ab", n), () => "ab".repeat(n));
    sameRangeError(() => M.repeat1("", n), () => "".repeat(n));
  }
  for (const [s, n] of [["ab", 2 ** 28], ["a", 536870889], ["abc", 2 ** 40], ["x", 1e300]] as const) {
    sameRangeError(() => M.repeat1(s, n), () => s.repeat(n));
  }
});

test("padStart, padEnd", () => {
  const fill = fc.oneof(needle, fc.string({ unit: "binary", maxLength: 4 }));
  const length = fc.oneof(fc.integer({ min: -5, max: 40 }), index);
  check([str, length, fill], (s, n, f) => {
    if (n > 100000 && n <= 536870888) return; // a large string: slow, not interesting
    sameOrSameError(() => M.padStart2(s, n, f), () => s.padStart(n, f), `padStart(${show(s)}, ${show(n)}, ${show(f)})`);
    sameOrSameError(() => M.padEnd2(s, n, f), () => s.padEnd(n, f), `padEnd(${show(s)}, ${show(n)}, ${show(f)})`);
  });
  check([str, length], (s, n) => {
    if (n > 100000 && n <= 536870888) return;
    sameOrSameError(() => M.padStart1(s, n), () => s.padStart(n), `padStart(${show(s)}, ${show(n)})`);
    sameOrSameError(() => M.padEnd1(s, n), () => s.padEnd(n), `padEnd(${show(s)}, ${show(n)})`);
  });
  for (let n = 0; n <= 20; n++) {
    for (const f of ["", "x", "ab", "abc", "\ud83d\ude00"]) {
      same(M.padStart2("abc", n, f), "abc".padStart(n, f), `padStart("abc", ${n}, ${show(f)})`);
      same(M.padEnd2("abc", n, f), "abc".padEnd(n, f), `padEnd("abc", ${n}, ${show(f)})`);
    }
  }
  same(M.padStart2("abc", 2 ** 40, ""), "abc", "empty fill, huge length");
  same(M.padEnd2("abc", Infinity, ""), "abc", "empty fill, infinite length");
  for (const n of [536870889, 2 ** 31, Infinity]) {
    sameRangeError(() => M.padStart2("abc", n, "x"), () => "abc".padStart(n, "x"));
    sameRangeError(() => M.padEnd1("abc", n), () => "abc".padEnd(n));
  }
});

// ---- split, join -------------------------------------------------------------------------

test("split with a string separator, with and without a limit", () => {
  check([str, needle], (s, sep) => {
    same(M.split1(s, sep), s.split(sep), `split(${show(s)}, ${show(sep)})`);
  });
  const limit = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom(...SPECIAL_NUMBERS, -1, -2, 4294967295, 4294967296 + 2, 2.9));
  check([str, needle, limit], (s, sep, n) => {
    same(M.split2(s, sep, n), s.split(sep, n), `split(${show(s)}, ${show(sep)}, ${show(n)})`);
  });
  for (const s of ["", "a", ",", ",,", "a,b,,c,", "\ud83d\ude00"]) {
    for (const sep of ["", ",", ",,", "a", "\ude00"]) {
      same(M.split1(s, sep), s.split(sep), `split(${show(s)}, ${show(sep)})`);
    }
  }
});

test("join", () => {
  check([fc.array(str, { maxLength: 8 }), needle], (items, sep) => {
    same(M.join1(items, sep), items.join(sep), `join(${show(items)}, ${show(sep)})`);
    same(M.join0(items), items.join(), `join(${show(items)})`);
  });
});

// ---- trim ----------------------------------------------------------------------------------

test("trim, trimStart, trimEnd; the white space set", () => {
  check([str], (s) => {
    same(M.trim0(s), s.trim(), `trim(${show(s)})`);
    same(M.trimStart0(s), s.trimStart(), `trimStart(${show(s)})`);
    same(M.trimEnd0(s), s.trimEnd(), `trimEnd(${show(s)})`);
  });
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    assert.is(M.isJsWhitespace(c), ch.trim() === "", `white space: U+${c.toString(16)}`);
    same(M.trim0(ch + "x" + ch), (ch + "x" + ch).trim(), `trim around U+${c.toString(16)}`);
  }
});

// ---- toUpperCase, toLowerCase --------------------------------------------------------------

function hex(cp: number): string {
  return "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
}

test("toUpperCase, toLowerCase: every code point alone", () => {
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const s = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    const u = C.toUpperCase0(s);
    if (u !== s.toUpperCase()) assert.is(u, s.toUpperCase(), `toUpperCase(${hex(cp)})`);
    const l = C.toLowerCase0(s);
    if (l !== s.toLowerCase()) assert.is(l, s.toLowerCase(), `toLowerCase(${hex(cp)})`);
  }
});

test("toUpperCase, toLowerCase: every code point within runs of 61 (two-byte strings)", () => {
  // Each run also holds U+0100, so that Latin-1 characters take V8's general (ICU) path too.
  for (let start = 0; start <= 0x10ffff; start += 61) {
    let s = "\u0100";
    for (let cp = start; cp < start + 61 && cp <= 0x10ffff; cp++) {
      s += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    }
    const u = C.toUpperCase0(s);
    if (u !== s.toUpperCase()) assert.is(u, s.toUpperCase(), `toUpperCase of the run from ${hex(start)}`);
    const l = C.toLowerCase0(s);
    if (l !== s.toLowerCase()) assert.is(l, s.toLowerCase(), `toLowerCase of the run from ${hex(start)}`);
  }
});

test("toLowerCase: Final_Sigma in random contexts; both cases of random strings", () => {
  const context = fc.constantFrom(
    "\u03a3", "\u03a3", "A", "a", "\u03c3", " ", "'", ".", ":", "\u0301", "\u02b0", "\u00ad", "1", "\u0130",
    "\u00df", "\u0345", "\u{10400}", "\u{10428}", "\u{1d167}", "\u{e0001}", "\ud801", "\udc00", "\u2019", "\u05f4",
    "\u1fbc", "\u01c5", "\u0149",
  );
  check([fc.string({ unit: context, maxLength: 12 })], (s) => {
    same(C.toLowerCase0(s), s.toLowerCase(), `toLowerCase(${show(s)})`);
    same(C.toUpperCase0(s), s.toUpperCase(), `toUpperCase(${show(s)})`);
  });
  check([str], (s) => {
    same(C.toLowerCase0(s), s.toLowerCase(), `toLowerCase(${show(s)})`);
    same(C.toUpperCase0(s), s.toUpperCase(), `toUpperCase(${show(s)})`);
  });
  // Strings that need no change come back as they are.
  const ascii = "hello, world 123";
  assert.ok(C.toLowerCase0(ascii) === ascii);
  assert.ok(C.toUpperCase0("HELLO \u00c0") === "HELLO \u00c0");
});

// ---- The generator of the case tables --------------------------------------------------------

interface RangeRun {
  start: number;
  end: number;
  delta: number;
  step: number;
}

/** The tables of rlib/strcase.ts, from this Node's own case mappings (see the comment there). */
function caseTablesSource(): string {
  function analyze(map: (s: string) => string): { enc: number[]; from: number[]; to: string[] } {
    const ranges: RangeRun[] = [];
    const from: number[] = [];
    const to: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      const m = map(s);
      if (m === s) continue;
      const cps = [...m].map((c) => c.codePointAt(0)!);
      if (cps.length !== 1) {
        from.push(cp);
        to.push(m);
        continue;
      }
      const delta = cps[0] - cp;
      const last = ranges[ranges.length - 1];
      if (last && last.delta === delta) {
        if (last.step === 0 && (cp - last.end === 1 || cp - last.end === 2)) {
          last.step = cp - last.end;
          last.end = cp;
          continue;
        }
        if (last.step !== 0 && cp - last.end === last.step) {
          last.end = cp;
          continue;
        }
      }
      ranges.push({ start: cp, end: cp, delta, step: 0 });
    }
    const enc: number[] = [];
    let prev = 0;
    for (const r of ranges) {
      const step = r.step || 1;
      enc.push(r.start - prev, (r.end - r.start) / step + 1, r.delta, step);
      prev = r.start;
    }
    return { enc, from, to };
  }
  // Case_Ignorable wins over Cased, as in ICU's Final_Sigma test.
  const cased = /\p{Cased}/u;
  const ignorable = /\p{Case_Ignorable}/u;
  const ctx: number[] = [];
  let prev = 0;
  let run: { start: number; end: number; k: number } | null = null;
  const flush = (): void => {
    if (run) {
      ctx.push(run.start - prev, run.end - run.start + 1, run.k);
      prev = run.start;
    }
  };
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const c = cp >= 0xd800 && cp <= 0xdfff ? "" : String.fromCodePoint(cp);
    const k = c === "" ? 0 : ignorable.test(c) ? 2 : cased.test(c) ? 1 : 0;
    if (run && run.k === k && run.end === cp - 1) {
      run.end = cp;
      continue;
    }
    if (k === 0) continue;
    flush();
    run = { start: cp, end: cp, k };
  }
  flush();
  const upper = analyze((s) => s.toUpperCase());
  const lower = analyze((s) => s.toLowerCase());

  function literal(s: string): string {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out += c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c ? s[i] : "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
    }
    return out + '"';
  }
  function array(name: string, type: string, items: string[]): string {
    let out = `const ${name}: ${type} = [\n`;
    let line = "  ";
    for (const item of items) {
      const t = `${item},`;
      if (line.length + t.length + 1 > 100) {
        out += line.trimEnd() + "\n";
        line = "  ";
      }
      line += t + " ";
    }
    return out + line.trimEnd() + "\n];\n";
  }
  const nums = (xs: number[]): string[] => xs.map(String);
  return (
    array("UPPER_RANGES_ENC", "int[]", nums(upper.enc)) +
    array("UPPER_SPECIAL_FROM", "int[]", nums(upper.from)) +
    array("UPPER_SPECIAL_TO", "string[]", upper.to.map(literal)) +
    array("LOWER_RANGES_ENC", "int[]", nums(lower.enc)) +
    array("LOWER_SPECIAL_FROM", "int[]", nums(lower.from)) +
    array("LOWER_SPECIAL_TO", "string[]", lower.to.map(literal)) +
    array("CASE_CONTEXT_ENC", "int[]", nums(ctx))
  );
}

test("the case tables are the ones this Node generates", async () => {
  const fs = await import("node:fs");
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "rlib", "strcase.ts");
  const text = fs.readFileSync(file, "utf8");
  const begin = "// @generated-case-tables-begin\n";
  const end = "// @generated-case-tables-end\n";
  const a = text.indexOf(begin) + begin.length;
  const b = text.indexOf(end);
  assert.ok(a >= begin.length && b > a, "markers of the generated tables");
  const fresh = caseTablesSource();
  if (process.env.RTS_REGEN_CASE_TABLES === "1" && text.slice(a, b) !== fresh) {
    fs.writeFileSync(file, text.slice(0, a) + fresh + text.slice(b));
    console.log("rewrote the case tables of rlib/strcase.ts");
    return;
  }
  assert.ok(text.slice(a, b) === fresh,
    "the case tables differ from this Node's (" + process.versions.unicode + "): regenerate them with " +
    "RTS_REGEN_CASE_TABLES=1 node tests/run.mjs 'strmethods\\.test\\.ts$'");
});

test.run();
