// rlib/arrays.ts, run untranslated, against Node's own array methods: the same results, the
// same callback calls (element, index, array) in the same order for the iterating methods,
// the same (stable) order from sort for consistent comparators, and the fatal error where
// JS's reduce throws a TypeError.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as A from "../rlib/arrays.ts";
import { fatalMessage } from "./support/fatal.ts";

const RUNS = Number(process.env.RTS_PROPERTY_RUNS ?? 1000);
const ints = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 40 });

/** Runs a callback method on a copy, recording each call's (element, index) and whether it got the array. */
function traced<R>(xs: number[], run: (a: number[], f: (x: number, i: number, a: number[]) => number) => R): [R, string[], number[]] {
  const a = [...xs];
  const calls: string[] = [];
  const r = run(a, (x, i, arr) => {
    calls.push(`${x}@${i}${arr === a ? "" : "!"}`);
    return x * 3 - i;
  });
  return [r, calls, a];
}

test("forEach, map, filter, some, every, find, findIndex match the native methods", () => {
  fc.assert(
    fc.property(ints, fc.integer({ min: -20, max: 20 }), (xs, k) => {
      const same = <R>(mine: (a: number[], f: (x: number, i: number, a: number[]) => number) => R, native: typeof mine) =>
        assert.equal(traced(xs, mine), traced(xs, native));
      same((a, f) => A.forEach1(a, f), (a, f) => a.forEach(f));
      same((a, f) => A.map1(a, f), (a, f) => a.map(f));
      same((a, f) => A.filter1(a, (x, i, arr) => f(x, i, arr) > k), (a, f) => a.filter((x, i, arr) => f(x, i, arr) > k));
      same((a, f) => A.some1(a, (x, i, arr) => f(x, i, arr) > k), (a, f) => a.some((x, i, arr) => f(x, i, arr) > k));
      same((a, f) => A.every1(a, (x, i, arr) => f(x, i, arr) < k), (a, f) => a.every((x, i, arr) => f(x, i, arr) < k));
      same((a, f) => A.find1(a, (x, i, arr) => f(x, i, arr) === k), (a, f) => a.find((x, i, arr) => f(x, i, arr) === k));
      same((a, f) => A.findIndex1(a, (x, i, arr) => f(x, i, arr) === k), (a, f) => a.findIndex((x, i, arr) => f(x, i, arr) === k));
    }),
    { numRuns: RUNS },
  );
});

test("reduce with and without an initial value", () => {
  fc.assert(
    fc.property(ints, (xs) => {
      const f = (acc: number, x: number, i: number) => acc * 2 - x + i;
      assert.is(A.reduce2(xs, f, 7), xs.reduce(f, 7));
      if (xs.length > 0) assert.is(A.reduce1(xs, f), xs.reduce(f));
    }),
    { numRuns: RUNS },
  );
  assert.is(fatalMessage(() => A.reduce1([], (a: number, b: number) => a + b)), "rts: runtime error: TypeError: Reduce of empty array with no initial value\n");
});

test("callbacks that shrink the array see what the native methods see", () => {
  fc.assert(
    fc.property(ints, fc.integer({ min: 0, max: 40 }), (xs, at) => {
      const run = (forEach: (a: number[], f: (x: number, i: number) => void) => void) => {
        const a = [...xs];
        const seen: number[] = [];
        forEach(a, (x, i) => {
          seen.push(x);
          if (i === at) a.pop();
        });
        return seen;
      };
      assert.equal(run((a, f) => A.forEach1(a, f)), run((a, f) => a.forEach(f)));
    }),
    { numRuns: RUNS },
  );
});

test("sort with a consistent comparator is V8's (stable) order", () => {
  const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer()), { maxLength: 200 });
  fc.assert(
    fc.property(pairs, (ps) => {
      const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
      const mine = [...ps];
      const r = A.sort1(mine, byKey);
      assert.ok(r === mine, "sorts in place and returns the array");
      assert.equal(mine, [...ps].sort(byKey));
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 60 }), (xs) => {
      // (NaN or infinite elements make `a - b` an inconsistent comparator: any order is JS.)
      const cmp = (a: number, b: number) => a - b;
      assert.equal(A.sort1([...xs], cmp), [...xs].sort(cmp));
    }),
    { numRuns: RUNS },
  );
});

test("sort without a comparator orders by the elements' strings", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true })), { maxLength: 60 }), (xs) => {
      assert.equal(A.sort0([...xs]), [...xs].sort());
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 }), (xs) => {
      assert.equal(A.sort0([...xs]), [...xs].sort());
    }),
    { numRuns: RUNS },
  );
});

test("slice matches the native method (negative, fractional, NaN and out-of-range positions)", () => {
  const pos = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -50, max: 50 }), fc.constant(NaN), fc.constant(-0));
  fc.assert(
    fc.property(ints, pos, pos, (xs, start, end) => {
      assert.equal(A.slice1(xs, start), xs.slice(start));
      assert.equal(A.slice2(xs, start, end), xs.slice(start, end));
    }),
    { numRuns: RUNS },
  );
});

test("pushAll appends in order", () => {
  fc.assert(
    fc.property(ints, ints, (xs, ys) => {
      const a = [...xs];
      A.pushAll(a, ys);
      assert.equal(a, [...xs, ...ys]);
    }),
    { numRuns: RUNS },
  );
});

test.run();
