// The meta-interpreter's entry from the interpreter's loop (translated with --jit only;
// translator/transform/jitentry.ts weaves the call in at can_enter_jit, with the greens
// and reds in the exchange area). Every top-level function here is a runtime helper.
import { callTrace, collectYoung, setShadowStackTop } from "../lowlevel.ts";
import { int } from "../types.ts";
import { CompiledTrace, frameBuffer, loopInputs } from "./compiled.ts";
import { rootExchange } from "./driver.ts";
import { printStats, startTracingClock, stats } from "./stats.ts";
import { logGuardFailures } from "./jitlog.ts";
import { MetaInterp } from "./metainterp.ts";
import { FINISH, GUARD_NO_EXCEPTION } from "./resop.ts";
import { findCell, keyFromExchange, newCell, setUp, tick, warm } from "./warmstate.ts";

class Jit {
  /** Made at the first use: it reads the jitcode tables, which exist only translated. */
  mi: MetaInterp | null = null;

  interp(): MetaInterp {
    let mi = this.mi;
    if (mi === null) {
      mi = new MetaInterp();
      this.mi = mi;
    }
    return mi;
  }

  /** Runs compiled code from `t` on (its inputs in the frame buffer and the ref slots at
   *  `refs`) until a guard without a bridge fails, following FINISH into the next loop and
   *  failing guards into their bridges; then resumes in the blackhole, or traces a bridge
   *  from a guard that has failed often enough. Returns jitEnter's answer. */
  runCompiled(start: CompiledTrace, refs: int): int {
    let t = start;
    for (;;) {
      const n = callTrace(t.index, frameBuffer(), refs);
      const exit = t.exits[n];
      if (exit.opnum === FINISH) {
        t = t.target!.loop!;
        continue;
      }
      const bridge = t.bridges[n];
      if (bridge !== null) {
        t = bridge;
        continue;
      }
      const s = t.snapshots[exit.resume];
      s.failures++;
      stats.guardFailures++;
      // The blackhole takes a guard_no_exception's pending exception; a trace never records
      // the raising path, so those get no bridge.
      if (s.failures === warm.bridgeThreshold && exit.opnum !== GUARD_NO_EXCEPTION) {
        // A trace's constants are addresses: the objects it will name must not move.
        collectYoung();
        startTracingClock();
        return this.interp().startBridge(t, n, frameBuffer(), refs);
      }
      return this.interp().resume(exit, t.snapshots, frameBuffer(), refs);
    }
  }
}

const jit = new Jit();

/** `site`: where the can_enter_jit is in the portal's jitcode (its loop_header instruction).
 *  Returns 0: go on interpreting; 1: continue at the merge point with the greens and reds
 *  in the exchange area; 2: the portal returned the value in the exchange area's first
 *  slot (and an exception may be pending). */
export function jitEnter(site: int): int {
  const roots = rootExchange();
  setUp();
  keyFromExchange(roots);
  let answer = 0;
  let cell = findCell();
  if (cell !== null && cell.traced) {
    const loop = cell.loop;
    if (loop !== null) answer = jit.runCompiled(loop, loopInputs(roots));
  } else if (tick()) {
    // A trace's constants are addresses: the objects it names must not move any more, so
    // the young ones (the greens among them) are promoted to the old generation first.
    collectYoung();
    keyFromExchange(roots);
    cell = findCell();
    if (cell === null) cell = newCell();
    if (!cell.traced) {
      startTracingClock();
      answer = jit.interp().start(site, roots, cell);
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
