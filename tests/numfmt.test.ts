// rlib/numfmt.ts, run untranslated, against JavaScript's own String(x).
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { formatFloat, formatInt } from "../rlib/numfmt.ts";
import { fromBits, toBits } from "./support/floats.ts";

/** x and the doubles right below and above it (for finite x > 0). */
function withNeighbours(x: number): number[] {
  const bits = toBits(x);
  const out = [x, fromBits(bits + 1n)];
  if (bits > 0n) out.push(fromBits(bits - 1n));
  return out;
}

function checkFloat(x: number): void {
  assert.is(formatFloat(x), String(x), `formatFloat(${String(x)}) [bits 0x${toBits(x).toString(16)}]`);
}

function checkAll(xs: number[]): void {
  for (const x of xs) {
    checkFloat(x);
    checkFloat(-x);
  }
}

test("formatFloat: special values and hand-picked corner cases", () => {
  checkAll([
    0, -0, NaN, Infinity, -Infinity,
    5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
    1e21, 999999999999999900000, 1e-7, 1e-6, 0.000001, 0.0000001, 1.5e-7, 0.00001234,
    123e-20, 0.1 + 0.2, 1 / 3, 2 / 3, 10 / 3, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 9007199254740993,
    1e16, 1e17, 1.5e300, 1e23, 9.999999999999999e22, 123456789012345680000, 12345678901234567000,
    0.1, 0.2, 0.3, 1.1, 2.675, 1.005, 9.95, 123.456, 1, 1.5, 100, 4.35, 0.5, 5e-7, 1.2e-7,
    4.9406564584124654e-324, 2 ** -1022, 2 ** -1023, 2 ** -1074 * 3, 2 ** 1023, 2 ** -1, 2 ** 52,
    Number.MAX_SAFE_INTEGER, Number.EPSILON, 8.41e21, 5e-310, 1.7976931348623155e308,
    // Exact ties between the two shortest candidates (resolved to the even digit).
    2 ** -25, 1125899906842624.25, 736221871833784.25, 90431514531396.125,
  ]);
});

test("formatFloat: powers of two and of ten, with their neighbouring doubles", () => {
  const xs: number[] = [];
  for (let p = -1074; p <= 1023; p++) xs.push(...withNeighbours(2 ** p));
  for (let p = -323; p <= 308; p++) xs.push(...withNeighbours(Number(`1e${p}`)));
  xs.push(...withNeighbours(Number.MIN_VALUE), ...withNeighbours(2.2250738585072014e-308));
  checkAll(xs.filter((x) => x > 0 && x < Infinity));
});

test("formatFloat: short decimals m * 10^p and simple fractions", () => {
  const xs: number[] = [];
  for (let p = -330; p <= 310; p++) {
    for (const m of [1, 2, 5, 9, 12, 25, 99, 125, 999, 123456789, 999999999999999, 9999999999999999]) {
      xs.push(Number(`${m}e${p}`));
    }
  }
  for (let i = 1; i <= 3000; i++) xs.push(i / 10, i / 3, i / 7, i / 1000, 1 / i, i * 0.1, i * 1.1);
  checkAll(xs.filter((x) => x > 0 && x < Infinity));
});

test("formatFloat: fc.double() including NaN, infinities and -0", () => {
  fc.assert(
    fc.property(fc.double({ noDefaultInfinity: false, noNaN: false }), (x) => {
      checkFloat(x);
    }),
    { numRuns: 30000 },
  );
});

test("formatFloat: doubles from uniformly random bit patterns", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (bits) => {
      checkFloat(fromBits(bits));
    }),
    { numRuns: 50000 },
  );
});

test("formatFloat: integer-valued doubles, small to 2^70", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer(),
        fc.maxSafeInteger(),
        fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((b) => Number(b)),
        fc.double({ min: -1e22, max: 1e22, noNaN: true }).map((x) => Math.trunc(x)),
      ),
      (x) => {
        checkFloat(x);
      },
    ),
    { numRuns: 20000 },
  );
});

test("formatInt: safe integers", () => {
  const corners = [0, 1, -1, 9, -9, 10, -10, 99, 100, -100, 2 ** 31, -(2 ** 31), 2 ** 32, 1e15,
    Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, -(2 ** 53)];
  for (const n of corners) {
    assert.is(formatInt(n), String(n));
  }
  fc.assert(
    fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1000 })), (n) => {
      assert.is(formatInt(n), String(n));
    }),
    { numRuns: 20000 },
  );
});

test.run();
