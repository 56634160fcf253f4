// The meta-interpreter's entry from the interpreter's loop (translated with --jit only;
// translator/transform/jitentry.ts weaves the call in at can_enter_jit, with the greens
// and reds in the exchange area). Every top-level function here is a runtime helper.
import { gcMode, setShadowStackTop } from "../lowlevel.ts";
import { genMinorCollection } from "../gc/generational.ts";
import { int } from "../types.ts";
import { loopInputs, frameBuffer, runLoop } from "./compiled.ts";
import { rootExchange } from "./driver.ts";
import { printStats, startTracingClock } from "./stats.ts";
import { logGuardFailures } from "./jitlog.ts";
import { MetaInterp } from "./metainterp.ts";
import { counterIndex, findCell, JitCell, newCell, setUp, tick, warm } from "./warmstate.ts";

class Jit {
  /** Made at the first use: it reads the jitcode tables, which exist only translated. */
  interp: MetaInterp | null = null;
}

const jit = new Jit();

function interp(): MetaInterp {
  let mi = jit.interp;
  if (mi === null) {
    mi = new MetaInterp();
    jit.interp = mi;
  }
  return mi;
}

/** The cell of the greens in the exchange area (their refs at `roots`), or null. */
function cellOf(roots: int): JitCell | null {
  const index = counterIndex(roots);
  return warm.buckets[index] !== 0 ? findCell(index, roots) : null;
}

/** `site`: where the can_enter_jit is in the portal's jitcode (its loop_header instruction).
 *  Returns 0: go on interpreting; 1: continue at the merge point with the greens and reds
 *  in the exchange area; 2: the portal returned the value in the exchange area's first
 *  slot (and an exception may be pending). */
export function jitEnter(site: int): int {
  const roots = rootExchange();
  setUp();
  let answer = 0;
  let cell = cellOf(roots);
  if (cell !== null && cell.traced) {
    const loop = cell.loop;
    if (loop !== null) {
      const refs = loopInputs(loop.refSlots, roots);
      answer = interp().resume(runLoop(loop, refs), loop.snapshots, frameBuffer(), refs);
    }
  } else if (tick(counterIndex(roots))) {
    // A trace's constants are addresses: the objects it names must not move any more, so
    // the young ones (the greens among them) are promoted to the old generation first.
    if (gcMode() === 2) genMinorCollection();
    cell = cellOf(roots);
    if (cell === null) cell = newCell(counterIndex(roots), roots);
    if (!cell.traced) {
      startTracingClock();
      answer = interp().start(site, roots, cell);
    }
  }
  setShadowStackTop(roots);
  return answer;
}

/** Called when the program exits (targets/wasm/index.ts _start, with --jit). */
export function jitExit(): void {
  printStats();
  logGuardFailures();
}
