// Compiled traces: a closed trace is optimized (opt/'s optimizeLoop, told what the jitcode
// tables say about descriptors: jitdescrs.ts) and compiled (backend/) when the backend
// supports all its operations. A trace is a loop (it ends
// by jumping back to its start), or straight-line code that ends by going on in the
// compiled loop of another green key (FINISH with the reds: `target`); bridges are the
// latter, attached to the guard they start from. jitEnter runs them (RPython's warmstate
// execute_assembler and compile.py's handle_fail). The inputs are the reds, in the
// driver's order, or for a bridge its guard's fail arguments: ints and floats in a static
// frame buffer, refs in shadow-stack slots (rlib/jitrt/frame.ts's convention), which is
// also how every exit leaves its values, so a trace's exit is its successor's input.
import { jitExchangeBase, load32, load64, setShadowStackTop, shadowStackLimit, shadowStackTop, store32, store64, typedDataAddress } from "../lowlevel.ts";
import { stackOverflow } from "../runtime.ts";
import { int } from "../types.ts";
import { compileBridge, compileLoop } from "./backend/index.ts";
import { attachBridge, reserveExits } from "./backend/exits.ts";
import { OP_CODES, SHAPE_UNSUPPORTED } from "./backend/optable.ts";
import { countRefs, exitOps, exitValues } from "./frame.ts";
import { KIND_REF } from "./jitcodes.ts";
import { JUMP, ResOp, Trace } from "./resop.ts";
import { Snapshot } from "./resume.ts";
import { driver, slotKind } from "./driver.ts";
import type { JitCell } from "./warmstate.ts";
import { optimizeLoop } from "./opt/index.ts";
import { jitDescrInfo } from "./jitdescrs.ts";
import { logOptimized, logRecorded, traceCounter } from "./jitlog.ts";
import { TraceLinks } from "./backend/function.ts";

const MAX_SLOTS = 1024;

export class CompiledTrace {
  /** Per exit: the bridge compiled from it (null: none yet). */
  bridges: (CompiledTrace | null)[] = [];

  constructor(
    /** Its function table slot. */
    public index: int,
    /** The id of its first exit (backend/exits.ts): exit n returns firstExit + n. */
    public firstExit: int,
    /** Its exits in order. */
    public exits: ResOp[],
    public snapshots: Snapshot[],
    /** Where its FINISH goes on: the cell of a compiled loop (null for a loop). */
    public target: JitCell | null,
  ) {
    for (let i = 0; i < exits.length; i++) {
      this.bridges.push(null);
      owners.push(this);
    }
  }

  /** Exit n (a guard) goes on in `bridge` from now on. */
  attach(n: int, bridge: CompiledTrace): void {
    this.bridges[n] = bridge;
    attachBridge(this.firstExit + n, bridge.index);
  }
}

/** Per exit id: the compiled trace it belongs to. */
const owners: CompiledTrace[] = [];

/** The compiled trace an exit id returned by compiled code belongs to. */
export function ownerOfExit(id: int): CompiledTrace {
  return owners[id];
}

class Buffers {
  /** Prebuilt, so the collector never moves it. */
  frame = new Float64Array(MAX_SLOTS);
  /** The most ref slots any compiled trace needs (inputs or exit values): jitEnter pushes
   *  that many, so every trace of a chain finds room. */
  refSlots = 0;
}

const buffers = new Buffers();

export function frameBuffer(): int {
  return typedDataAddress(buffers.frame);
}

/** Compiles the trace (a loop, or ending in FINISH to `target`), or null when the backend
 *  cannot compile it. */
export function compileTrace(trace: Trace, snapshots: Snapshot[], target: JitCell | null): CompiledTrace | null {
  const isLoop = trace.ops[trace.ops.length - 1].opnum === JUMP;
  const n = logRecorded(trace, isLoop);
  optimizeLoop(trace, jitDescrInfo);
  logOptimized(n, trace, snapshots);
  for (let i = 0; i < trace.ops.length; i++) if (OP_CODES[trace.ops[i].opnum].shape === SHAPE_UNSUPPORTED) return null;
  const exits = exitOps(trace);
  let refSlots = 0;
  let slots = 0;
  for (let i = 0; i < exits.length; i++) {
    const values = exitValues(exits[i]);
    const refs = countRefs(values);
    if (refs > refSlots) refSlots = refs;
    if (values.length - refs > slots) slots = values.length - refs;
  }
  const inputRefs = countRefs(trace.inputargs);
  if (inputRefs > refSlots) refSlots = inputRefs;
  if (slots > MAX_SLOTS || trace.inputargs.length > MAX_SLOTS) return null;
  const links = new TraceLinks(reserveExits(exits.length), target === null ? 0 : target.loop!.index, traceCounter(n));
  const index = isLoop ? compileLoop(trace, links) : compileBridge(trace, links);
  if (refSlots > buffers.refSlots) buffers.refSlots = refSlots;
  return new CompiledTrace(index, links.firstExit, exits, snapshots, target);
}

/** Pushes the ref slots every compiled trace fits in (from jitEnter itself, see
 *  miframe.ts pushRefs), with the reds from the exchange area (refs from their roots) as
 *  a loop's inputs; returns the slots. */
export function loopInputs(roots: int): int {
  const refSlots = buffers.refSlots;
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
