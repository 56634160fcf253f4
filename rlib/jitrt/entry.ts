// The meta-interpreter's entry from the interpreter's loop (translated with --jit only;
// translator/transform/jitentry.ts weaves the call in at can_enter_jit, with the greens
// and reds in the exchange area). Every top-level function here is a runtime helper.
import { int } from "../types.ts";
import { setUp, tick } from "./warmstate.ts";

/** `site`: where the can_enter_jit is in the portal's jitcode (its loop_header instruction).
 *  Returns 0: go on interpreting; 1: continue at the merge point with the greens and reds in the
 *  exchange area; 2: the portal returned the value in the exchange area's first slot. */
export function jitEnter(site: int): int {
  setUp();
  if (!tick()) return 0;
  return 0;
}
