// Compiled loops: a closed trace is optimized (opt/'s optimizeLoop, told what the jitcode
// tables say about descriptors: jitdescrs.ts) and compiled (backend/) when the backend
// supports all its operations; jitEnter then runs it (RPython's warmstate
// execute_assembler and compile.py's handle_fail). The inputs are the reds, in the
// driver's order: ints and floats in a static frame buffer, refs in shadow-stack slots
// (rlib/jitrt/frame.ts's convention); when a guard fails its fail arguments come back the
// same way and the meta-interpreter resumes from the guard's snapshot.
import { callTrace, jitExchangeBase, load32, load64, setShadowStackTop, shadowStackLimit, shadowStackTop, store32, store64, typedDataAddress } from "../lowlevel.ts";
import { stackOverflow } from "../runtime.ts";
import { int } from "../types.ts";
import { compileLoop } from "./backend/index.ts";
import { OP_CODES, SHAPE_UNSUPPORTED } from "./backend/optable.ts";
import { exitOps, exitValues } from "./frame.ts";
import { KIND_REF } from "./jitcodes.ts";
import { ResOp, Trace, TYPE_REF } from "./resop.ts";
import { Snapshot } from "./resume.ts";
import { driver, slotKind } from "./driver.ts";
import { optimizeLoop } from "./opt/index.ts";
import { jitDescrInfo } from "./jitdescrs.ts";
import { logOptimized, logRecorded } from "./jitlog.ts";

const MAX_SLOTS = 1024;

export class CompiledLoop {
  constructor(
    /** Its function table slot. */
    public index: int,
    /** Its exits in order (what a failing guard's number indexes). */
    public exits: ResOp[],
    /** Ref slots it needs: its ref inputs, or the most ref fail arguments of a guard. */
    public refSlots: int,
    public snapshots: Snapshot[],
  ) {}
}

class Buffers {
  /** Prebuilt, so the collector never moves it. */
  frame = new Float64Array(MAX_SLOTS);
}

const buffers = new Buffers();

export function frameBuffer(): int {
  return typedDataAddress(buffers.frame);
}

/** Optimizes and compiles the trace, or null when the backend cannot compile it. */
export function compileTrace(trace: Trace, snapshots: Snapshot[]): CompiledLoop | null {
  const n = logRecorded(trace);
  optimizeLoop(trace, jitDescrInfo);
  logOptimized(n, trace, snapshots);
  for (let i = 0; i < trace.ops.length; i++) if (OP_CODES[trace.ops[i].opnum].shape === SHAPE_UNSUPPORTED) return null;
  const exits = exitOps(trace);
  let refSlots = 0;
  let slots = 0;
  for (let i = 0; i < exits.length; i++) {
    const values = exitValues(exits[i]);
    let refs = 0;
    for (let j = 0; j < values.length; j++) if (values[j].type === TYPE_REF) refs++;
    if (refs > refSlots) refSlots = refs;
    if (values.length - refs > slots) slots = values.length - refs;
  }
  if (driver.reds > refSlots) refSlots = driver.reds;
  if (slots > MAX_SLOTS || driver.reds > MAX_SLOTS) return null;
  return new CompiledLoop(compileLoop(trace), exits, refSlots, snapshots);
}

/** Pushes the loop's ref slots (from jitEnter itself, see miframe.ts pushRefs), with the
 *  reds from the exchange area (refs from their roots) as its inputs; returns the slots. */
export function loopInputs(refSlots: int, roots: int): int {
  const refs = shadowStackTop();
  if (refs + 4 * refSlots > shadowStackLimit()) stackOverflow();
  const frame = frameBuffer();
  let nRefs = 0;
  let nOthers = 0;
  for (let k = driver.greens; k < driver.greens + driver.reds; k++) {
    if (slotKind(k) === KIND_REF) {
      store32(refs + 4 * nRefs, load32(roots + 4 * k));
      nRefs++;
    } else {
      store64(frame + 8 * nOthers, load64(jitExchangeBase() + 8 * k));
      nOthers++;
    }
  }
  for (let r = nRefs; r < refSlots; r++) store32(refs + 4 * r, 0);
  setShadowStackTop(refs + 4 * refSlots);
  return refs;
}

/** Runs the loop until a guard fails; returns that guard's exit. */
export function runLoop(loop: CompiledLoop, refs: int): ResOp {
  return loop.exits[callTrace(loop.index, frameBuffer(), refs)];
}
