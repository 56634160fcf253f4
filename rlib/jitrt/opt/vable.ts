// Virtualizables in the trace optimizer (RPython's virtualizable.py, with the part of
// unroll.py's short preamble that carries the heap cache across a loop's jump, for the
// frame only). A `virtualizable(Frame, "sp", "stack[*]")` hint (rlib/jit.ts) marks field
// descriptors (DescrInfo.vableKind): VABLE_FIELD for a field whose value the trace keeps,
// VABLE_ARRAY for a field holding a list whose items it keeps. The heap cache (heap.ts)
// already keeps what a trace reads and writes in registers within one pass over the trace,
// and holds writes back to guards' failure paths (lazywrites.ts). The hint adds two things:
//
// - The promise that only the interpreter's own code touches those fields and items while a
//   trace runs, and residual calls only when passed the frame or one of the lists: so a
//   virtualizable's list (an *owned* list: the value of a VABLE_ARRAY field) never aliases a
//   list the trace reached otherwise (an interpreter's stack against the guest's arrays, of
//   the same item type), and a residual call not passed them neither reads nor changes them
//   (their kept writes stay kept, their known values known).
// - Carrying across the loop's jump (peel.ts unroll): at the preamble's JUMP, the known
//   virtualizable fields of the JUMP's objects and the owned lists' items at constant indices
//   are not written back but passed as extra JUMP arguments (a VableCarry lists them); the
//   loop's LABEL takes them and the heap cache starts the loop knowing them (imported), the
//   ones that were kept writes still kept. The loop's own JUMP must pass the same ones (else
//   the loop is not unrolled). So a stack item or a local written in every iteration is
//   written to memory only where the trace leaves: on failure paths and at FINISH.
//
// An imported value that was not a kept write (memory holds it) must not be one at the
// loop's JUMP either (the next iteration would assume memory holds it): such an entry is
// `dirtied` and the loop is optimized again with it imported as a kept write.
import { int } from "../../types.ts";

/** The numbers of DescrInfo.vableKind (translator/jit/effects.ts has the same). */
export const VABLE_FIELD = 1;
export const VABLE_ARRAY = 2;

/** What an entry carries: a field's value, or an owned list's item. */
export const CARRY_FIELD = 0;
export const CARRY_ITEM = 1;

/** One carried value: the field `descr` of an object, or the item at constant `index` of a
 *  list (`descr` its list descriptor). The object or list is a JUMP argument (`object` >= 0:
 *  its position) or the value an earlier entry carries (`object` < 0: -1 - that entry's
 *  index: a list that a VABLE_ARRAY field holds). `group`: the place's (lazywrites.ts
 *  Place). `written`: carried as a kept write. */
export class CarryEntry {
  written = false;

  constructor(
    public kind: int,
    public descr: int,
    public object: int,
    public index: int,
    public group: int,
  ) {}
}

/** The carried values of one JUMP: chosen at the preamble's (`expected` null), required at
 *  the loop's (`expected`: the preamble's entries). */
export class VableCarry {
  entries: CarryEntry[] = [];
  failed = false;
  /** Entries the loop's JUMP passed as kept writes that came in as values memory holds. */
  dirtied: int[] = [];

  constructor(public expected: CarryEntry[] | null) {}
}
