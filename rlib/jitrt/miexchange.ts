// The portal's registers and the exchange area (warmstate.ts, entry.ts): the greens and
// reds the decoded loop_header or merge point lists, in the driver's slot order.
import { jitExchangeBase, load32, load64, loadFloat64, store32, store64, storeFloat64 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { codeByte, KIND_FLOAT, KIND_INT, KIND_REF } from "./jitcodes.ts";
import { Frame, NO_BOX } from "./miframe.ts";
import { ConstFloat, ConstInt, ConstRef, Value } from "./resop.ts";
import { driver, slotKind } from "./driver.ts";
import type { MetaInterp } from "./metainterp.ts";

/** Loads the registers that the decoded loop_header lists from the exchange area. */
export function fromExchange(mi: MetaInterp, f: Frame, roots: int): void {
  const n = driver.greens + driver.reds;
  const taken: int[] = [0, 0, 0, 0, 0, 0];
  for (let k = 0; k < n; k++) {
    const kind = slotKind(k);
    const list = (k < driver.greens ? 0 : 3) + kind;
    const at = mi.d.lists[list];
    const r = codeByte(at + 1 + taken[list]);
    taken[list]++;
    const slot = jitExchangeBase() + 8 * k;
    if (kind === KIND_INT) f.ints[r] = load64(slot);
    else if (kind === KIND_FLOAT) f.floats[r] = loadFloat64(slot);
    else f.setRef(r, load32(roots + 4 * k));
    if (!mi.tracing) continue;
    const green = k < driver.greens;
    let box: Value = NO_BOX;
    if (green) {
      box = kind === KIND_INT ? new ConstInt(f.ints[r]) : kind === KIND_FLOAT ? new ConstFloat(f.floats[r]) : new ConstRef(f.getRef(r));
      mi.startGreens.push(box);
    } else {
      box = mi.trace.addInput(kind);
    }
    if (kind === KIND_INT) f.intBoxes[r] = box;
    else if (kind === KIND_FLOAT) f.floatBoxes[r] = box;
    else f.refBoxes[r] = box;
  }
}

/** Writes the registers that the decoded merge point lists to the exchange area. */
export function toExchange(mi: MetaInterp, f: Frame): void {
  const n = driver.greens + driver.reds;
  const taken: int[] = [0, 0, 0, 0, 0, 0];
  for (let k = 0; k < n; k++) {
    const kind = slotKind(k);
    const list = (k < driver.greens ? 0 : 3) + kind;
    const r = codeByte(mi.d.lists[list] + 1 + taken[list]);
    taken[list]++;
    const slot = jitExchangeBase() + 8 * k;
    if (kind === KIND_INT) store64(slot, f.ints[r]);
    else if (kind === KIND_FLOAT) storeFloat64(slot, f.floats[r]);
    else store32(slot, f.getRef(r));
  }
}

/** Whether the greens of the decoded loop_header are the ones the trace started with. */
export function sameGreens(mi: MetaInterp, f: Frame): boolean {
  const taken: int[] = [0, 0, 0];
  for (let k = 0; k < driver.greens; k++) {
    const kind = slotKind(k);
    const r = codeByte(mi.d.lists[kind] + 1 + taken[kind]);
    taken[kind]++;
    const start = mi.startGreens[k];
    if (kind === KIND_INT && (start as ConstInt).value !== f.ints[r]) return false;
    if (kind === KIND_REF && (start as ConstRef).address !== f.getRef(r)) return false;
    if (kind === KIND_FLOAT && (start as ConstFloat).value !== f.floats[r]) return false;
  }
  return true;
}

/** The reds' boxes at the decoded loop_header, in slot order (the JUMP's arguments). */
export function redBoxes(mi: MetaInterp, f: Frame): Value[] {
  const out: Value[] = [];
  const taken: int[] = [0, 0, 0];
  for (let k = driver.greens; k < driver.greens + driver.reds; k++) {
    const kind = slotKind(k);
    const r = codeByte(mi.d.lists[3 + kind] + 1 + taken[kind]);
    taken[kind]++;
    out.push(kind === KIND_INT ? f.intBoxes[r] : kind === KIND_FLOAT ? f.floatBoxes[r] : f.refBoxes[r]);
  }
  return out;
}
