// rlib/collections.ts, run untranslated, against JS's own Map and Set: random sequences of
// set / delete / clear / has / get, with iterations that mutate the collection while they run
// (the part of JS's semantics an ordered hash table gets wrong most easily: deletions ahead of
// the iterator, insertions behind it, compaction and clear() in the middle of a loop).
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { OrderedIterator, OrderedMap, OrderedSet } from "../rlib/collections.ts";

const RUNS = Number(process.env.RTS_PROPERTY_RUNS ?? 300);

/** Keys that collide under SameValueZero in interesting ways, and a small pool so ops hit. */
const numberKey = fc.constantFrom(0, -0, 1, 2, 3, 7, 100, -1, 0.5, NaN, 2 ** 40, 1e300, -Infinity);
const stringKey = fc.oneof(fc.constantFrom("", "a", "b", "ab", "ba", "key"), fc.string({ maxLength: 3 }));

type Op =
  | { kind: "set"; key: number; value: number }
  | { kind: "delete"; key: number }
  | { kind: "clear" }
  | { kind: "iterate"; every: number; deleteAt: number; addKey: number };

function opArb(key: fc.Arbitrary<number>): fc.Arbitrary<Op> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("set" as const), key, value: fc.integer({ min: 0, max: 999 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), key }) },
    { weight: 1, arbitrary: fc.constant({ kind: "clear" as const }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("iterate" as const),
        every: fc.integer({ min: 1, max: 4 }),
        deleteAt: fc.integer({ min: 0, max: 5 }),
        addKey: key,
      }),
    },
  );
}

/** Runs the ops on a Map-like through its own iteration; returns a trace of what it saw. */
function trace(ops: Op[], m: {
  set(k: number, v: number): void;
  delete(k: number): boolean;
  clear(): void;
  size: number;
  entries(): Iterable<[number, number]>;
  has(k: number): boolean;
}): string[] {
  const out: string[] = [];
  for (const op of ops) {
    if (op.kind === "set") m.set(op.key, op.value);
    else if (op.kind === "delete") out.push(`del ${m.delete(op.key)}`);
    else if (op.kind === "clear") m.clear();
    else {
      let i = 0;
      for (const [k, v] of m.entries()) {
        out.push(`${Object.is(k, -0) ? "-0" : k}=${v}`);
        if (i % op.every === 0) m.set(op.addKey + i * 1000, i);
        if (i === op.deleteAt) m.delete(k);
        if (i === op.deleteAt + 2 && op.every === 4) m.clear();
        if (++i > 60) break;
      }
    }
    out.push(`size ${m.size}`);
  }
  return out;
}

/** OrderedMap seen through the interface `trace` uses (for-of is what the builder emits). */
function rlibMap(): Parameters<typeof trace>[1] {
  const m = new OrderedMap<number, number>();
  return {
    set: (k, v) => void m.set(k, v),
    delete: (k) => m.delete(k),
    clear: () => m.clear(),
    get size() {
      return m.size;
    },
    has: (k) => m.has(k),
    *entries(): Iterable<[number, number]> {
      const it: OrderedIterator<number, number> = m.iter();
      while (it.advance()) yield [it.key(), it.value()];
    },
  };
}

test("OrderedMap behaves as Map under random operations and mutating iteration", () => {
  fc.assert(
    fc.property(fc.array(opArb(numberKey), { maxLength: 80 }), (ops) => {
      assert.equal(trace(ops, rlibMap()), trace(ops, new Map<number, number>()));
    }),
    { numRuns: RUNS },
  );
});

test("OrderedMap lookups agree with Map for string keys, through growth and compaction", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.boolean(), stringKey), { maxLength: 300 }), (ops) => {
      const a = new OrderedMap<string, number>();
      const b = new Map<string, number>();
      ops.forEach(([add, k], i) => {
        if (add) {
          a.set(k, i);
          b.set(k, i);
        } else {
          assert.is(a.delete(k), b.delete(k));
        }
        assert.is(a.get(k), b.get(k));
        assert.is(a.size, b.size);
      });
      const keys: string[] = [];
      const it = a.iter();
      while (it.advance()) keys.push(it.key());
      assert.equal(keys, [...b.keys()]);
    }),
    { numRuns: RUNS },
  );
});

test("OrderedSet keeps insertion order and SameValueZero", () => {
  const s = new OrderedSet<number>();
  for (const x of [3, NaN, -0, 0, NaN, 1, 3]) s.add(x);
  const seen: string[] = [];
  const it = s.iter();
  while (it.advance()) seen.push(Object.is(it.key(), -0) ? "-0" : String(it.key()));
  assert.equal(seen, ["3", "NaN", "0", "1"]);
  assert.ok(s.has(-0) && s.has(NaN) && !s.has(2));
});

test.run();
