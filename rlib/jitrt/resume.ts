// Resume data (RPython's resume.py, without virtuals): what a guard needs to rebuild the
// interpreter's frames when it fails. The meta-interpreter takes a snapshot at each guard:
// for every frame on the inline stack, outermost first, its jitcode, where to resume (the
// guard's own instruction for the innermost frame, which the blackhole executes again on
// the restored registers; the instruction after the inline_call for the others), its last
// -live- marker (which registers the guard's fail arguments fill, in order: per frame the
// marker's I, R, F lists) and where its result goes in its caller.
import { int } from "../types.ts";

export class Snapshot {
  jitcodes: int[] = [];
  pcs: int[] = [];
  livePcs: int[] = [];
  retRegs: int[] = [];
  retKinds: int[] = [];
  /** For each fail argument of the guard (in order): the frame (by position) and the
   *  register it goes to; made by the first rebuild (mirebuild.ts), which every later
   *  resume from the guard reuses. */
  frameOf: int[] | null = null;
  regOf: int[] = [];
}
