// rlib/numconv.ts, run untranslated, against Node's own parseInt, parseFloat, Number(s),
// Number.prototype.toString(radix) and toFixed: every result must be the same double (Object.is)
// or the same string, and the same RangeErrors (with V8's messages).
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as N from "../rlib/numconv.ts";
import { fromBits, toBits } from "./support/floats.ts";
import { sameRangeError } from "./support/fatal.ts";

const RUNS = Number(process.env.RTS_PROPERTY_RUNS ?? 3000);

// ---- Helpers ---------------------------------------------------------------------------------

function show(x: unknown): string {
  if (typeof x === "number") return `${Object.is(x, -0) ? "-0" : String(x)} [0x${toBits(x).toString(16)}]`;
  return JSON.stringify(x);
}

function sameNumber(actual: number, expected: number, what: string): void {
  if (!Object.is(actual, expected)) assert.unreachable(`${what}: got ${show(actual)}, want ${show(expected)}`);
}

/** All three readers of a string against the native ones. */
function checkParse(s: string): void {
  sameNumber(N.parseFloat1(s), parseFloat(s), `parseFloat(${show(s)})`);
  sameNumber(N.numberOfString(s), Number(s), `Number(${show(s)})`);
  sameNumber(N.parseInt1(s), parseInt(s), `parseInt(${show(s)})`);
}

function property<T>(arb: fc.Arbitrary<T>, predicate: (x: T) => void, runs = RUNS): void {
  fc.assert(fc.property(arb, predicate), { numRuns: runs });
}

/** Doubles of every kind: any bit pattern, small integers, short decimals. */
const anyDouble = fc.oneof(
  fc.double(),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(fromBits),
  fc.integer({ min: -1000000, max: 1000000 }),
  fc.integer({ min: -100000, max: 100000 }).map((i) => i / 100),
  fc.double({ min: -1e-300, max: 1e-300 }),
);

const WHITE = [" ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];
const space = fc.string({ unit: fc.constantFrom(...WHITE, ...WHITE), maxLength: 3 });
const junk = fc.constantFrom("", "", "", "x", " ", "e", "e+", ".", "..5", "_1", "px", "\u180e", "0x", "1", "Infinity", "-");

/** An exact decimal string of the value `num * 2^exp2` (num a non-negative BigInt). */
function exactDecimal(num: bigint, exp2: number): string {
  if (exp2 >= 0) return (num << BigInt(exp2)).toString();
  const k = -exp2;
  const digits = (num * 5n ** BigInt(k)).toString().padStart(k + 1, "0");
  return `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
}

/** The midpoint between a finite positive double and the next one above, exactly, in decimal. */
function midpointAbove(x: number): string {
  const bits = toBits(x);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e = -1074;
  if (biased > 0) {
    mant |= 1n << 52n;
    e = biased - 1075;
  }
  return exactDecimal(2n * mant + 1n, e - 1);
}

// ---- parseFloat, Number(s), parseInt(s) ------------------------------------------------------

test("readers: hand-picked strings", () => {
  const cases = [
    "", " ", "  \n\t", "0", "-0", "+0", "00", "007", "0.0", "-0.0", "1", "-1", "+1", "1.5", ".5", "5.", ".",
    "+.", "-.", "-.5", "+.5e1", "1e", "1e+", "1e-", "1e5", "1E5", "1e+5", "1e-5", "1.e5", ".e5", "e5", "1e5.5",
    "Infinity", "-Infinity", "+Infinity", "infinity", "INFINITY", "Infinityx", " Infinity ", "Inf", "NaN",
    "0x", "0x1f", "0X1F", "-0x1f", "+0x1f", "0x1g", "0xg", "0b101", "0B101", "0b102", "0b", "0o17", "0O17", "0o8",
    "0o", "00x1", "0x.5", "1_000", "1,000", "12px", "  12  ", "\u00a012\u3000", "\ufeff1", "\u180e1", "1\u180e",
    "\u200b1", "9007199254740993", "9007199254740995", "18446744073709551616", "1e308", "1.7976931348623157e308",
    "1.7976931348623158e308", "1.7976931348623159e308", "2e308", "1e309", "4.9e-324", "5e-324", "2.4703282292062327e-324",
    "2.4703282292062328e-324", "2.47032822920623272e-324", "1e-400", "-1e-400", "2.2250738585072011e-308",
    "2.2250738585072012e-308", "2.2250738585072014e-308", "0.1", "0.2", "0.3", "0.30000000000000004",
    "123456789012345678901234567890", "1e23", "8.41e21", "1e22", "1e-22", "1e-23", "9e15", "1e99999999999999999999",
    "1e-99999999999999999999", "0e99999999", "0.000000000000000000000000000000000000000001e42",
    "1" + "0".repeat(400), "0." + "0".repeat(400) + "1", "0".repeat(500) + "12", "1".repeat(1000),
    "0x" + "f".repeat(300), "0x" + "F".repeat(13), "0x20000000000001", "0x20000000000003", "0x20000000000002",
    "0x200000000000011", "0b" + "1".repeat(54), "0o" + "7".repeat(20), "-", "+", "--1", "+-1", "- 1", "1 2",
    "0x-1", "1e1_0", "١٢", "１２",
  ];
  for (const s of cases) checkParse(s);
});

test("readers: String(x) of any double, with white space, signs and junk", () => {
  property(fc.tuple(anyDouble, space, space, junk, fc.constantFrom("", "+", "-")), ([x, a, b, j, sign]) => {
    const s = String(x);
    checkParse(s);
    checkParse(a + s + b);
    checkParse(a + sign + s + j);
  });
});

test("readers: toExponential, toFixed and toPrecision forms of doubles", () => {
  property(fc.tuple(anyDouble, fc.integer({ min: 0, max: 40 })), ([x, k]) => {
    if (!Number.isFinite(x)) return;
    checkParse(x.toExponential(Math.min(k, 100)));
    checkParse(x.toPrecision(Math.max(1, Math.min(k, 100))));
    if (Math.abs(x) < 1e21) checkParse(x.toFixed(k));
    checkParse(x.toExponential().toUpperCase());
  });
});

test("readers: random digit strings of 1-40 digits with a point and an exponent", () => {
  const digits = fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), minLength: 1, maxLength: 40 });
  const literal = fc.tuple(
    digits,
    fc.integer({ min: -1, max: 41 }),
    fc.oneof(fc.constant(""), fc.integer({ min: -400, max: 400 }).map((e) => `e${e}`), fc.integer({ min: -30, max: 30 }).map((e) => `E+${e}`)),
    fc.constantFrom("", "-", "+"),
  ).map(([d, point, exp, sign]) => {
    const body = point < 0 || point > d.length ? d : `${d.slice(0, point)}.${d.slice(point)}`;
    return sign + body + exp;
  });
  property(literal, checkParse, RUNS * 3);
});

test("readers: exact midpoints between neighbouring doubles, and just above and below", () => {
  const positive = fc.oneof(
    fc.bigInt({ min: 1n, max: 0x7fefffffffffffffn }).map(fromBits),
    fc.double({ min: 1e-310, max: 1e-300 }),
    fc.double({ min: 1, max: 1e20 }),
    fc.bigInt({ min: 1n, max: 1n << 52n }).map(fromBits),
  );
  property(positive, (x) => {
    const m = midpointAbove(x);
    checkParse(m);
    checkParse("-" + m);
    checkParse(m + "000000000000000000001");
    checkParse(m + "0".repeat(900) + "1");
    // One unit less in the last digit: just below the midpoint.
    const last = m.length - 1;
    const below = m.slice(0, last) + String(Number(m[last]) - 1);
    checkParse(below);
    checkParse(below + "9".repeat(30));
  }, 1500);
  for (let p = -1074; p <= 1023; p += 1) {
    const x = 2 ** p;
    checkParse(midpointAbove(x));
    checkParse(String(x));
    if (p > -1074) checkParse(midpointAbove(fromBits(toBits(x) - 1n)));
  }
  checkParse(midpointAbove(Number.MAX_VALUE)); // rounds to Infinity (ties to even)
});

test("parseInt with a radix", () => {
  const digitChars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const radix = fc.oneof(
    fc.integer({ min: 2, max: 36 }),
    fc.integer({ min: 2, max: 36 }),
    fc.constantFrom(0, 1, 37, -1, 10.5, 16.9, -0, NaN, Infinity, -Infinity, 2 ** 32 + 16, -(2 ** 32) + 8, 1e300, 36.99),
  );
  const text = fc.tuple(
    space,
    fc.constantFrom("", "", "-", "+", "0x", "0X", "-0x", "00", "+-"),
    fc.string({ unit: fc.constantFrom(...digitChars), minLength: 0, maxLength: 40 }),
    junk,
  ).map(([a, p, d, j]) => a + p + d + j);
  property(fc.tuple(text, radix), ([s, r]) => {
    sameNumber(N.parseInt2(s, r), parseInt(s, r), `parseInt(${show(s)}, ${show(r)})`);
  }, RUNS * 3);
  // Long digit strings in every radix, where the approximations and roundings show.
  property(fc.tuple(fc.integer({ min: 2, max: 36 }), fc.integer({ min: 10, max: 400 }), fc.integer()), ([r, n, seed]) => {
    let s = "";
    let state = seed >>> 0;
    for (let i = 0; i < n; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      s += digitChars[(state >>> 8) % r];
    }
    sameNumber(N.parseInt2(s, r), parseInt(s, r), `parseInt(${show(s)}, ${r})`);
    sameNumber(N.parseInt2("1" + s, r), parseInt("1" + s, r), `parseInt(${show("1" + s)}, ${r})`);
  }, 1500);
  for (let r = 2; r <= 36; r++) {
    for (const x of [2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 60, 2 ** 64, 1e20, Number.MAX_VALUE, 123.456]) {
      const s = x.toString(r);
      sameNumber(N.parseInt2(s, r), parseInt(s, r), `parseInt(${show(s)}, ${r})`);
    }
  }
});

// ---- toString(radix) -----------------------------------------------------------------------

test("toString(radix) of any double", () => {
  property(fc.tuple(anyDouble, fc.integer({ min: 2, max: 36 })), ([x, r]) => {
    assert.is(N.numToString1(x, r), x.toString(r), `(${show(x)}).toString(${r})`);
  }, RUNS * 3);
  const specials = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 0.5, 0.1, 1 / 3,
    2 ** 53, 2 ** 53 + 2, 2 ** 70, 1e21, 1e-7, 255, -255, 35, 36, 1 - 2 ** -53, 2 ** -1022, 123.456, Math.PI];
  for (let r = 2; r <= 36; r++) {
    for (const x of specials) assert.is(N.numToString1(x, r), x.toString(r), `(${show(x)}).toString(${r})`);
  }
  for (const r of [2.5, 16.9, 36.999, 10, 10.5]) {
    for (const x of specials) assert.is(N.numToString1(x, r), x.toString(r), `(${show(x)}).toString(${r})`);
  }
  for (const x of specials) assert.is(N.numToString0(x), x.toString(), `(${show(x)}).toString()`);
  for (const r of [1, 0, -1, 37, 1.5, NaN, Infinity, -Infinity, 2 ** 32 + 10]) {
    sameRangeError(() => N.numToString1(255, r), () => (255).toString(r));
    sameRangeError(() => N.numToString1(NaN, r), () => NaN.toString(r));
  }
});

// ---- toFixed -------------------------------------------------------------------------------

test("toFixed of any double, 0 to 100 digits", () => {
  const digits = fc.oneof(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(0.5, 99.9, 100.99, -0.5, NaN, -0));
  property(fc.tuple(anyDouble, digits), ([x, f]) => {
    assert.is(N.numToFixed1(x, f), x.toFixed(f), `(${show(x)}).toFixed(${f})`);
  }, RUNS * 3);
  // Ties (k / 2^j), values near 1e21, tiny values.
  property(fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), ([k, j, f]) => {
    const x = k / 2 ** j;
    assert.is(N.numToFixed1(x, f), x.toFixed(f), `(${show(x)}).toFixed(${f})`);
  });
  const specials = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e21, -1e21, 999999999999999900000, 1e21 - 65536,
    0.5, 1.5, 2.5, -0.5, -1.5, 1.005, 1.45, 8.345, 0.000001, 1e-7, -1e-7, 123.456, 2 ** 53, 2 ** 69, Number.MAX_VALUE, 0.1];
  for (const x of specials) {
    for (let f = 0; f <= 100; f++) assert.is(N.numToFixed1(x, f), x.toFixed(f), `(${show(x)}).toFixed(${f})`);
    assert.is(N.numToFixed0(x), x.toFixed(), `(${show(x)}).toFixed()`);
  }
  for (const f of [-1, 101, -0.5 - 1, 100.5 + 1, Infinity, -Infinity, 1e300]) {
    sameRangeError(() => N.numToFixed1(1.5, f), () => (1.5).toFixed(f));
    sameRangeError(() => N.numToFixed1(NaN, f), () => NaN.toFixed(f));
  }
});

test.run();
