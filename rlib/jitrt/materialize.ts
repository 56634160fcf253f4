// A guard's failure path in the runtime (RPython's resume.py rebuilding virtuals): the
// objects the optimizer kept virtual are allocated and filled, its pending list appends
// performed and its kept-back writes made (fields, typed-array and list items of existing
// objects, with their write barriers: opt/lazywrites.ts), as the guard's onFailure list
// says (opt/virtuals.ts, opt/heap.ts), by jitMaterialize
// (entry.ts), which the compiled guard calls after it has stored its values. Compiling
// those operations into every guard made most of the trace code of an interpreter with
// frames and boxed numbers (a recursive benchmark: 236 KiB of Wasm for 11 traces, most of
// the run spent compiling it, docs/architecture.md), for paths that mostly never run.
// Only a guard whose bridge is compiled into its tree (a hot one) still builds them inline
// (backend/codegen.ts).
//
// Everything the operations name is one of the exit's values, whose slots the compiled
// guard fills (frame.ts): its fail arguments, then the extra ones addFailureInputs appends
// (the objects only a field names, the values only the operations use). The fresh objects'
// ref slots are left to this file: they are zeroed before anything allocates (a collection
// must not follow what a slot held before), then get the new objects. Values are read from
// the slots each time they are used: allocation and list growth may move objects.
import { load32, load64, loadFloat64, store32, store64, storeFloat64 } from "../lowlevel.ts";
import { allocate, fatal, LIST_ITEMS, LIST_LENGTH, writeBarrier } from "../runtime.ts";
import { float, int } from "../types.ts";
import { descrWord, LL_F64, LL_I64, LL_PTR, NEW_SIZE, NEW_TYPEID } from "./jitcodes.ts";
import { storeTypedItem } from "./dataops.ts";
import { frameSlots } from "./frame.ts";
import { checkedItemAddress, itemAddress, itemSize, makeRoom } from "./listops.ts";
import { ConstFloat, ConstInt, ConstRef, LIST_APPEND, NEW, ResOp, SETARRAYITEM, SETFIELD, SETLISTITEM, TYPE_FLOAT, TYPE_REF, Value } from "./resop.ts";

/** Where an operand is: a ref slot, an int or float frame slot, an int (or ref) constant,
 *  a float constant (its index in the plan's floats). */
const IN_REF_SLOT = 0;
const IN_INT_SLOT = 1;
const IN_FLOAT_SLOT = 2;
const CONSTANT = 3;
const FLOAT_CONSTANT = 4;

/** The guard's onFailure operations, encoded: per operation its opnum, its descriptor,
 *  then for NEW its ref slot, else its operands (two words each: where, which). */
export class FailurePlan {
  code: int[] = [];
  floats: float[] = [];
  /** The ref slots of the objects NEW makes. */
  fresh: int[] = [];
}

/** The plan of the exits that have no failure path, or one the compiled guard runs itself. */
export const NO_PLAN = new FailurePlan();

/** Whether the guard's failure path goes through jitMaterialize: it builds objects or
 *  appends to lists. One that only writes (lazy writes: fields and items of existing
 *  objects) is compiled in the guard's place instead (backend/codegen.ts): a few stores that
 *  cannot collect, cheaper there than the runtime's plan, on a path that may be hot (a
 *  guard whose bridge is compiled as a function of its own runs it every time). */
export function hasFailurePlan(guard: ResOp): boolean {
  for (const m of guard.onFailure) if (m.opnum === NEW || m.opnum === LIST_APPEND) return true;
  return false;
}

/** Appends to the guard's fail arguments (a new array: copies of a guard may share theirs)
 *  the values its onFailure operations name that are not among them yet, so that its exit
 *  stores them too. Readers of the resume data take only the first ones (one per register
 *  of the snapshot); a bridge takes them all as inputs. */
export function addFailureInputs(guard: ResOp): void {
  const values = guard.failArgs.slice();
  for (const m of guard.onFailure) {
    if (m.opnum === NEW && values.indexOf(m) < 0) values.push(m);
    for (const a of m.args) if (!a.isConstant() && values.indexOf(a) < 0) values.push(a);
  }
  guard.failArgs = values;
}

/** The plan of a guard whose fail arguments addFailureInputs completed. */
export function failurePlan(guard: ResOp): FailurePlan {
  const plan = new FailurePlan();
  const values = guard.failArgs;
  const slots = frameSlots(values);
  for (const m of guard.onFailure) {
    plan.code.push(m.opnum);
    plan.code.push(m.descr);
    if (m.opnum === NEW) {
      plan.code.push(slots[values.indexOf(m)]);
      plan.fresh.push(slots[values.indexOf(m)]);
    } else if (m.opnum === SETFIELD || m.opnum === LIST_APPEND || m.opnum === SETARRAYITEM || m.opnum === SETLISTITEM) {
      for (const a of m.args) encode(plan, a, values, slots);
    } else {
      fatal("jit: an operation on a guard's failure path that is not new, a write or list_append");
    }
  }
  return plan;
}

function encode(plan: FailurePlan, v: Value, values: Value[], slots: int[]): void {
  if (v instanceof ConstInt) {
    plan.code.push(CONSTANT);
    plan.code.push(v.value);
  } else if (v instanceof ConstRef) {
    plan.code.push(CONSTANT);
    plan.code.push(v.address);
  } else if (v instanceof ConstFloat) {
    plan.code.push(FLOAT_CONSTANT);
    plan.code.push(plan.floats.length);
    plan.floats.push(v.value);
  } else {
    plan.code.push(v.type === TYPE_REF ? IN_REF_SLOT : v.type === TYPE_FLOAT ? IN_FLOAT_SLOT : IN_INT_SLOT);
    plan.code.push(slots[values.indexOf(v)]);
  }
}

/** Runs the plan on the exit's values: the frame buffer at `frame`, the ref slots at `refs`. */
export function materialize(plan: FailurePlan, frame: int, refs: int): void {
  const code = plan.code;
  for (const slot of plan.fresh) store32(refs + 4 * slot, 0);
  for (let i = 0; i < code.length; ) {
    const opnum = code[i];
    const descr = code[i + 1];
    if (opnum === NEW) {
      const obj = allocate(descrWord(descr, NEW_SIZE), descrWord(descr, NEW_TYPEID));
      store32(refs + 4 * code[i + 2], obj);
      i += 3;
    } else if (opnum === SETFIELD) {
      const obj = readInt(plan, i + 2, frame, refs);
      const at = obj + descrWord(descr, 1);
      storeValue(plan, i + 4, frame, refs, at, descrWord(descr, 2));
      if (descrWord(descr, 2) === LL_PTR) writeBarrier(obj);
      i += 6;
    } else if (opnum === LIST_APPEND) {
      const t = descrWord(descr, 1);
      makeRoom(readInt(plan, i + 2, frame, refs), itemSize(t));
      const list = readInt(plan, i + 2, frame, refs);
      const len = load32(list + LIST_LENGTH);
      // The write barrier is the items object's: that is the object a ref goes into.
      if (t === LL_PTR) writeBarrier(load32(list + LIST_ITEMS));
      storeValue(plan, i + 4, frame, refs, itemAddress(list, len, t), t);
      store32(list + LIST_LENGTH, len + 1);
      i += 6;
    } else {
      storeItem(plan, i, frame, refs);
      i += 8;
    }
  }
}

/** A kept-back item write (SETARRAYITEM or SETLISTITEM) at code[i]. */
function storeItem(plan: FailurePlan, i: int, frame: int, refs: int): void {
  const descr = plan.code[i + 1];
  const t = descrWord(descr, 1);
  const obj = readInt(plan, i + 2, frame, refs);
  const index = readInt(plan, i + 4, frame, refs);
  if (plan.code[i] === SETLISTITEM) {
    const at = checkedItemAddress(obj, index, t);
    if (t === LL_PTR) writeBarrier(load32(obj + LIST_ITEMS));
    storeValue(plan, i + 6, frame, refs, at, t);
    return;
  }
  const isFloat = isFloatOperand(plan, i + 6);
  storeTypedItem(obj, index, t, isFloat, isFloat ? 0 : readInt(plan, i + 6, frame, refs), isFloat ? readFloat(plan, i + 6, frame) : 0);
}

function isFloatOperand(plan: FailurePlan, k: int): boolean {
  return plan.code[k] === IN_FLOAT_SLOT || plan.code[k] === FLOAT_CONSTANT;
}

/** The float operand at code[k]. */
function readFloat(plan: FailurePlan, k: int, frame: int): float {
  const which = plan.code[k + 1];
  return plan.code[k] === FLOAT_CONSTANT ? plan.floats[which] : loadFloat64(frame + 8 * which);
}

/** The int (or ref) operand at code[k]. */
function readInt(plan: FailurePlan, k: int, frame: int, refs: int): int {
  const where = plan.code[k];
  const which = plan.code[k + 1];
  if (where === IN_REF_SLOT) return load32(refs + 4 * which);
  if (where === IN_INT_SLOT) return load64(frame + 8 * which);
  if (where === CONSTANT) return which;
  fatal("jit: a float where a failure path needs an int");
  return 0;
}

/** Stores the operand at code[k] at `at` as low-level type t. */
function storeValue(plan: FailurePlan, k: int, frame: int, refs: int, at: int, t: int): void {
  if (t === LL_F64) {
    storeFloat64(at, readFloat(plan, k, frame));
  } else if (t === LL_I64) {
    store64(at, readInt(plan, k, frame, refs));
  } else {
    // Refs, 32-bit ints and booleans are 4 bytes.
    store32(at, readInt(plan, k, frame, refs));
  }
}
