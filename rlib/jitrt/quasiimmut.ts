// Quasi-immutable fields (RPython's quasiimmut.py), the JIT runtime's side. A field named
// by quasiImmutable() (rlib/jit.ts) has a hidden i32 word in its object (RPython's
// mutate_x, translator/rtyper/layouts.ts): 0 until a trace depends on the field, then the
// index of its Watchers here. A trace that reads such a field of a constant object takes
// the value as a constant (dataops.ts getField) and records guard_not_invalidated, which
// tests the trace's flag word here (one per recorded trace; compiled code loads it from a
// prebuilt array). Every write of the field, in the interpreter, the blackhole or a trace,
// first runs quasi_invalidate of the hidden word (rtype-access.ts setfield): when nonzero,
// jitInvalidate (invalidate.ts) sets the flags of the traces that depend on the field, so
// they leave by their guard_not_invalidated from then on, and a loop's cell is traced
// again. A field that keeps being written is read as an ordinary field by new traces once
// it has invalidated MAX_INVALIDATIONS times: a guest writing a global in its hot loop
// would otherwise retrace forever. Objects are watched, not classes: a write of one
// object's field leaves the traces that read another's alone.
import { int } from "../types.ts";
import { load32, store32, typedDataAddress } from "../lowlevel.ts";
import type { CompiledTrace } from "./compiled.ts";
import type { JitCell } from "./warmstate.ts";

/** How many recorded traces may depend on quasi-immutable fields (a flag word each); past
 *  that, traces read the fields as ordinary ones. */
const MAX_FLAGS = 16384;

/** How often one object's field may invalidate traces before new traces stop reading it
 *  as a constant. */
export const MAX_INVALIDATIONS = 3;

/** The traces that depend on one object's quasi-immutable field (by flag). */
class Watchers {
  flags: int[] = [];
  invalidations = 0;
}

class QuasiImmutables {
  /** Per flag: 1 once the trace has been invalidated. Prebuilt, so the collector never
   *  moves it: compiled code has its address. Flag 0 is no trace's. */
  flags = new Int32Array(MAX_FLAGS);
  nextFlag = 1;
  /** By hidden word (0 is no field's). */
  watchers: Watchers[] = [new Watchers()];
  /** Per flag: the loop compiled from the trace and its cell (null: a bridge, or not
   *  compiled), to trace the loop again when it is invalidated. */
  loops: (CompiledTrace | null)[] = [null];
  cells: (JitCell | null)[] = [null];
}

const state = new QuasiImmutables();

/** A flag for the trace being recorded, or 0 when there are none left. */
export function newFlag(): int {
  if (state.nextFlag >= MAX_FLAGS) return 0;
  const flag = state.nextFlag;
  state.nextFlag = flag + 1;
  state.loops.push(null);
  state.cells.push(null);
  return flag;
}

/** The trace with this flag depends on the field whose hidden word is at address `word`
 *  (in a trace constant: an old object, it does not move). False when the field has
 *  invalidated traces too often: the trace must read it as an ordinary field. */
export function watch(word: int, flag: int): boolean {
  let k = load32(word);
  if (k === 0) {
    k = state.watchers.length;
    state.watchers.push(new Watchers());
    store32(word, k);
  }
  const w = state.watchers[k];
  if (w.invalidations >= MAX_INVALIDATIONS) return false;
  // A trace reads a field again and again while it is recorded: its flag is the last one.
  if (w.flags.length === 0 || w.flags[w.flags.length - 1] !== flag) w.flags.push(flag);
  return true;
}

/** The trace with this flag was compiled as `loop`, the loop of `cell`. */
export function watchLoop(flag: int, loop: CompiledTrace, cell: JitCell): void {
  state.loops[flag] = loop;
  state.cells[flag] = cell;
}

/** A field whose hidden word holds k is written: every trace that depends on it is
 *  invalidated, and a loop that is still its cell's is traced again. Allocates nothing (the
 *  main module calls it wherever such a field is written). */
export function invalidate(k: int): void {
  const w = state.watchers[k];
  w.invalidations++;
  while (w.flags.length > 0) {
    const flag = w.flags.pop()!;
    state.flags[flag] = 1;
    const cell = state.cells[flag];
    if (cell !== null && cell.loop === state.loops[flag]) cell.traced = false;
  }
}

export function isInvalidated(flag: int): boolean {
  return state.flags[flag] !== 0;
}

/** The address of a flag's word (compiled guard_not_invalidated loads it). */
export function flagAddress(flag: int): int {
  return typedDataAddress(state.flags) + 4 * flag;
}
