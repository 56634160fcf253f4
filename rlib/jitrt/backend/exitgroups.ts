// Guards that share their exit code. A guard's exit stores its values in their slots (the
// frame and ref slots, frame.ts), which is most of a trace's code and of the time the host
// takes to compile it. Consecutive guards usually store nearly the same values in the same
// slots (the interpreter's state changes little between them), so a run of them can share
// one stub that stores the union of their values: each guard of the run sets the exit id
// and branches to it. Storing a value a failing guard does not name is harmless when its
// slot is one that guard does not read (a constant fail argument, or none of its), so the
// run's guards must not put different values in one slot. The stub stores every value of
// the union whichever guard failed, so each must hold a live value there: a run only takes
// values defined before its first guard, and no operation between its guards may collect
// (a ref stored in a slot is a root: it must not be a freed object's address). A slot that
// keeps a ref (prestore.ts) takes no other value. The stubs are at the function's end, out
// of the way of the code that runs: a guard that holds is a branch not taken.
import { int } from "../../types.ts";
import { isExit, isGuard, LABEL, ResOp, TYPE_REF, Value } from "../resop.ts";
import { exitValues, frameSlots, storedAtExit } from "../frame.ts";
import type { PreStores } from "./prestore.ts";
import {
  OP_CODES, SHAPE_ARRAYLEN, SHAPE_COMPARE, SHAPE_COPY, SHAPE_GETARRAYITEM, SHAPE_GETFIELD, SHAPE_GETLISTITEM, SHAPE_GUARD_CLASS, SHAPE_GUARD_FALSE,
  SHAPE_GUARD_NO_EXCEPTION, SHAPE_GUARD_NOT_INVALIDATED, SHAPE_GUARD_TRUE, SHAPE_GUARD_VALUE, SHAPE_INSTANCEOF, SHAPE_INT32, SHAPE_IS_OBJECT, SHAPE_NOTHING, SHAPE_PURE,
  SHAPE_SETARRAYITEM, SHAPE_SETFIELD, SHAPE_SETLISTITEM,
} from "./optable.ts";

/** A run of guards sharing one exit stub (or a guard with a stub of its own): the position
 *  of its first guard in the segment, and the values the stub stores with their slots
 *  (among the refs for a ref, else among the frame's slots). */
export class ExitGroup {
  values: Value[] = [];
  slots: int[] = [];
  /** The ref slots some guard of the group reads a kept ref from (prestore.ts): the stub
   *  stores nothing there. */
  kept: int[] = [];
  /** Its stub's block among the function's (codegen.ts: 0 is the innermost). */
  block = 0;

  constructor(
    public first: int,
    /** The refs kept in slots where the group is (prestore.ts), or null. */
    public pre: PreStores | null,
  ) {}

  /** The value the group stores in the slot (a ref slot or a frame slot), or null. */
  private holder(slot: int, isRef: boolean): Value | null {
    for (let i = 0; i < this.values.length; i++) {
      if (this.slots[i] === slot && (this.values[i].type === TYPE_REF) === isRef) return this.values[i];
    }
    return null;
  }

  /** Whether the guard reads v from its kept slot (prestore.ts). */
  private readsKept(v: Value, slot: int): boolean {
    return this.pre !== null && this.pre.keeps(v, slot);
  }

  /** Adds the guard's values if they fit: those it stores defined before the run's first
   *  guard and in slots the run gives no other value, and no slot it reads a kept ref from
   *  stored into by the stub. */
  accepts(guard: ResOp, definedAt: Map<Value, int>): boolean {
    const values = exitValues(guard);
    const slots = frameSlots(values);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const isRef = v.type === TYPE_REF;
      if (!storedByGuard(guard, v)) continue;
      if (this.readsKept(v, slots[i])) {
        if (this.holder(slots[i], true) !== null) return false;
        continue;
      }
      if ((definedAt.get(v) ?? -1) >= this.first) return false;
      if (isRef && this.kept.indexOf(slots[i]) >= 0) return false;
      const held = this.holder(slots[i], isRef);
      if (held !== null && held !== v) return false;
    }
    this.add(guard);
    return true;
  }

  add(guard: ResOp): void {
    const values = exitValues(guard);
    const slots = frameSlots(values);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!storedByGuard(guard, v)) continue;
      if (this.readsKept(v, slots[i])) {
        if (this.kept.indexOf(slots[i]) < 0) this.kept.push(slots[i]);
      } else if (this.holder(slots[i], v.type === TYPE_REF) === null) {
        this.values.push(v);
        this.slots.push(slots[i]);
      }
    }
  }
}

/** Whether the guard's exit stores the value (not a constant, nor an object its failure
 *  path builds: jitMaterialize fills that slot). */
export function storedByGuard(guard: ResOp, v: Value): boolean {
  return storedAtExit(guard, v) && !(v instanceof ResOp && guard.onFailure.indexOf(v) >= 0);
}

/** The groups of a segment's operations, and per operation the group it belongs to. */
export class ExitGroups {
  groups: ExitGroup[] = [];
  /** Per operation: the index of its guard's group, or -1. */
  memberOf: int[] = [];
}

/** Groups the runs of guards of `ops` that may share their exit stub. `joins[n]` says
 *  whether exit n (a guard) may be one of a run's: it leaves through the shared exit code
 *  and has no bridge compiled in its place. Other guards may be inside a run. */
export function groupExits(ops: ResOp[], joins: boolean[], pre: PreStores, preFrom: int): ExitGroups {
  const g = new Grouping();
  let n = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    g.out.memberOf.push(-1);
    g.definedAt.set(op, i);
    if (op.opnum === LABEL) for (const a of op.args) g.definedAt.set(a, i);
    if (!isExit(op.opnum)) {
      if (!keepsGroupOpen(op)) g.close();
    } else if (!isGuard(op.opnum)) {
      g.close();
    } else if (joins[n]) {
      g.join(op, i, i >= preFrom ? pre : null);
    }
    if (isExit(op.opnum)) n++;
  }
  g.close();
  return g.out;
}

/** groupExits's state: the run being grouped and its guards' positions. */
class Grouping {
  out = new ExitGroups();
  definedAt = new Map<Value, int>();
  current: ExitGroup | null = null;
  members: int[] = [];

  join(guard: ResOp, at: int, pre: PreStores | null): void {
    const current = this.current;
    if (current === null || !current.accepts(guard, this.definedAt)) {
      this.close();
      const group = new ExitGroup(at, pre);
      group.add(guard);
      this.current = group;
    }
    this.members.push(at);
  }

  /** Ends the run. */
  close(): void {
    const current = this.current;
    if (current !== null) {
      for (const m of this.members) this.out.memberOf[m] = this.out.groups.length;
      this.out.groups.push(current);
    }
    this.current = null;
    this.members = [];
  }
}

/** Whether a run of guards may go on past the operation: it cannot collect (no call, no
 *  allocation, no write barrier) and is not a loop's label. */
function keepsGroupOpen(op: ResOp): boolean {
  const shape = OP_CODES[op.opnum].shape;
  switch (shape) {
    case SHAPE_PURE:
    case SHAPE_COMPARE:
    case SHAPE_COPY:
    case SHAPE_NOTHING:
    case SHAPE_INT32:
    case SHAPE_IS_OBJECT:
    case SHAPE_INSTANCEOF:
    case SHAPE_GETFIELD:
    case SHAPE_GETARRAYITEM:
    case SHAPE_GETLISTITEM:
    case SHAPE_ARRAYLEN:
    case SHAPE_GUARD_TRUE:
    case SHAPE_GUARD_FALSE:
    case SHAPE_GUARD_VALUE:
    case SHAPE_GUARD_CLASS:
    case SHAPE_GUARD_NO_EXCEPTION:
    case SHAPE_GUARD_NOT_INVALIDATED:
      return true;
    case SHAPE_SETFIELD:
    case SHAPE_SETARRAYITEM:
    case SHAPE_SETLISTITEM:
      return op.args[op.args.length - 1].type !== TYPE_REF;
  }
  return false;
}
