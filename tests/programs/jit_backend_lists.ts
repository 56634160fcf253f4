// The JIT's Wasm trace backend on hand-written traces over list items: lists of ints, floats,
// booleans and refs read and written by getlistitem/setlistitem, a residual call that
// allocates (under --gc-stress the young cells move, and a list's items object may move),
// young cells stored into a prebuilt list's items (the write barrier on the items object);
// then lists used as stacks, pushed (list_append) from empty, so they grow, and popped;
// then type tests (instanceof) on the items of a list of cells, subclass cells and nulls.
// Translated with --jit the traces are compiled and run; otherwise plain code does what each
// trace does. Both print the same summaries. With the argument "get-out-of-range" or
// "set-out-of-range" a trace (or the plain code) reads or writes past a list's end: the
// runtime's index error stops the program; with "empty-pop" it pops a list until it is
// empty and once more: the runtime's error (tests/jit.test.ts compares these with --jit and
// without). The traces' descriptors are the ones the codewriter made for `portal`.
import { float, int } from "../../rlib/types.ts";
import { dontLookInside, JitDriver } from "../../rlib/jit.ts";
import { jitAvailable, load32, objectAddress } from "../../rlib/lowlevel.ts";
import { compileTree, executeLoop } from "../../rlib/jitrt/backend/index.ts";
import { TraceCode, UNLINKED } from "../../rlib/jitrt/backend/function.ts";
import { JitFrame } from "../../rlib/jitrt/frame.ts";
import { ANY, describeExit, findDescr } from "../jit/trace_support.ts";
import { DESCR_CALL, DESCR_LIST, LL_F64, LL_I32, LL_I64, LL_PTR } from "../../rlib/jitrt/jitcodes.ts";
import {
  CALL_R, ConstFloat, ConstInt, FLOAT_ADD, INSTANCEOF, GETLISTITEM_F, GETLISTITEM_I, GETLISTITEM_R, GUARD_TRUE, INT_ADD, INT_EQ, INT_GT,
  INT_LT, INT_MUL, INT_SUB, JUMP, LABEL, LIST_APPEND, LIST_LEN, LIST_POP_F, LIST_POP_I, LIST_POP_R, SETLISTITEM, Trace, TYPE_FLOAT,
  TYPE_INT, TYPE_REF,
} from "../../rlib/jitrt/resop.ts";

class Cell {
  value: int = 0;
}

class SubCell extends Cell {}

function makeCell(k: int): Cell {
  const c = new Cell();
  c.value = k;
  return c;
}
dontLookInside(makeCell);

// Prebuilt lists: they never move, so their addresses can be handed to a trace (their items
// objects, filled in cases(), may: a trace loads the items pointer at each access).
const INTS: int[] = [];
const FLOATS: float[] = [];
const FLAGS: boolean[] = [];
const CELLS: Cell[] = [];
const SAVED: Cell[] = [];
const SIZE = 40;
// Stacks, empty at first.
const ISTACK: int[] = [];
const FSTACK: float[] = [];
const BSTACK: boolean[] = [];
const RSTACK: Cell[] = [];
const POPPED: Cell[] = [];
const SHORT: int[] = [1, 2, 3];
const PUSHES = 50;
const MIXED: (Cell | null)[] = [];

/** The interpreter-like loop whose jitcode holds the list descriptors the traces use. */
const driver = new JitDriver({ greens: ["k", "n"], reds: ["ints", "floats", "flags", "cells"] });
function portal(ints: int[], floats: float[], flags: boolean[], cells: Cell[], n: int): int {
  let k = 0;
  while (k < n) {
    driver.jitMergePoint({ k, n, ints, floats, flags, cells });
    ints[k] = ints[k] + 1;
    floats[k] = floats[k] * 2;
    flags[k] = !flags[k];
    cells[k] = makeCell(ints[k]);
    k++;
  }
  return ints[0];
}

/** The descriptors by their words (targets/wasm/jitdata.ts: a list is tag, item type; a call
 *  tag, slot, elidable, result, count, arguments). */
class Descrs {
  ints = findDescr([DESCR_LIST, LL_I64]);
  floats = findDescr([DESCR_LIST, LL_F64]);
  flags = findDescr([DESCR_LIST, LL_I32]);
  cells = findDescr([DESCR_LIST, LL_PTR]);
  makeCell = findDescr([DESCR_CALL, ANY, ANY, LL_PTR, 1, LL_I64]);
}

/** Loop over the lists: add each int to a running sum and store the sum back, the same with
 *  the floats, negate each flag, move each cell to SAVED and put a new cell (a young object
 *  stored into an old list's items) in its place. */
function listsTrace(d: Descrs): Trace {
  const t = new Trace();
  const ints = t.addInput(TYPE_REF);
  const floats = t.addInput(TYPE_REF);
  const flags = t.addInput(TYPE_REF);
  const cells = t.addInput(TYPE_REF);
  const saved = t.addInput(TYPE_REF);
  const i = t.addInput(TYPE_INT);
  const acc = t.addInput(TYPE_INT);
  const facc = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [ints, floats, flags, cells, saved, i, acc, facc], -1);
  const acc2 = t.record(INT_ADD, [acc, t.record(GETLISTITEM_I, [ints, i], d.ints)], -1);
  t.record(SETLISTITEM, [ints, i, acc2], d.ints);
  const facc2 = t.record(FLOAT_ADD, [facc, t.record(GETLISTITEM_F, [floats, i], d.floats)], -1);
  t.record(SETLISTITEM, [floats, i, facc2], d.floats);
  t.record(SETLISTITEM, [flags, i, t.record(INT_EQ, [t.record(GETLISTITEM_I, [flags, i], d.flags), new ConstInt(0)], -1)], d.flags);
  const fresh = t.record(CALL_R, [acc2], d.makeCell);
  t.record(SETLISTITEM, [saved, i, t.record(GETLISTITEM_R, [cells, i], d.cells)], d.cells);
  t.record(SETLISTITEM, [cells, i, fresh], d.cells);
  const i2 = t.record(INT_ADD, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, t.record(LIST_LEN, [ints], -1)], -1)], [i2, acc2, facc2]);
  t.record(JUMP, [ints, floats, flags, cells, saved, i2, acc2, facc2], -1);
  return t;
}

function listsPlain(): string {
  let acc = 0;
  let facc = 0.0;
  for (let i = 0; i < INTS.length; i++) {
    acc = acc + INTS[i];
    INTS[i] = acc;
    facc = facc + FLOATS[i];
    FLOATS[i] = facc;
    FLAGS[i] = !FLAGS[i];
    const fresh = makeCell(acc);
    SAVED[i] = CELLS[i];
    CELLS[i] = fresh;
  }
  return `exit 0: ${INTS.length} ${acc} ${facc}`;
}

/** Sums INTS from index 0 on, past its end: the read of index SIZE is the index error. */
function getOutOfRangeTrace(d: Descrs): Trace {
  const t = new Trace();
  const ints = t.addInput(TYPE_REF);
  const i = t.addInput(TYPE_INT);
  const acc = t.addInput(TYPE_INT);
  t.record(LABEL, [ints, i, acc], -1);
  const acc2 = t.record(INT_ADD, [acc, t.record(GETLISTITEM_I, [ints, i], d.ints)], -1);
  const i2 = t.record(INT_ADD, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, new ConstInt(1000)], -1)], [i2, acc2]);
  t.record(JUMP, [ints, i2, acc2], -1);
  return t;
}

/** Writes FLOATS from index 1 down: the write at index -1 is the index error (not a no-op
 *  as out of range in a typed array). */
function setOutOfRangeTrace(d: Descrs): Trace {
  const t = new Trace();
  const floats = t.addInput(TYPE_REF);
  const i = t.addInput(TYPE_INT);
  t.record(LABEL, [floats, i], -1);
  t.record(SETLISTITEM, [floats, i, new ConstFloat(1.5)], d.floats);
  const i2 = t.record(INT_SUB, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_GT, [i2, new ConstInt(-5)], -1)], [i2]);
  t.record(JUMP, [floats, i2], -1);
  return t;
}

/** Per iteration i: two new cells pushed, the second popped and pushed on POPPED (each
 *  allocation may move the first, which only the stack holds); i and 3i pushed, 3i popped;
 *  the float sum pushed, popped and pushed plus 0.5; i < 7 pushed. */
function stacksTrace(d: Descrs): Trace {
  const t = new Trace();
  const istack = t.addInput(TYPE_REF);
  const fstack = t.addInput(TYPE_REF);
  const bstack = t.addInput(TYPE_REF);
  const rstack = t.addInput(TYPE_REF);
  const popped = t.addInput(TYPE_REF);
  const i = t.addInput(TYPE_INT);
  const acc = t.addInput(TYPE_INT);
  const facc = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [istack, fstack, bstack, rstack, popped, i, acc, facc], -1);
  t.record(LIST_APPEND, [rstack, t.record(CALL_R, [i], d.makeCell)], d.cells);
  t.record(LIST_APPEND, [rstack, t.record(CALL_R, [t.record(INT_ADD, [i, new ConstInt(1000)], -1)], d.makeCell)], d.cells);
  t.record(LIST_APPEND, [popped, t.record(LIST_POP_R, [rstack], d.cells)], d.cells);
  t.record(LIST_APPEND, [istack, i], d.ints);
  const n = t.record(LIST_APPEND, [istack, t.record(INT_MUL, [i, new ConstInt(3)], -1)], d.ints);
  const x = t.record(LIST_POP_I, [istack], d.ints);
  const acc2 = t.record(INT_ADD, [acc, t.record(INT_ADD, [x, n], -1)], -1);
  t.record(LIST_APPEND, [fstack, facc], d.floats);
  const facc2 = t.record(FLOAT_ADD, [t.record(LIST_POP_F, [fstack], d.floats), new ConstFloat(0.5)], -1);
  t.record(LIST_APPEND, [fstack, facc2], d.floats);
  t.record(LIST_APPEND, [bstack, t.record(INT_LT, [i, new ConstInt(7)], -1)], d.flags);
  const i2 = t.record(INT_ADD, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, new ConstInt(PUSHES)], -1)], [i2, acc2, facc2]);
  t.record(JUMP, [istack, fstack, bstack, rstack, popped, i2, acc2, facc2], -1);
  return t;
}

function stacksPlain(): string {
  let acc = 0;
  let facc = 0.0;
  for (let i = 0; i < PUSHES; i++) {
    RSTACK.push(makeCell(i));
    RSTACK.push(makeCell(i + 1000));
    POPPED.push(RSTACK.pop()!);
    ISTACK.push(i);
    const n = ISTACK.push(i * 3);
    acc = acc + ISTACK.pop()! + n;
    FSTACK.push(facc);
    facc = FSTACK.pop()! + 0.5;
    FSTACK.push(facc);
    BSTACK.push(i < 7);
  }
  return `exit 0: ${PUSHES} ${acc} ${facc}`;
}

/** Pops SHORT (3 items) 1000 times: the fourth pop is the runtime's error. */
function emptyPopTrace(d: Descrs): Trace {
  const t = new Trace();
  const list = t.addInput(TYPE_REF);
  const i = t.addInput(TYPE_INT);
  t.record(LABEL, [list, i], -1);
  t.record(LIST_POP_I, [list], d.ints);
  const i2 = t.record(INT_ADD, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, new ConstInt(1000)], -1)], [i2]);
  t.record(JUMP, [list, i2], -1);
  return t;
}

function stacksSummary(): void {
  let ints = 0;
  let floats = 0.0;
  let flags = 0;
  let cells = 0;
  let popped = 0;
  for (let i = 0; i < ISTACK.length; i++) ints = ints + ISTACK[i];
  for (let i = 0; i < FSTACK.length; i++) floats = floats + FSTACK[i];
  for (let i = 0; i < BSTACK.length; i++) if (BSTACK[i]) flags++;
  for (let i = 0; i < RSTACK.length; i++) cells = cells + RSTACK[i].value;
  for (let i = 0; i < POPPED.length; i++) popped = popped + POPPED[i].value;
  console.log("stacks", ISTACK.length, ints, FSTACK.length, floats, BSTACK.length, flags, RSTACK.length, cells, POPPED.length, popped);
}

/** Counts MIXED's cells (a class with a subclass: ids [cell, sub + 1)) and subclass cells. */
function classesTrace(d: Descrs, cell: int, sub: int): Trace {
  const t = new Trace();
  const mixed = t.addInput(TYPE_REF);
  const i = t.addInput(TYPE_INT);
  const cells = t.addInput(TYPE_INT);
  const subs = t.addInput(TYPE_INT);
  t.record(LABEL, [mixed, i, cells, subs], -1);
  const x = t.record(GETLISTITEM_R, [mixed, i], d.cells);
  const cells2 = t.record(INT_ADD, [cells, t.record(INSTANCEOF, [x, new ConstInt(cell), new ConstInt(sub + 1)], -1)], -1);
  const subs2 = t.record(INT_ADD, [subs, t.record(INSTANCEOF, [x, new ConstInt(sub), new ConstInt(sub + 1)], -1)], -1);
  const i2 = t.record(INT_ADD, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, t.record(LIST_LEN, [mixed], -1)], -1)], [i2, cells2, subs2]);
  t.record(JUMP, [mixed, i2, cells2, subs2], -1);
  return t;
}

function classesPlain(): string {
  let cells = 0;
  let subs = 0;
  for (const x of MIXED) {
    if (x instanceof Cell) cells++;
    if (x instanceof SubCell) subs++;
  }
  return `exit 0: ${MIXED.length} ${cells} ${subs}`;
}

function run(trace: Trace, frame: JitFrame): string {
  return describeExit(trace, executeLoop(compileTree(new TraceCode(trace, UNLINKED)), trace, frame), frame);
}

function summary(): void {
  let ints = 0;
  let floats = 0.0;
  let flags = 0;
  let cells = 0;
  let saved = 0;
  for (let i = 0; i < SIZE; i++) {
    ints = ints + INTS[i];
    floats = floats + FLOATS[i];
    if (FLAGS[i]) flags++;
    cells = cells + CELLS[i].value;
    saved = saved + SAVED[i].value;
  }
  console.log("ints", ints, "floats", floats, "flags", flags, "cells", cells, "saved", saved);
}

function fill(): void {
  for (let i = 0; i < SIZE; i++) {
    INTS.push(i * i - 20);
    FLOATS.push(i / 4);
    FLAGS.push(i % 3 === 0);
    CELLS.push(makeCell(-i));
    SAVED.push(makeCell(0));
    MIXED.push(i % 3 === 0 ? makeCell(i) : i % 3 === 1 ? new SubCell() : null);
  }
}

function cases(mode: string): void {
  fill();
  if (jitAvailable()) {
    const d = new Descrs();
    const frame = new JitFrame();
    if (mode === "get-out-of-range") {
      frame.setRef(0, objectAddress(INTS));
      frame.setInt(0, 0);
      frame.setInt(1, 0);
      console.log(run(getOutOfRangeTrace(d), frame));
    } else if (mode === "set-out-of-range") {
      frame.setRef(0, objectAddress(FLOATS));
      frame.setInt(0, 1);
      console.log(run(setOutOfRangeTrace(d), frame));
    } else if (mode === "empty-pop") {
      frame.setRef(0, objectAddress(SHORT));
      frame.setInt(0, 0);
      console.log(run(emptyPopTrace(d), frame));
    } else {
      frame.setRef(0, objectAddress(INTS));
      frame.setRef(1, objectAddress(FLOATS));
      frame.setRef(2, objectAddress(FLAGS));
      frame.setRef(3, objectAddress(CELLS));
      frame.setRef(4, objectAddress(SAVED));
      frame.setInt(0, 0);
      frame.setInt(1, 0);
      frame.setFloat(2, 0);
      console.log(run(listsTrace(d), frame));
      summary();
      const stacks = new JitFrame();
      stacks.setRef(0, objectAddress(ISTACK));
      stacks.setRef(1, objectAddress(FSTACK));
      stacks.setRef(2, objectAddress(BSTACK));
      stacks.setRef(3, objectAddress(RSTACK));
      stacks.setRef(4, objectAddress(POPPED));
      stacks.setInt(0, 0);
      stacks.setInt(1, 0);
      stacks.setFloat(2, 0);
      console.log(run(stacksTrace(d), stacks));
      stacksSummary();
      const classes = new JitFrame();
      classes.setRef(0, objectAddress(MIXED));
      classes.setInt(0, 0);
      classes.setInt(1, 0);
      classes.setInt(2, 0);
      // Class ids are given in preorder: SubCell's follows Cell's.
      console.log(run(classesTrace(d, load32(objectAddress(MIXED[0]!)), load32(objectAddress(MIXED[1]!))), classes));
      return;
    }
  } else if (mode === "get-out-of-range") {
    let acc = 0;
    for (let i = 0; i < 1000; i++) acc = acc + INTS[i];
    console.log(`exit 0: 1000 ${acc}`);
  } else if (mode === "set-out-of-range") {
    for (let i = 1; i > -5; i--) FLOATS[i] = 1.5;
    console.log("exit 0: -5");
  } else if (mode === "empty-pop") {
    for (let i = 0; i < 1000; i++) SHORT.pop();
    console.log("exit 0: 1000");
  } else {
    console.log(listsPlain());
    summary();
    console.log(stacksPlain());
    stacksSummary();
    console.log(classesPlain());
    return;
  }
  summary();
}
dontLookInside(cases);

export function main(argv: string[]): number {
  console.log("lists of", SIZE);
  cases(argv.length > 0 ? argv[0] : "");
  const cells: Cell[] = [makeCell(1), makeCell(2), makeCell(3)];
  console.log("portal", portal([1, 2, 3], [0.5, 1.5, 2.5], [true, false, true], cells, 3), cells[2].value);
  return 0;
}
