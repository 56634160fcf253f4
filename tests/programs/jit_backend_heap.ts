// The JIT's Wasm trace backend on hand-written traces that use the heap: fields of every
// kind, typed-array items, residual calls (one allocates, so under --gc-stress the young
// refs the trace holds across it move), the write barrier (young cells stored into a prebuilt
// one), guard_class and guard_no_exception. Translated with --jit the traces are compiled
// and run; otherwise plain code does what each trace does. Both print the same summaries.
// The traces' descriptors are the ones the codewriter made for `portal` (found by shape).
import { float, int } from "../../rlib/types.ts";
import { dontLookInside, JitDriver } from "../../rlib/jit.ts";
import { excTake, jitAvailable, load32, objectAddress } from "../../rlib/lowlevel.ts";
import { compileTree, executeLoop } from "../../rlib/jitrt/backend/index.ts";
import { TraceCode, UNLINKED } from "../../rlib/jitrt/backend/function.ts";
import { JitFrame } from "../../rlib/jitrt/frame.ts";
import { ANY, describeExit, findDescr } from "../jit/trace_support.ts";
import {
  DESCR_ARRAY, DESCR_CALL, DESCR_FIELD, ELEM_F64, ELEM_I32, ELEM_U8, LL_F64, LL_I32, LL_I64, LL_PTR, LL_VOID,
} from "../../rlib/jitrt/jitcodes.ts";
import {
  ARRAYLEN, CALL_I, CALL_N, CALL_R, ConstFloat, ConstInt, FLOAT_ADD, GETARRAYITEM_F, GETARRAYITEM_I, GETFIELD_F, GETFIELD_I,
  GETFIELD_R, GUARD_CLASS, GUARD_NO_EXCEPTION, GUARD_TRUE, INT_ADD, INT_EQ, INT_LT, JUMP, LABEL, SETARRAYITEM, SETFIELD, Trace,
  TYPE_FLOAT, TYPE_INT, TYPE_REF,
} from "../../rlib/jitrt/resop.ts";

class Cell {
  count: int = 0;
  weight: float = 1;
  next: Cell | null = null;
  flag: boolean = false;
}

function bump(c: Cell, k: int): int {
  c.count = c.count + k;
  return c.count;
}

function makeCell(k: int): Cell {
  const c = new Cell();
  c.weight = k;
  return c;
}

function boom(k: int): void {
  if (k === 7) throw new Error("boom");
}
dontLookInside(bump);
dontLookInside(makeCell);
dontLookInside(boom);

// Prebuilt: they never move, so their addresses can be handed to a trace.
const ROOT = new Cell();
const FIRST = new Cell();
const INTS = new Int32Array(40);
const FLOATS = new Float64Array(40);
const BYTES = new Uint8Array(40);

/** The interpreter-like loop whose jitcode holds the descriptors the traces use. */
const driver = new JitDriver({ greens: ["k", "n"], reds: ["cell", "ints", "floats", "bytes"] });
function portal(cell: Cell, ints: Int32Array, floats: Float64Array, bytes: Uint8Array, n: int): int {
  let k = 0;
  while (k < n) {
    driver.jitMergePoint({ k, n, cell, ints, floats, bytes });
    cell.count = bump(cell, k) + ints.length;
    cell.weight = cell.weight + floats[k];
    cell.next = makeCell(k);
    cell.flag = !cell.flag;
    ints[k] = ints[k] + 1;
    floats[k] = floats[k] + 0.5;
    bytes[k] = ints[k];
    try {
      boom(k);
    } catch (e) {
      cell.count = 0;
    }
    k++;
  }
  return cell.count;
}

/** The descriptors by their words (targets/wasm/jitdata.ts: a field is tag, offset, type; an
 *  array tag, element kind; a call tag, slot, elidable, result, count, arguments). */
class Descrs {
  count = findDescr([DESCR_FIELD, ANY, LL_I64]);
  weight = findDescr([DESCR_FIELD, ANY, LL_F64]);
  next = findDescr([DESCR_FIELD, ANY, LL_PTR]);
  flag = findDescr([DESCR_FIELD, ANY, LL_I32]);
  ints = findDescr([DESCR_ARRAY, ELEM_I32]);
  floats = findDescr([DESCR_ARRAY, ELEM_F64]);
  bytes = findDescr([DESCR_ARRAY, ELEM_U8]);
  bump = findDescr([DESCR_CALL, ANY, ANY, LL_I64, 2, LL_PTR, LL_I64]);
  makeCell = findDescr([DESCR_CALL, ANY, ANY, LL_PTR, 1, LL_I64]);
  boom = findDescr([DESCR_CALL, ANY, ANY, LL_VOID, 1, LL_I64]);
}

/** Loop: bump the root, add to its weight, make a cell linked to the previous one and read
 *  the previous one's count after the allocation, toggle the root's flag, link the root to
 *  the new cell (the write barrier: a young cell into a prebuilt one). */
function cellsTrace(d: Descrs): Trace {
  const t = new Trace();
  const root = t.addInput(TYPE_REF);
  const last = t.addInput(TYPE_REF);
  const k = t.addInput(TYPE_INT);
  t.record(LABEL, [root, last, k], -1);
  t.record(CALL_I, [root, k], d.bump);
  const w = t.record(GETFIELD_F, [root], d.weight);
  t.record(SETFIELD, [root, t.record(FLOAT_ADD, [w, new ConstFloat(0.25)], -1)], d.weight);
  const cell = t.record(CALL_R, [k], d.makeCell);
  t.record(SETFIELD, [cell, last], d.next);
  const before = t.record(GETFIELD_I, [last], d.count);
  t.record(SETFIELD, [cell, t.record(INT_ADD, [before, k], -1)], d.count);
  const flag = t.record(GETFIELD_I, [root], d.flag);
  t.record(SETFIELD, [root, t.record(INT_EQ, [flag, new ConstInt(0)], -1)], d.flag);
  t.record(SETFIELD, [root, cell], d.next);
  t.recordGuard(GUARD_NO_EXCEPTION, [], [k]);
  const k2 = t.record(INT_ADD, [k, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [k2, new ConstInt(300)], -1)], [before, k2, t.record(GETFIELD_R, [cell], d.next)]);
  t.record(JUMP, [root, cell, k2], -1);
  return t;
}

/** What cellsTrace does, in plain code; returns the exit's values as the trace prints them. */
function cellsPlain(): string {
  let last = FIRST;
  let k = 0;
  for (;;) {
    bump(ROOT, k);
    ROOT.weight = ROOT.weight + 0.25;
    const cell = makeCell(k);
    cell.next = last;
    const before = last.count;
    cell.count = before + k;
    ROOT.flag = !ROOT.flag;
    ROOT.next = cell;
    k++;
    if (!(k < 300)) return `exit 1: ${before} ${k} ref`;
    last = cell;
  }
}

/** Loop over typed arrays: sum the ints and floats, store the sum's low byte and the float
 *  sum back; guard_class on the int array first. */
function arraysTrace(d: Descrs, intsClass: int): Trace {
  const t = new Trace();
  const ints = t.addInput(TYPE_REF);
  const floats = t.addInput(TYPE_REF);
  const bytes = t.addInput(TYPE_REF);
  const i = t.addInput(TYPE_INT);
  const acc = t.addInput(TYPE_INT);
  const facc = t.addInput(TYPE_FLOAT);
  t.record(LABEL, [ints, floats, bytes, i, acc, facc], -1);
  t.recordGuard(GUARD_CLASS, [ints, new ConstInt(intsClass)], [i]);
  const acc2 = t.record(INT_ADD, [acc, t.record(GETARRAYITEM_I, [ints, i], d.ints)], -1);
  const facc2 = t.record(FLOAT_ADD, [facc, t.record(GETARRAYITEM_F, [floats, i], d.floats)], -1);
  t.record(SETARRAYITEM, [bytes, i, acc2], d.bytes);
  t.record(SETARRAYITEM, [floats, i, facc2], d.floats);
  const i2 = t.record(INT_ADD, [i, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [i2, t.record(ARRAYLEN, [ints], d.ints)], -1)], [i2, acc2, facc2]);
  t.record(JUMP, [ints, floats, bytes, i2, acc2, facc2], -1);
  return t;
}

function arraysPlain(): string {
  let acc = 0;
  let facc = 0.0;
  for (let i = 0; i < INTS.length; i++) {
    acc = acc + INTS[i];
    facc = facc + FLOATS[i];
    BYTES[i] = acc;
    FLOATS[i] = facc;
  }
  return `exit 1: ${INTS.length} ${acc} ${facc}`;
}

/** Calls boom(k) for k = 0, 1, ...: guard_no_exception fails when it throws. */
function exceptionTrace(d: Descrs): Trace {
  const t = new Trace();
  const k = t.addInput(TYPE_INT);
  t.record(LABEL, [k], -1);
  t.record(CALL_N, [k], d.boom);
  t.recordGuard(GUARD_NO_EXCEPTION, [], [k]);
  const k2 = t.record(INT_ADD, [k, new ConstInt(1)], -1);
  t.recordGuard(GUARD_TRUE, [t.record(INT_LT, [k2, new ConstInt(20)], -1)], [k2]);
  t.record(JUMP, [k2], -1);
  return t;
}

function exceptionPlain(): string {
  for (let k = 0; k < 20; k++) {
    try {
      boom(k);
    } catch (e) {
      return `exit 0: ${k}`;
    }
  }
  return "exit 1: 20";
}

function run(trace: Trace, frame: JitFrame): string {
  const exit = executeLoop(compileTree(new TraceCode(trace, UNLINKED)), trace, frame);
  // A trace that left by guard_no_exception leaves the exception pending: dropped here, as
  // describeExit's calls would raise it.
  excTake();
  return describeExit(trace, exit, frame);
}

function summary(): void {
  let cells = 0;
  let counts = 0;
  let weights = 0.0;
  for (let c = ROOT.next; c !== null; c = c.next) {
    cells++;
    counts = counts + c.count;
    weights = weights + c.weight;
  }
  console.log("root", ROOT.count, ROOT.weight, ROOT.flag, "cells", cells, counts, weights);
  let bytes = 0;
  let floats = 0.0;
  for (let i = 0; i < BYTES.length; i++) {
    bytes = bytes + BYTES[i];
    floats = floats + FLOATS[i];
  }
  console.log("bytes", bytes, "floats", floats);
}

function cases(): void {
  FIRST.count = 5;
  for (let i = 0; i < INTS.length; i++) {
    INTS[i] = i * i - 20;
    FLOATS[i] = i / 4;
  }
  if (jitAvailable()) {
    const d = new Descrs();
    const cells = new JitFrame();
    cells.setRef(0, objectAddress(ROOT));
    cells.setRef(1, objectAddress(FIRST));
    cells.setInt(0, 0);
    console.log(run(cellsTrace(d), cells));
    const intsClass = load32(objectAddress(INTS));
    for (const cls of [intsClass + 1, intsClass]) {
      const arrays = new JitFrame();
      arrays.setRef(0, objectAddress(INTS));
      arrays.setRef(1, objectAddress(FLOATS));
      arrays.setRef(2, objectAddress(BYTES));
      arrays.setInt(0, 0);
      arrays.setInt(1, 0);
      arrays.setFloat(2, 0);
      const exit = run(arraysTrace(d, cls), arrays);
      console.log(cls === intsClass ? exit : `wrong class: ${exit}`);
    }
    const ex = new JitFrame();
    ex.setInt(0, 0);
    console.log(run(exceptionTrace(d), ex));
  } else {
    console.log(cellsPlain());
    console.log("wrong class: exit 0: 0");
    console.log(arraysPlain());
    console.log(exceptionPlain());
  }
  summary();
}
dontLookInside(cases);

export function main(argv: string[]): number {
  cases();
  const extra = new Cell();
  console.log("portal", portal(extra, new Int32Array(10), new Float64Array(10), new Uint8Array(10), 10), extra.weight, extra.flag);
  return 0;
}
