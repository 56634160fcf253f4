// Refs the exits leave in their slots. Most exits of a trace name the same few refs that do
// not change in it (the interpreter's state objects: a loop's inputs that its JUMP passes
// back unchanged, a straight-line trace's inputs), each in the same ref slot (fail arguments
// follow the registers of the interpreter's frames). Such a ref is kept in its slot: an
// input read from that very slot is already there; a loop's is stored once where the loop
// starts; the exits after that point do not store it. Ref slots belong to this activation
// (jitEnter pushes them; calls push above them), and only an exit, which leaves the trace,
// stores into them; the collector updates the slot when it moves the object, as it does
// the ref's local.
import { int } from "../../types.ts";
import { exitValues, frameSlots } from "../frame.ts";
import { isGuard, loopHeader, ResOp, TYPE_REF, Value } from "../resop.ts";
import type { TraceCode } from "./function.ts";

export class PreStores {
  values: Value[] = [];
  slots: int[] = [];
  /** Per value: it is in its slot where the trace starts (an input read from there). */
  inPlace: boolean[] = [];

  /** Whether the value is a ref kept in this ref slot. */
  keeps(v: Value, slot: int): boolean {
    const i = this.values.indexOf(v);
    return i >= 0 && this.slots[i] === slot;
  }
}

/** A candidate's count of exits that store it in one slot. */
class SlotUse {
  constructor(
    public value: Value,
    public slot: int,
    public count: int,
  ) {}
}

/** The refs of the tree's function to keep in slots: its unchanging ref inputs, each in the
 *  slot the most exits store it in (when two or more do), one per slot: those already there,
 *  and in a loop those enough exits store. */
export function planPreStores(root: TraceCode, isLoop: boolean): PreStores {
  const pre = new PreStores();
  const ops = root.trace.ops;
  const header = isLoop ? loopHeader(root.trace) : 0;
  const candidates: Value[] = [];
  if (isLoop) {
    const label = ops[header];
    const jump = ops[ops.length - 1];
    for (let i = 0; i < label.args.length; i++) {
      const a = label.args[i];
      if (a.type === TYPE_REF && !a.isConstant() && jump.args[i] === a) candidates.push(a);
    }
  } else {
    for (const a of root.trace.inputargs) if (a.type === TYPE_REF) candidates.push(a);
  }
  if (candidates.length === 0) return pre;
  const uses: SlotUse[] = [];
  countUses(root, isLoop ? header : 0, candidates, uses);
  // The most used first: each value and each slot at most once.
  const inputs: Value[] = root.trace.inputargs;
  const inSlots = frameSlots(inputs);
  const taken: Value[] = [];
  const takenSlots: int[] = [];
  for (;;) {
    let best: SlotUse | null = null;
    for (const u of uses) {
      if (u.count < 2 || taken.indexOf(u.value) >= 0 || takenSlots.indexOf(u.slot) >= 0) continue;
      if (best === null || u.count > best.count) best = u;
    }
    if (best === null) break;
    taken.push(best.value);
    takenSlots.push(best.slot);
    // A straight-line trace's or an unpeeled loop's input read from that slot is there.
    const k = header === 0 ? inputs.indexOf(best.value) : -1;
    const inPlace = k >= 0 && inSlots[k] === best.slot;
    // Storing costs a store each time the trace (a loop: its loop) is entered, which for
    // short runs between traces is far more often than its exits leave.
    if (!inPlace && (!isLoop || best.count < STORED_FROM)) continue;
    pre.values.push(best.value);
    pre.slots.push(best.slot);
    pre.inPlace.push(inPlace);
  }
  return pre;
}

/** The fewest exits of a loop that make storing a ref in their slot before it worth it. */
const STORED_FROM = 4;

/** Counts, per candidate and slot, the exits from position `from` on of the segment (and
 *  of the bridges compiled in its guards' places) that store the candidate there. */
function countUses(t: TraceCode, from: int, candidates: Value[], uses: SlotUse[]): void {
  for (let n = 0; n < t.exits.length; n++) {
    if (t.exitAt[n] < from) continue;
    const op: ResOp = t.exits[n];
    const bridge = t.inlined[n];
    if (bridge !== null) {
      countUses(bridge, 0, candidates, uses);
      continue;
    }
    if (!isGuard(op.opnum)) continue;
    const values = exitValues(op);
    const slots = frameSlots(values);
    for (let k = 0; k < values.length; k++) {
      if (candidates.indexOf(values[k]) < 0) continue;
      let found = false;
      for (const u of uses) {
        if (u.value === values[k] && u.slot === slots[k]) {
          u.count++;
          found = true;
        }
      }
      if (!found) uses.push(new SlotUse(values[k], slots[k], 1));
    }
  }
}
