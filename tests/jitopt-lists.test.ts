// The trace optimizer's heap cache on list items (getlistitem_gc_* / setlistitem_gc), alone
// and after constant folding (an interpreter's stack), run
// untranslated on a hand-written trace; the expected trace is reasoned out by hand from the
// input (the array-item cases are in jitopt.test.ts). Then loop traces with list operations
// and instanceof, run by the reference evaluator before and after optimizeLoop.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import {
  CALL_N, ConstFloat, ConstInt, ConstRef, FLOAT_ADD, FLOAT_LT, GETFIELD_I, GETLISTITEM_F, GETLISTITEM_I, GETLISTITEM_R, GUARD_FALSE,
  GUARD_NO_EXCEPTION, GUARD_TRUE, INSTANCEOF, INT_ADD, INT_AND, INT_LT, INT_NE, INT_SUB, JUMP, LABEL, LIST_APPEND, LIST_LEN, LIST_POP_F, LIST_POP_I,
  LIST_POP_R, PTR_EQ, ResOp, SETARRAYITEM, SETFIELD, SETLISTITEM, Trace, TYPE_FLOAT, TYPE_INT, TYPE_REF, Value,
} from "../rlib/jitrt/resop.ts";
import { evaluateLoop } from "../rlib/jitrt/traceeval.ts";
import { TraceHeap } from "../rlib/jitrt/traceheap.ts";
import { exitOps, exitValues, frameSlots, JitFrame } from "../rlib/jitrt/frame.ts";
import { optimizeLoop, optimizeTrace } from "../rlib/jitrt/opt/index.ts";
import { printTrace } from "../rlib/jitrt/printer.ts";
import { Optimizer } from "../rlib/jitrt/opt/optimizer.ts";
import { HeapCache } from "../rlib/jitrt/opt/heap.ts";
import { ConstantFolding } from "../rlib/jitrt/opt/fold.ts";
import { PureCSE } from "../rlib/jitrt/opt/pure.ts";
import { GuardRemoval } from "../rlib/jitrt/opt/guards.ts";
import { DescrInfo } from "../rlib/jitrt/opt/descrs.ts";

const c = (n: number) => new ConstInt(n);

test("heap cache: list items; a write is known at once (out of range it is an error); a residual call forgets them", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const p1 = t.addInput(TYPE_REF);
  const i2 = t.addInput(TYPE_INT);
  const i3 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, p1, i2, i3], -1);
  t.record(SETLISTITEM, [p0, i2, i3], 5);
  const a = t.record(GETLISTITEM_I, [p0, i2], 5);
  t.record(SETFIELD, [p1, i3], 9);
  t.record(SETARRAYITEM, [p1, i2, i3], 3);
  const b = t.record(GETLISTITEM_I, [p0, i2], 5);
  const d = t.record(GETLISTITEM_I, [p1, c(0)], 5);
  t.record(SETLISTITEM, [p1, c(0), d], 5);
  const e = t.record(GETLISTITEM_I, [p0, i2], 5);
  t.record(SETLISTITEM, [p1, i2, d], 5);
  const f = t.record(GETLISTITEM_I, [p0, i2], 5);
  const g = t.record(GETLISTITEM_I, [p1, i2], 5);
  const h = t.record(GETLISTITEM_I, [p0, i2], 6);
  t.record(CALL_N, [p0], 8);
  const k = t.record(GETLISTITEM_I, [p1, i2], 5);
  const sum = [b, d, e, f, g, h, k].reduce((acc: Value, v) => t.record(INT_ADD, [acc, v], -1), a);
  t.record(JUMP, [p0, p1, i2, sum], -1);
  new Optimizer([new HeapCache(new DescrInfo())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, p1, i2, i3]",
    "label(p0, p1, i2, i3)",
    "setlistitem_gc(p0, i2, i3, descr=5)",
    "i4 = getlistitem_gc_i(p1, 0, descr=5)",
    "setlistitem_gc(p1, i2, i4, descr=5)", // (writing back p1[0] what was read goes)
    "i5 = getlistitem_gc_i(p0, i2, descr=5)", // p1 may be p0: p0[i2] is read again
    "i6 = getlistitem_gc_i(p0, i2, descr=6)", // another item type: other lists
    "setfield_gc(p1, i3, descr=9)", // fields and typed arrays are not list items: kept back until the call
    "setarrayitem_gc(p1, i2, i3, descr=3)",
    "call_n(p0, descr=8)",
    "i7 = getlistitem_gc_i(p1, i2, descr=5)", // the call may have resized or written the list
    "i8 = int_add(i3, i3)",
    "i9 = int_add(i8, i4)",
    "i10 = int_add(i9, i3)",
    "i11 = int_add(i10, i5)",
    "i12 = int_add(i11, i4)", // p1[i2] is the i4 just written
    "i13 = int_add(i12, i6)",
    "i14 = int_add(i13, i7)",
    "jump(p0, p1, i2, i14)",
    "",
  ].join("\n"));
});


test("heap cache: a stack pointer's items (i, i + 1, i + 2 after folding chains of additions) stay known across writes to the others", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1, i2], -1);
  t.record(SETLISTITEM, [p0, i1, i2], 5); // push i2
  const sp1 = t.record(INT_ADD, [i1, c(1)], -1);
  t.record(SETLISTITEM, [p0, sp1, c(7)], 5); // push 7
  const sp2 = t.record(INT_ADD, [sp1, c(1)], -1);
  const top = t.record(INT_SUB, [sp2, c(1)], -1); // pop: sp2 - 1 is sp1
  const a = t.record(GETLISTITEM_I, [p0, top], 5);
  const under = t.record(INT_SUB, [top, c(1)], -1); // sp1 - 1 is i1
  const b = t.record(GETLISTITEM_I, [p0, under], 5);
  const sum = t.record(INT_ADD, [a, b], -1);
  t.record(JUMP, [p0, under, sum], -1);
  new Optimizer([new ConstantFolding(), new PureCSE(), new HeapCache(new DescrInfo())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, i1, i2]",
    "label(p0, i1, i2)",
    "setlistitem_gc(p0, i1, i2, descr=5)",
    "i3 = int_add(i1, 1)",
    "setlistitem_gc(p0, i3, 7, descr=5)", // i1 + 1 is not i1: p0[i1] stays known
    "i4 = int_add(i1, 2)", // (dead: only the pops used it)
    "i5 = int_add(7, i2)",
    "jump(p0, i1, i5)",
    "",
  ].join("\n"));
});

test("heap cache: an append forgets no item, a pop of a list of unknown length the items of its descriptor; neither raises", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const p1 = t.addInput(TYPE_REF);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, p1, i2], -1);
  const a = t.record(GETLISTITEM_I, [p0, i2], 5);
  const b = t.record(GETLISTITEM_I, [p0, i2], 6);
  const f = t.record(GETFIELD_I, [p1], 9);
  t.record(LIST_APPEND, [p1, f], 5);
  t.record(GUARD_NO_EXCEPTION, [], -1);
  const a2 = t.record(GETLISTITEM_I, [p0, i2], 5); // still p0[i2]
  const f2 = t.record(GETFIELD_I, [p1], 9);
  const x = t.record(LIST_POP_I, [p1], 5); // the item just appended
  t.record(GUARD_NO_EXCEPTION, [], -1);
  const y = t.record(LIST_POP_I, [p1], 5); // p1's length is not known now
  const a3 = t.record(GETLISTITEM_I, [p0, i2], 5); // p1 may be p0, and p0[i2] its last item
  const b2 = t.record(GETLISTITEM_I, [p0, i2], 6); // another item type: other lists
  const f3 = t.record(GETFIELD_I, [p1], 9);
  const sum = [b, a2, f, f2, x, y, a3, b2, f3].reduce((acc: Value, v) => t.record(INT_ADD, [acc, v], -1), a);
  t.record(JUMP, [p0, p1, sum], -1);
  new Optimizer([new GuardRemoval(), new HeapCache(new DescrInfo())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, p1, i2]",
    "label(p0, p1, i2)",
    "i3 = getlistitem_gc_i(p0, i2, descr=5)",
    "i4 = getlistitem_gc_i(p0, i2, descr=6)",
    "i5 = getfield_gc_i(p1, descr=9)",
    "i6 = list_append(p1, i5, descr=5)",
    "i7 = list_pop_i(p1, descr=5)",
    "i8 = list_pop_i(p1, descr=5)",
    "i9 = getlistitem_gc_i(p0, i2, descr=5)",
    "i10 = int_add(i3, i4)",
    "i11 = int_add(i10, i3)",
    "i12 = int_add(i11, i5)",
    "i13 = int_add(i12, i5)",
    "i14 = int_add(i13, i5)", // x is i5
    "i15 = int_add(i14, i8)",
    "i16 = int_add(i15, i9)",
    "i17 = int_add(i16, i4)",
    "i18 = int_add(i17, i5)",
    "jump(p0, p1, i18)",
    "",
  ].join("\n"));
});

test("heap cache: a stack's length; a push read back at length - 1 and popped; items below a pop stay known", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  const n = t.record(LIST_APPEND, [p0, i1], 5);
  const top = t.record(INT_SUB, [t.record(LIST_LEN, [p0], -1), c(1)], -1);
  const a = t.record(GETLISTITEM_I, [p0, top], 5); // i1
  const x = t.record(LIST_POP_I, [p0], 5); // i1
  const under = t.record(INT_SUB, [t.record(LIST_LEN, [p0], -1), c(1)], -1); // n - 2
  const b = t.record(GETLISTITEM_I, [p0, under], 5); // read
  t.record(LIST_APPEND, [p0, c(7)], 5);
  const b2 = t.record(GETLISTITEM_I, [p0, under], 5); // b: an append writes no known item
  const y = t.record(LIST_POP_I, [p0], 5); // 7
  const z = t.record(LIST_POP_I, [p0], 5); // b: the length is n - 2 from n's base
  const w = t.record(LIST_POP_I, [p0], 5); // not known
  const sum = [a, x, b, b2, y, z, w].reduce((acc: Value, v) => t.record(INT_ADD, [acc, v], -1), n);
  t.record(JUMP, [p0, sum], -1);
  new Optimizer([new ConstantFolding(), new PureCSE(), new HeapCache(new DescrInfo())]).run(t);
  assert.fixture(printTrace(t), [
    "[p0, i1]",
    "label(p0, i1)",
    "i2 = list_append(p0, i1, descr=5)",
    "i3 = int_sub(i2, 1)", // (dead: the read went)
    "i4 = list_pop_i(p0, descr=5)",
    "i5 = int_add(i2, -1)", // the second list_len
    "i6 = int_add(i2, -2)",
    "i7 = getlistitem_gc_i(p0, i6, descr=5)",
    "i8 = list_append(p0, 7, descr=5)",
    "i9 = list_pop_i(p0, descr=5)",
    "i10 = list_pop_i(p0, descr=5)",
    "i11 = list_pop_i(p0, descr=5)",
    "i12 = int_add(i2, i1)",
    "i13 = int_add(i12, i1)",
    "i14 = int_add(i13, i7)",
    "i15 = int_add(i14, i7)",
    "i16 = int_add(i15, 7)",
    "i17 = int_add(i16, i7)",
    "i18 = int_add(i17, i11)",
    "jump(p0, i18)",
    "",
  ].join("\n"));
});

/** A model heap and the trace's input frame (made afresh for each run: a run changes both). */
type Setup = (heap: TraceHeap, frame: JitFrame) => number[];

/** Runs a loop trace: the exit it leaves by, the values it hands back, and the items of
 *  the lists (at the addresses `setup` returns) afterwards. */
function run(trace: Trace, setup: Setup): { exit: ResOp; values: number[]; lists: number[][] } {
  const heap = new TraceHeap();
  const frame = new JitFrame();
  const lists = setup(heap, frame);
  const exit = exitOps(trace)[evaluateLoop(trace, frame, heap)];
  const values = exitValues(exit);
  const slots = frameSlots(values);
  return {
    exit,
    values: values.map((v, i) => (v.type === TYPE_REF ? frame.refs[slots[i]] : v.type === TYPE_FLOAT ? frame.floats[slots[i]] : frame.ints[slots[i]])),
    lists: lists.map((address) => {
      const list = heap.list(address);
      return list.ints.slice(0, list.length).map((x, i) => x + list.floats[i]);
    }),
  };
}

/** A heap with one list of ints (its items `items`, at address 64) as the first ref input;
 *  the int inputs are `ints`. */
function oneList(items: number[], ints: number[]): Setup {
  return (heap, frame) => {
    const list = heap.addList(64, 2);
    for (const x of items) list.append(x, 0);
    frame.setRef(0, 64);
    ints.forEach((x, i) => frame.setInt(i, x));
    return [64];
  };
}

/** The trace leaves by the same exit with the same values, and leaves the same lists, after
 *  optimizeLoop, which must have changed it. */
function sameAfterOptimizing(t: Trace, setup: Setup): void {
  const printed = printTrace(t);
  const before = run(t, setup);
  optimizeLoop(t);
  assert.not.equal(printTrace(t), printed, "the optimizer changed nothing: the test tests nothing");
  const after = run(t, setup);
  assert.ok(after.exit === before.exit, `another exit:\n${printed}\n${printTrace(t)}`);
  assert.equal(after.values, before.values);
  assert.equal(after.lists, before.lists);
}

test("evaluator: a value stack (pushes read back at length - 1, popped, a write below) runs the same after optimizeLoop", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  const i2 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1, i2], -1);
  t.record(LIST_APPEND, [p0, i1], 5);
  t.record(GUARD_NO_EXCEPTION, [], -1);
  t.record(LIST_APPEND, [p0, i2], 5);
  t.record(GUARD_NO_EXCEPTION, [], -1);
  const top = t.record(GETLISTITEM_I, [p0, t.record(INT_SUB, [t.record(LIST_LEN, [p0], -1), c(1)], -1)], 5); // i2
  const x = t.record(LIST_POP_I, [p0], 5); // i2
  const y = t.record(LIST_POP_I, [p0], 5); // i1
  const under = t.record(GETLISTITEM_I, [p0, t.record(INT_SUB, [t.record(LIST_LEN, [p0], -1), c(1)], -1)], 5); // the stack's top before
  const acc = t.record(INT_ADD, [t.record(INT_ADD, [x, y], -1), t.record(INT_ADD, [top, under], -1)], -1);
  t.record(SETLISTITEM, [p0, c(0), t.record(INT_AND, [acc, c(1023)], -1)], 5);
  const bottom = t.record(GETLISTITEM_I, [p0, c(0)], 5); // just written
  const next = t.record(INT_ADD, [i1, c(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [next, c(40)], -1)], [p0, next, acc, bottom, under]);
  t.record(JUMP, [p0, next, t.record(INT_AND, [t.record(INT_ADD, [acc, bottom], -1), c(65535)], -1)], -1);
  sameAfterOptimizing(t, oneList([3, 9], [0, 5]));
});

test("evaluator: ref and float items and instanceof (popped, appended back, tested) run the same after optimizeLoop", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF); // a list of objects
  const p1 = t.addInput(TYPE_REF); // a list of floats
  const i2 = t.addInput(TYPE_INT);
  const i3 = t.addInput(TYPE_INT);
  const f4 = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [p0, p1, i2, i3, f4], -1);
  const obj = t.record(GETLISTITEM_R, [p0, t.record(INT_AND, [i2, c(1)], -1)], 7); // objects of two classes, alternately
  const isA = t.record(INSTANCEOF, [obj, c(20), c(22)], -1);
  const isA2 = t.record(INSTANCEOF, [obj, c(20), c(22)], -1); // the same test again
  const isNull = t.record(INSTANCEOF, [new ConstRef(0), c(0), c(1000)], -1); // null is no instance
  t.record(LIST_APPEND, [p0, obj], 7);
  t.record(GUARD_NO_EXCEPTION, [], -1);
  const back = t.record(LIST_POP_R, [p0], 7); // obj
  t.recordGuard(GUARD_TRUE, [t.record(PTR_EQ, [back, obj], -1)], [p0, p1, i2, i3, f4]);
  t.recordGuard(GUARD_FALSE, [isNull], [p0, p1, i2, i3, f4]);
  const f = t.record(LIST_POP_F, [p1], 8);
  const sum = t.record(FLOAT_ADD, [f4, f], -1);
  t.record(LIST_APPEND, [p1, t.record(FLOAT_ADD, [f, new ConstFloat(0.25)], -1)], 8);
  t.record(GUARD_NO_EXCEPTION, [], -1);
  const first = t.record(GETLISTITEM_F, [p1, c(0)], 8);
  const hits = t.record(INT_ADD, [t.record(INT_ADD, [i3, isA], -1), isA2], -1);
  const next = t.record(INT_ADD, [i2, c(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(FLOAT_LT, [sum, new ConstFloat(300)], -1)], [p0, p1, next, hits, sum, first, back]);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [next, c(60)], -1)], [p0, p1, next, hits, sum, first, back, isA]);
  t.record(JUMP, [p0, p1, next, hits, sum], -1);
  sameAfterOptimizing(t, (heap, frame) => {
    heap.addObject(80, 21); // in [20, 22)
    heap.addObject(96, 25);
    const objects = heap.addList(112, 2);
    objects.append(80, 0);
    objects.append(96, 0);
    const floats = heap.addList(128, 2);
    floats.append(0, 1.5);
    floats.append(0, 2.5);
    frame.setRef(0, 112);
    frame.setRef(1, 128);
    frame.setInt(0, 1);
    frame.setInt(1, 0);
    frame.setFloat(2, 0.5);
    return [112, 128];
  });
});

test("evaluator: list writes kept back (lazy) are made on the failure path of the guard that leaves, and before the jump", () => {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  const a = t.record(GETLISTITEM_I, [p0, c(0)], 5);
  const b = t.record(GETLISTITEM_I, [p0, c(1)], 5);
  t.record(SETLISTITEM, [p0, c(0), t.record(INT_ADD, [a, i1], -1)], 5);
  t.record(SETLISTITEM, [p0, c(1), t.record(INT_ADD, [b, c(1)], -1)], 5);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i1, c(7)], -1)], [p0, i1]); // leaves in the 8th iteration
  const a2 = t.record(GETLISTITEM_I, [p0, c(0)], 5);
  t.record(SETLISTITEM, [p0, c(0), t.record(INT_AND, [t.record(INT_ADD, [a2, a2], -1), c(4095)], -1)], 5);
  t.record(JUMP, [p0, t.record(INT_ADD, [i1, c(1)], -1)], -1);
  sameAfterOptimizing(t, oneList([3, 9], [0]));
});

// ---- A property: random loops of list reads, writes (kept back where their index is known
// in range) and guards leave by the same exit with the same values and the same list.

const step = fc.record({ kind: fc.nat(2), slot: fc.nat(4), src: fc.nat(20), k: fc.integer({ min: -3, max: 3 }), bound: fc.integer({ min: 0, max: 40 }) });
const listSpec = fc.record({ items: fc.array(fc.nat(30), { minLength: 4, maxLength: 4 }), limit: fc.integer({ min: 1, max: 6 }), steps: fc.array(step, { maxLength: 12 }) });

/** A loop over a list of four ints and a counter: each step reads an item, writes one (a
 *  value computed from an earlier one) or guards on a value; slot 4 is the counter & 3.
 *  (The guards test !==: guard strengthening may move order comparisons to an earlier
 *  guard, which the peel property allows for.) */
function randomListLoop(s: typeof listSpec extends fc.Arbitrary<infer T> ? T : never): Trace {
  const t = new Trace();
  const p0 = t.addInput(TYPE_REF);
  const i1 = t.addInput(TYPE_INT);
  t.record(LABEL, [p0, i1], -1);
  const pool: Value[] = [i1];
  const index = (slot: number): Value => (slot === 4 ? t.record(INT_AND, [i1, c(3)], -1) : c(slot));
  for (const st of s.steps) {
    const v = pool[st.src % pool.length];
    if (st.kind === 0) pool.push(t.record(GETLISTITEM_I, [p0, index(st.slot)], 5));
    else if (st.kind === 1) t.record(SETLISTITEM, [p0, index(st.slot), t.record(INT_AND, [t.record(INT_ADD, [v, c(st.k)], -1), c(63)], -1)], 5);
    else t.recordGuard(GUARD_TRUE, [t.record(INT_NE, [v, c(st.bound)], -1)], [p0, i1, pool[pool.length - 1]]);
  }
  const next = t.record(INT_ADD, [i1, c(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [next, c(s.limit)], -1)], [p0, next, pool[pool.length - 1]]);
  t.record(JUMP, [p0, next], -1);
  return t;
}

test("property: random loops of list reads, writes and guards run the same after optimizing (one walk, and with loop facts)", () => {
  fc.assert(
    fc.property(listSpec, (s) => {
      const setup = oneList(s.items, [0]);
      for (const optimize of [optimizeLoop, optimizeTrace]) {
        const t = randomListLoop(s);
        const printed = printTrace(t);
        const before = run(t, setup);
        optimize(t);
        const after = run(t, setup);
        if (after.exit !== before.exit || String(after.values) !== String(before.values) || String(after.lists) !== String(before.lists)) {
          throw new Error(`before:\n${printed}${JSON.stringify(before)}\nafter:\n${printTrace(t)}${JSON.stringify(after)}`);
        }
      }
    }),
    { numRuns: Number(process.env.RTS_FUZZ_CASES ?? 300) },
  );
});

test.run();
