// The Wasm trace backend (RPython's jit/backend/): a loop trace in the trace IR becomes a
// Wasm module in linear memory, which the host compiles (rts_jit.compile, or in the
// background: rts_jit.submit, then rts_jit.collect) into a new slot of the main module's
// function table. The calling convention is in rlib/jitrt/frame.ts.
import { int } from "../../types.ts";
import { callTrace, jitCompile, jitSubmit, load32, loadFloat64, load64, setShadowStackTop, shadowStackLimit, shadowStackTop, store32, storeFloat64, store64, typedDataAddress } from "../../lowlevel.ts";
import { fatal } from "../../runtime.ts";
import { countRefs, exitOps, exitValues, frameSlots, JitFrame } from "../frame.ts";
import { ConstFloat, ConstInt, ConstRef, JUMP, Trace, TYPE_FLOAT, TYPE_REF, Value } from "../resop.ts";
import { loopFunction, straightFunction } from "./codegen.ts";
import { traceModule } from "./module.ts";
import { ByteBuffer } from "./bytes.ts";
import { clock, stats } from "../stats.ts";
import { TraceCode } from "./function.ts";

/** Compiles a trace and the bridges compiled into it: a loop (LABEL first, JUMP last), or
 *  straight-line code (a bridge, or a loop's start that goes on in another loop: FINISH
 *  last, LABEL only first if at all). Returns its function table slot, for
 *  lowlevel.callTrace. */
export function compileTree(tree: TraceCode): int {
  const encoded = encodeTree(tree);
  const start = clock();
  // Nothing allocates between taking the addresses and the host reading the bytes.
  const module = encoded.module;
  const values = encoded.relocations;
  const index = jitCompile(typedDataAddress(module.bytes), module.length, typedDataAddress(values), values.length);
  stats.compilingTime += clock() - start;
  return index;
}

/** Starts compiling the tree in the host's background compiler; returns the ticket that
 *  lowlevel.jitCollect gives its table slot for once compiled, which is when the host
 *  stores it at the address `doneWord`. */
export function submitTree(tree: TraceCode, doneWord: int): int {
  const encoded = encodeTree(tree);
  stats.submitted++;
  // As in compileTree: the host copies the bytes before anything allocates.
  const module = encoded.module;
  const values = encoded.relocations;
  return jitSubmit(typedDataAddress(module.bytes), module.length, typedDataAddress(values), values.length, doneWord);
}

/** A tree's module and the values of its relocations, for the host. */
class EncodedTree {
  constructor(
    public module: ByteBuffer,
    public relocations: Int32Array,
  ) {}
}

function encodeTree(tree: TraceCode): EncodedTree {
  const ops = tree.trace.ops;
  const isLoop = ops.length > 0 && ops[ops.length - 1].opnum === JUMP;
  const start = clock();
  const f = isLoop ? loopFunction(tree) : straightFunction(tree);
  const module = traceModule(f);
  const relocations = new Int32Array(f.relocations.length);
  for (let k = 0; k < relocations.length; k++) relocations[k] = f.relocations[k];
  stats.encodingTime += clock() - start;
  stats.functions++;
  stats.bytes += module.length;
  return new EncodedTree(module, relocations);
}

/** Frame slots for executeLoop: prebuilt, so the collector never moves them. */
const MAX_SLOTS = 1024;
const FRAME_BUFFER = new Float64Array(MAX_SLOTS);

/** Runs a loop trace compiled UNLINKED (without bridges) on the inputs in `frame` (as
 *  evaluateLoop does): the ints and floats go to a static frame buffer, the refs on the
 *  shadow stack; the exit's values come back into `frame` (a constant one from the trace:
 *  frame.ts storedAtExit). Returns the exit's number. */
export function executeLoop(index: int, trace: Trace, frame: JitFrame): int {
  const base = typedDataAddress(FRAME_BUFFER);
  const refs = shadowStackTop();
  const exits = exitOps(trace);
  let refSlots = countRefs(trace.inputargs);
  let slots = trace.inputargs.length - refSlots;
  for (const e of exits) {
    const values = exitValues(e);
    const n = countRefs(values);
    refSlots = Math.max(refSlots, n);
    slots = Math.max(slots, values.length - n);
  }
  if (slots > MAX_SLOTS) fatal("jit: too many trace inputs or exit values");
  if (refs + refSlots * 4 > shadowStackLimit()) fatal("jit: the shadow stack is full");
  const inputs: Value[] = trace.inputargs;
  const inSlots = frameSlots(inputs);
  for (let i = 0; i < inputs.length; i++) {
    const t = inputs[i].type;
    const slot = inSlots[i];
    if (t === TYPE_REF) store32(refs + slot * 4, frame.refs[slot]);
    else if (t === TYPE_FLOAT) storeFloat64(base + slot * 8, frame.floats[slot]);
    else store64(base + slot * 8, frame.ints[slot]);
  }
  setShadowStackTop(refs + refSlots * 4);
  const exit = callTrace(index, base, refs);
  const values = exitValues(exits[exit]);
  const outSlots = frameSlots(values);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const slot = outSlots[i];
    if (v instanceof ConstRef) frame.setRef(slot, v.address);
    else if (v instanceof ConstFloat) frame.setFloat(slot, v.value);
    else if (v instanceof ConstInt) frame.setInt(slot, v.value);
    else if (v.type === TYPE_REF) frame.setRef(slot, load32(refs + slot * 4));
    else if (v.type === TYPE_FLOAT) frame.setFloat(slot, loadFloat64(base + slot * 8));
    else frame.setInt(slot, load64(base + slot * 8));
  }
  setShadowStackTop(refs);
  return exit;
}
