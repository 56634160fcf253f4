// rlib/math.ts, run untranslated, against Node's own Math.* (V8's fdlibm port): every result must
// be the same double, bit for bit (Object.is: NaN matches NaN, -0 does not match +0).
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as M from "../rlib/math.ts";
import * as B from "../rlib/mathbits.ts";
import { fromBits, toBits } from "./support/floats.ts";

function show(x: number): string {
  return `${Object.is(x, -0) ? "-0" : String(x)} [0x${toBits(x).toString(16).padStart(16, "0")}]`;
}

/** x and the `k` doubles on either side of it (for finite x). */
function neighbours(x: number, k: number): number[] {
  const out: number[] = [];
  const bits = toBits(x);
  for (let d = -k; d <= k; d++) {
    const b = bits + BigInt(d);
    if (b < 0n || b >= 1n << 64n) continue;
    const y = fromBits(b);
    if (Number.isFinite(y)) out.push(y);
  }
  return out;
}

type Unary = (x: number) => number;
type Binary = (x: number, y: number) => number;

const UNARY: [string, Unary, Unary][] = [
  ["sin", M.sin, Math.sin],
  ["cos", M.cos, Math.cos],
  ["tan", M.tan, Math.tan],
  ["asin", M.asin, Math.asin],
  ["acos", M.acos, Math.acos],
  ["atan", M.atan, Math.atan],
  ["exp", M.exp, Math.exp],
  ["expm1", M.expm1, Math.expm1],
  ["log", M.log, Math.log],
  ["log1p", M.log1p, Math.log1p],
  ["log2", M.log2, Math.log2],
  ["log10", M.log10, Math.log10],
  ["cbrt", M.cbrt, Math.cbrt],
  ["sinh", M.sinh, Math.sinh],
  ["cosh", M.cosh, Math.cosh],
  ["tanh", M.tanh, Math.tanh],
  ["asinh", M.asinh, Math.asinh],
  ["acosh", M.acosh, Math.acosh],
  ["atanh", M.atanh, Math.atanh],
];

function check1(name: string, f: Unary, ref: Unary, x: number): void {
  const got = f(x);
  const want = ref(x);
  if (!Object.is(got, want)) assert.unreachable(`${name}(${show(x)}) = ${show(got)}, Math.${name} gives ${show(want)}`);
}

function check2(name: string, f: Binary, ref: Binary, x: number, y: number): void {
  const got = f(x, y);
  const want = ref(x, y);
  if (!Object.is(got, want)) {
    assert.unreachable(`${name}(${show(x)}, ${show(y)}) = ${show(got)}, Math.${name} gives ${show(want)}`);
  }
}

const checkPow = (x: number, y: number) => check2("pow", M.pow, Math.pow, x, y);
const checkAtan2 = (y: number, x: number) => check2("atan2", M.atan2, Math.atan2, y, x);

// Values every function is tried on (with both signs), from the special cases of the C comments
// and the thresholds in the code.
const SPECIAL: number[] = [
  0, NaN, Infinity, Number.MIN_VALUE, 2 ** -1074 * 3, 2 ** -1023, 2 ** -1022, 2.225073858507201e-308,
  Number.MAX_VALUE, 2 ** 1023, 2 ** -60, 2 ** -57, 2 ** -56, 2 ** -55, 2 ** -54, 2 ** -53, 2 ** -29,
  2 ** -28, 2 ** -27, 2 ** -20, 2 ** -1, 0.25, 0.3, 0.4375, 0.5, 0.6744, 0.6875, 0.75, 0.78125,
  0.975, 0.98, 1, 1.1875, 1.5, 2, 2.4375, 3, 10, 22, 2 ** 28, 2 ** 31, 2 ** 52, 2 ** 53, 2 ** 54,
  2 ** 64, 2 ** 66, 1e22, 1e300, Math.E, Math.LN2, Math.LN2 / 2, Math.LN2 * 1.5, Math.LN2 * 56,
  Math.PI, Math.PI / 2, Math.PI / 4, 3 * Math.PI / 4, Math.SQRT2, Math.SQRT1_2, Math.sqrt(3),
  Math.sqrt(1.5), 709.782712893384, 709.7822265625, 710.4758600739439, 745.1332191019411,
  709.78, 710, 711, 745, 746, 1074, 1075, 1023, 1024, 1025, 0.1, 0.2, 1 / 3, 2 / 3, 100, 1000,
  1e-5, 1e-10, 1e-300, 1e-310,
];

function specialValues(): number[] {
  const xs: number[] = [];
  for (const v of SPECIAL) {
    const around = Number.isFinite(v) && v !== 0 ? neighbours(v, 2) : [v];
    for (const x of around) xs.push(x, -x);
  }
  return xs;
}

test("unary functions: special values, thresholds and their neighbours", () => {
  const xs = specialValues();
  for (const [name, f, ref] of UNARY) for (const x of xs) check1(name, f, ref, x);
});

for (const [name, f, ref] of UNARY) {
  test(`${name}: fc.double() (all doubles: NaN, infinities, -0, subnormals)`, () => {
    fc.assert(
      fc.property(fc.double(), (x) => check1(name, f, ref, x)),
      { numRuns: 20000 },
    );
  });
  test(`${name}: fc.double() in [-1000, 1000]`, () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000 }), (x) => check1(name, f, ref, x)),
      { numRuns: 10000 },
    );
  });
}

test("unary functions: a sweep of [-40, 40] in steps of 1/64 and of [0.5, 2] in steps of 2^-12", () => {
  const xs: number[] = [];
  for (let i = -40 * 64; i <= 40 * 64; i++) xs.push(i / 64);
  for (let i = 2048; i <= 8192; i++) xs.push(i / 4096, -i / 4096);
  for (const [name, f, ref] of UNARY) for (const x of xs) check1(name, f, ref, x);
});

test("unary functions: powers of two and ten with their neighbours", () => {
  const xs: number[] = [];
  for (let p = -1074; p <= 1023; p += 1) xs.push(...neighbours(2 ** p, 1));
  for (let p = -323; p <= 308; p += 1) xs.push(...neighbours(Number(`1e${p}`), 1));
  for (const [name, f, ref] of UNARY) for (const x of xs) {
    check1(name, f, ref, x);
    check1(name, f, ref, -x);
  }
});

// ---- sin, cos, tan: argument reduction ----

const TRIG: [string, Unary, Unary][] = [
  ["sin", M.sin, Math.sin],
  ["cos", M.cos, Math.cos],
  ["tan", M.tan, Math.tan],
];

function checkTrig(x: number): void {
  for (const [name, f, ref] of TRIG) {
    check1(name, f, ref, x);
    check1(name, f, ref, -x);
  }
}

test("sin/cos/tan: near multiples of pi/2 (k up to 10^5, and k * 2^j up to 2^1000)", () => {
  for (let k = 1; k <= 100000; k++) {
    const x = k * (Math.PI / 2);
    if (k <= 2000) for (const y of neighbours(x, 3)) checkTrig(y);
    else checkTrig(x);
  }
  for (let j = 0; j <= 1000; j += 1) {
    for (const k of [1, 3, 5, 7, 11, 0x6487ed, 0x6487ed5110b46]) {
      const x = k * (Math.PI / 2) * 2 ** j;
      if (Number.isFinite(x)) for (const y of neighbours(x, 1)) checkTrig(y);
    }
  }
});

test("sin/cos/tan: x - k pi/2 cancelling every number of leading bits (all three reduction rounds)", () => {
  // x = k pi/2 (1 + d 2^-j): the first reduction round loses about j bits to cancellation, which
  // selects 1, 2 or 3 rounds (thresholds at 16 and 49 bits).
  for (let k = 1; k <= 700000; k = Math.floor(k * 1.37) + 1) {
    const base = k * (Math.PI / 2);
    for (let j = 1; j <= 60; j++) {
      for (const d of [1, -1, 3, -5]) checkTrig(base + d * base * 2 ** -j);
    }
  }
});

test("sin/cos/tan: the reduction thresholds (pi/4, 3pi/4, 2^19 pi/2, 2^20 pi/2) and huge arguments", () => {
  const xs = [
    Math.PI / 4, 3 * Math.PI / 4, 2 ** 19 * (Math.PI / 2), 2 ** 20 * (Math.PI / 2), 2 ** 20, 2 ** 30,
    1e22, 1e100, 1e200, 1e300, Number.MAX_VALUE, 2 ** 1023, 2 ** 1000, 2 ** 100, 2 ** 60,
    // Hard cases for the reduction: very close to a multiple of pi/2.
    6381956970095103 * 2 ** 797, 5.319372648326541e255, 1.5707963267948966e300,
    8.98846567431158e307, 2.6e15, 4.503599627370496e15, 1.8e308, 3.14159265358979e10,
    0.7853981633974483, 0.7853981633974484, 2.356194490192345, 2.3561944901923453,
  ];
  for (let e = 0; e < 64; e++) {
    const hw = [0x3fe921fb, 0x4002d97c, 0x413921fb, 0x3ff921fb, 0x400921fb][e % 5];
    xs.push(fromBits((BigInt(hw) << 32n) | BigInt(e * 0x4000001)));
  }
  for (const x of xs) for (const y of neighbours(x, 2)) checkTrig(y);
});

test("sin/cos/tan: fc.double() with large magnitudes (2^19 .. 2^1024)", () => {
  fc.assert(
    fc.property(fc.double({ min: 2 ** 19, max: Number.MAX_VALUE, noNaN: true }), fc.boolean(), (x, neg) => {
      checkTrig(neg ? -x : x);
    }),
    { numRuns: 20000 },
  );
});

test("sin/cos/tan: fc.double() in [-10^6, 10^6]", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e6, max: 1e6 }), (x) => checkTrig(x)),
    { numRuns: 20000 },
  );
});

// ---- pow ----

const POW_SPECIAL: number[] = [
  0, -0, NaN, Infinity, -Infinity, 1, -1, 2, -2, 0.5, -0.5, 3, -3, 1.5, -1.5, 0.25, 1 / 3, 10,
  Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 31, -(2 ** 31),
  2 ** 31 + 1, 2 ** 52, 2 ** 52 + 1, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, 2 ** 64, 2 ** 64 + 2 ** 12,
  -(2 ** 53 - 1), 1 + 2 ** -52, 1 - 2 ** -53, -(1 + 2 ** -52), -(1 - 2 ** -53), 1 + 2 ** -20,
  1 - 2 ** -20, 1023, 1024, 1025, -1074, -1075, -1076, 1e300, 1e-300, 0.9999999999999999,
  Math.PI, -Math.PI, Math.E, 7, -7, 2 ** 21 + 1, 2 ** 21, 2 ** 20 + 1, 2 ** 33 + 1, 2 ** 40 + 3,
];

test("pow: every pair of special values (the C comment's cases, including JS's NaN ones)", () => {
  for (const x of POW_SPECIAL) for (const y of POW_SPECIAL) checkPow(x, y);
  // The JS-specific cases the brief calls out.
  assert.ok(Number.isNaN(M.pow(1, Infinity)) && Number.isNaN(M.pow(-1, -Infinity)) && Number.isNaN(M.pow(1, NaN)));
  assert.ok(Object.is(M.pow(-0, -1), -Infinity) && Object.is(M.pow(-0, 3), -0) && Object.is(M.pow(NaN, 0), 1));
});

test("pow: fc.double() ** fc.double()", () => {
  fc.assert(
    fc.property(fc.double(), fc.double(), (x, y) => checkPow(x, y)),
    { numRuns: 20000 },
  );
});

test("pow: fc.double() ** integers in -50..50", () => {
  fc.assert(
    fc.property(fc.double(), fc.integer({ min: -50, max: 50 }), (x, y) => checkPow(x, y)),
    { numRuns: 20000 },
  );
});

test("pow: fc.double() ** any integer, and finite moderate doubles ** each other", () => {
  fc.assert(
    fc.property(fc.double(), fc.integer(), (x, y) => checkPow(x, y)),
    { numRuns: 20000 },
  );
  fc.assert(
    fc.property(fc.double({ min: -100, max: 100 }), fc.double({ min: -400, max: 400 }), (x, y) => checkPow(x, y)),
    { numRuns: 20000 },
  );
});

test("pow: small integers ** small integers, and halves/thirds", () => {
  for (let x = -40; x <= 40; x++) {
    for (let y = -60; y <= 60; y++) {
      checkPow(x, y);
      checkPow(x + 0.5, y);
      checkPow(x, y / 2);
      checkPow(x, y / 3);
      checkPow(x / 8, y);
    }
  }
  for (let y = -1100; y <= 1100; y++) {
    checkPow(2, y);
    checkPow(-2, y);
    checkPow(10, y / 3);
    checkPow(0.5, y);
  }
});

test("pow: x near 1 with huge exponents, and results near overflow / underflow", () => {
  const ys = [2 ** 31 + 1, 2 ** 32, 2 ** 40, 2 ** 52 + 1, 2 ** 60, 2 ** 63, 2 ** 64, 2 ** 65, 1e20, 1e300];
  for (const x of [1, -1, 1 + 2 ** -52, 1 - 2 ** -53, 1 + 2 ** -30, 1 - 2 ** -30, 1 + 2 ** -21, 1 - 2 ** -21, 1 + 2 ** -19]) {
    for (const xx of neighbours(x, 3)) {
      for (const y of ys) for (const yy of [y, -y, y + 1, -y - 1]) {
        checkPow(xx, yy);
        checkPow(-xx, yy);
      }
    }
  }
  // 2^1024 and 2^-1075 boundaries: x^y with y * log2(x) around 1024 and -1075.
  for (const x of [2, 3, 10, Math.E, 1.5, 0.5, 0.1]) {
    for (const target of [1023.5, 1024, 1024.0000001, -1022, -1074, -1074.5, -1075, -1075.5, -1076]) {
      const y = target / Math.log2(x);
      for (const yy of neighbours(y, 4)) {
        checkPow(x, yy);
        checkPow(-x, yy);
      }
    }
  }
});

// ---- atan2 ----

const ATAN2_SPECIAL: number[] = [
  0, -0, NaN, Infinity, -Infinity, 1, -1, 2, -2, 0.5, -0.5, Number.MIN_VALUE, -Number.MIN_VALUE,
  Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 60, 2 ** -60, 2 ** 61, 2 ** -61, 1e300, 1e-300, 3, -3,
  1 + 2 ** -52, 1 - 2 ** -53,
];

test("atan2: every pair of special values", () => {
  for (const y of ATAN2_SPECIAL) for (const x of ATAN2_SPECIAL) checkAtan2(y, x);
});

test("atan2: fc.double() pairs", () => {
  fc.assert(
    fc.property(fc.double(), fc.double(), (y, x) => checkAtan2(y, x)),
    { numRuns: 20000 },
  );
  fc.assert(
    fc.property(fc.double({ min: -100, max: 100 }), fc.double({ min: -100, max: 100 }), (y, x) => checkAtan2(y, x)),
    { numRuns: 20000 },
  );
});

test("imul, clz32, fround (mathbits.ts) against V8", () => {
  const int32ish = fc.oneof(
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    fc.constantFrom(0, -0, 1, -1, 0xffff, 0x10000, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53), NaN, Infinity, -Infinity, 0.5, -1.5, 1e20),
    fc.double(),
  );
  fc.assert(fc.property(int32ish, int32ish, (a, b) => Object.is(B.imul(a, b), Math.imul(a, b))), { numRuns: 5000 });
  fc.assert(fc.property(int32ish, (a) => Object.is(B.clz32(a), Math.clz32(a)) && Object.is(B.fround(a), Math.fround(a))), { numRuns: 5000 });
  for (let k = 0; k < 32; k++) {
    for (const x of [2 ** k, 2 ** k - 1, 2 ** k + 1]) assert.is(B.clz32(x), Math.clz32(x), `clz32(${x})`);
  }
  for (const x of [3.4028235677973366e38, 3.4028235677973366e38 * 1.0000001, 1.401298464324817e-45, 7e-46, 0.1, -0]) {
    assert.ok(Object.is(B.fround(x), Math.fround(x)), `fround(${x})`);
  }
});

test.run();
