// One activation of a jitcode in the meta-interpreter (RPython's MIFrame / BlackholeInterpreter
// registers): three register files as the codewriter allocated them, the constants of the
// jitcode's pools after the registers. Ints and floats are RTS lists; refs are slots on
// the GC shadow stack, so the collector sees them and updates them when it moves objects
// (a ref is only ever held in an int between two loads and stores that cannot collect).
// While tracing, each register also has a box: the trace value it holds.
import { load32, loadFloat64, setShadowStackTop, shadowStackLimit, shadowStackTop, store32 } from "../lowlevel.ts";
import { stackOverflow, TYPED_DATA, TYPED_LENGTH } from "../runtime.ts";
import { float, int } from "../types.ts";
import { jitcodeField, word } from "./jitcodes.ts";
import { ConstFloat, ConstInt, ConstRef, Value } from "./resop.ts";

export class Frame {
  /** The jitcode's index, and where its code starts (labels are relative to it). */
  jitcode: int;
  start: int;
  /** The next instruction, in the code of every jitcode. */
  pc: int;
  /** The last -live- marker executed: what a guard here saves. */
  livePc = -1;
  ints: int[] = [];
  floats: float[] = [];
  /** The ref registers' first shadow-stack slot (set by pushRefs). */
  refBase = 0;
  refCount: int;
  intBoxes: Value[] = [];
  refBoxes: Value[] = [];
  floatBoxes: Value[] = [];
  /** Where the caller wants the result: a register of kind retKind (-1: none). */
  retReg = -1;
  retKind = -1;
  parent: Frame | null;

  constructor(jitcode: int, parent: Frame | null, tracing: boolean) {
    this.jitcode = jitcode;
    this.start = jitcodeField(jitcode, 0);
    this.pc = this.start;
    this.parent = parent;
    const nInts = jitcodeField(jitcode, 2);
    const nFloats = jitcodeField(jitcode, 4);
    const intPool = jitcodeField(jitcode, 6);
    const floatPool = jitcodeField(jitcode, 8);
    const intConsts = jitcodeField(jitcode, 9);
    const floatConsts = load32(floatPool + TYPED_LENGTH);
    for (let i = 0; i < nInts; i++) this.ints.push(0);
    for (let i = 0; i < intConsts; i++) this.ints.push(word(intPool, 2 * i + 1) * 4294967296 + load32(intPool + TYPED_DATA + 8 * i));
    for (let i = 0; i < nFloats; i++) this.floats.push(0);
    for (let i = 0; i < floatConsts; i++) this.floats.push(loadFloat64(floatPool + TYPED_DATA + 8 * i));
    this.refCount = jitcodeField(jitcode, 3) + load32(jitcodeField(jitcode, 7) + TYPED_LENGTH);
    if (!tracing) return;
    for (let i = 0; i < this.ints.length; i++) this.intBoxes.push(i < nInts ? NO_BOX : new ConstInt(this.ints[i]));
    for (let i = 0; i < this.floats.length; i++) this.floatBoxes.push(i < nFloats ? NO_BOX : new ConstFloat(this.floats[i]));
    const nRefs = jitcodeField(jitcode, 3);
    const refPool = jitcodeField(jitcode, 7);
    for (let i = 0; i < this.refCount; i++) this.refBoxes.push(i < nRefs ? NO_BOX : new ConstRef(word(refPool, i - nRefs)));
  }

  getRef(r: int): int {
    return load32(this.refBase + 4 * r);
  }

  setRef(r: int, v: int): void {
    store32(this.refBase + 4 * r, v);
  }
}

/** The box of a register that holds nothing yet. */
export const NO_BOX: Value = new ConstInt(0);

/** A frame's ref registers on the shadow stack: zeroed, then the constant pool; returns the
 *  first slot. It must be called from the function that runs the frames (a function with
 *  a GC frame of its own pops everything above it when it returns), so it takes no
 *  pointer: then it needs no GC frame itself. */
export function pushRefs(jitcode: int, count: int): int {
  const base = shadowStackTop();
  const end = base + 4 * count;
  if (end > shadowStackLimit()) stackOverflow();
  const nRefs = jitcodeField(jitcode, 3);
  const pool = jitcodeField(jitcode, 7);
  for (let r = 0; r < count; r++) store32(base + 4 * r, r < nRefs ? 0 : word(pool, r - nRefs));
  setShadowStackTop(end);
  return base;
}

/** One zeroed shadow-stack slot (for a ref the meta-interpreter holds); as pushRefs. */
export function pushSlot(): int {
  const base = shadowStackTop();
  if (base + 4 > shadowStackLimit()) stackOverflow();
  store32(base, 0);
  setShadowStackTop(base + 4);
  return base;
}

/** Drops a frame's ref registers (and any slot above them); as pushRefs, called from the
 *  function that runs the frames. */
export function popRefs(f: Frame): void {
  setShadowStackTop(f.refBase);
}
