// Resuming from a guard (metainterp.ts resume and startBridge): the interpreter's frames
// rebuilt from the guard's snapshot (resume.ts) with its fail arguments in their registers.
import { excTake, load32, load64, loadFloat64, store32 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { codeByte } from "./jitcodes.ts";
import { Frame, NO_BOX, pushRefs, pushSlot } from "./miframe.ts";
import { exitValues } from "./frame.ts";
import { ConstFloat, ConstInt, ConstRef, ResOp, TYPE_FLOAT, TYPE_REF, Value } from "./resop.ts";
import { Snapshot } from "./resume.ts";
import type { MetaInterp } from "./metainterp.ts";

/** A guard's frames rebuilt from its snapshot (whose frameOf and regOf say where each of
 *  its fail arguments goes). */
export class Rebuilt {
  frames: Frame[] = [];
  constructor(public snapshot: Snapshot) {}
}

/** Rebuilds the frames of the snapshot of `exit` (a guard), outermost first, with its
 *  fail arguments that are ints and floats (from the frame buffer at `frame`) in the
 *  registers of the -live- markers; enterFrames does the refs. The innermost frame is at
 *  the guard's instruction. While tracing, each register's box is a new input of the
 *  trace, or the fail argument itself when that is a constant. */
export function rebuild(mi: MetaInterp, exit: ResOp, snapshots: Snapshot[], frame: int): Rebuilt {
  const s = snapshots[exit.resume];
  const out = new Rebuilt(s);
  let parent: Frame | null = null;
  for (let k = 0; k < s.jitcodes.length; k++) {
    const f: Frame = new Frame(s.jitcodes[k], parent, mi.tracing);
    f.pc = s.pcs[k];
    f.livePc = s.livePcs[k];
    f.retReg = s.retRegs[k];
    f.retKind = s.retKinds[k];
    out.frames.push(f);
    parent = f;
  }
  const frameOf = failArgRegisters(s);
  const regOf = s.regOf;
  const values = exitValues(exit);
  let nOthers = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let box: Value = NO_BOX;
    if (mi.tracing) {
      const input = mi.trace.addInput(v.type);
      box = v.isConstant() ? v : input;
    }
    // The values past the registers are the failure path's (materialize.ts): a bridge
    // takes them as inputs it does not use.
    if (i >= frameOf.length) continue;
    const f = out.frames[frameOf[i]];
    const r = regOf[i];
    // (A constant fail argument is not in its slot: frame.ts storedAtExit.)
    if (v.type === TYPE_REF) {
      if (mi.tracing) f.refBoxes[r] = box;
    } else if (v.type === TYPE_FLOAT) {
      f.floats[r] = v instanceof ConstFloat ? v.value : loadFloat64(frame + 8 * nOthers);
      if (mi.tracing) f.floatBoxes[r] = box;
      nOthers++;
    } else {
      f.ints[r] = v instanceof ConstInt ? v.value : load64(frame + 8 * nOthers);
      if (mi.tracing) f.intBoxes[r] = box;
      nOthers++;
    }
  }
  return out;
}

/** The snapshot's frameOf (made at the first call, with regOf): the fail arguments fill
 *  the registers of every frame's -live- marker, in order: I, R, F. */
function failArgRegisters(s: Snapshot): int[] {
  const known = s.frameOf;
  if (known !== null) return known;
  const frameOf: int[] = [];
  for (let k = 0; k < s.jitcodes.length; k++) {
    if (s.livePcs[k] < 0) continue;
    let at = s.livePcs[k] + 1;
    for (let kind = 0; kind < 3; kind++) {
      for (let j = 0; j < codeByte(at); j++) {
        frameOf.push(k);
        s.regOf.push(codeByte(at + 1 + j));
      }
      at += 1 + codeByte(at);
    }
  }
  s.frameOf = frameOf;
  return frameOf;
}

/** Pushes the rebuilt frames' ref registers with the ref fail arguments of `exit` (from
 *  the slots at `refs`), and the slot of the exception a guard_no_exception saw (it is
 *  pending); returns the innermost frame. It cannot collect, so it has no GC frame of its
 *  own and what it pushes stays for `run` (see miframe.ts pushRefs); the refs are plain
 *  ints only until they are in their registers. */
export function enterFrames(mi: MetaInterp, rebuilt: Rebuilt, exit: ResOp, refs: int): Frame {
  const frames = rebuilt.frames;
  for (let k = 0; k < frames.length; k++) frames[k].refBase = pushRefs(frames[k].jitcode, frames[k].refCount);
  mi.excSlot = pushSlot();
  store32(mi.excSlot, excTake());
  const values = exitValues(exit);
  const frameOf = rebuilt.snapshot.frameOf!;
  const regOf = rebuilt.snapshot.regOf;
  let nRefs = 0;
  for (let i = 0; i < frameOf.length; i++) {
    const v = values[i];
    if (v.type !== TYPE_REF) continue;
    frames[frameOf[i]].setRef(regOf[i], v instanceof ConstRef ? v.address : load32(refs + 4 * nRefs));
    nRefs++;
  }
  return frames[frames.length - 1];
}
