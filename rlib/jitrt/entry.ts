// The meta-interpreter's entry from the interpreter's loop (translated with --jit only;
// translator/transform/jitentry.ts weaves the call in at can_enter_jit, with the greens
// and reds in the exchange area). Every top-level function here is a runtime helper.
import { callTrace, collectYoung, setShadowStackTop } from "../lowlevel.ts";
import { getenv } from "../os.ts";
import { int } from "../types.ts";
import { collectCompiled, CompiledTrace, compilesReady, frameBuffer, loopInputs, ownerOfExit } from "./compiled.ts";
import { takesBridge } from "./frame.ts";
import { FINISH } from "./resop.ts";
import { readDriver, rootExchange } from "./driver.ts";
import { clock, printStats, startTracingClock, stats } from "./stats.ts";
import { logCounts } from "./jitlog.ts";
import { materialize } from "./materialize.ts";
import { MetaInterp } from "./metainterp.ts";
import { block, bucketIndex, findCell, hashStep, keyFromExchange, newCell, portalTick, setParams, setUp, tick, warm } from "./warmstate.ts";

/** How often a loop is traced again because of its preamble (runCompiled). */
const RETRACES = 1;

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

  /** Runs compiled code from `start` (its inputs in the frame buffer and the ref slots at
   *  `refs`): the traces go on into each other themselves (backend/exits.ts) until one
   *  leaves by a guard without a bridge. Exits past the words are followed here. Then
   *  resumes in the blackhole, or traces a bridge from a guard that has failed often
   *  enough. Returns jitEnter's answer. */
  runCompiled(start: CompiledTrace, refs: int): int {
    let t = start;
    stats.entries++;
    for (;;) {
      const id = callTrace(t.index, frameBuffer(), refs);
      t = ownerOfExit(id);
      const n = id - t.links.firstExit;
      const exit = t.exits[n];
      if (exit.opnum === FINISH) {
        t = t.target!.loop!;
        continue;
      }
      if (t.runsBridge(n)) {
        t = t.bridges[n]!;
        continue;
      }
      exit.failures++;
      stats.guardFailures++;
      if (exit.failures === warm.retraceThreshold && n < t.loopExits && t.cell!.retraces < RETRACES) {
        // The unrolled loop's first iteration takes another path than the one it was traced
        // on (a number past a small-number cache): every entry would leave the preamble by
        // this guard, and a bridge from it would go on in the preamble again, never reaching
        // the loop. The loop is traced again (the interpreter counts up to the threshold once
        // more) on the path taken now.
        t.cell!.retraces++;
        t.cell!.traced = false;
      } else if (exit.failures === warm.bridgeThreshold && takesBridge(exit.opnum)) {
        // A trace's constants are addresses: the objects it will name must not move.
        collectYoung();
        startTracingClock();
        return this.interp().startBridge(t, n, frameBuffer(), refs);
      }
      const start = clock();
      const answer = this.interp().resume(exit, t.snapshots, frameBuffer(), refs);
      stats.resumingTime += clock() - start;
      return answer;
    }
  }
}

const jit = new Jit();

/** The portal's hash of its greens, jitHash(...jitHash(0, g0)..., gn) of each green's bits
 *  (a ref's address, a float's bits), as warmstate.ts hashes a key. */
export function jitHash(h: int, bits: int): int {
  return hashStep(h, bits);
}

/** Whether the portal must call jitEnter (see warmstate.ts portalTick). */
export function jitTick(hash: int): boolean {
  return portalTick(hash);
}

/** `site`: where the can_enter_jit is in the portal's jitcode (its loop_header instruction).
 *  The portal calls it when jitTick says so. Returns 0: go on interpreting; 1: continue at
 *  the merge point with the greens and reds in the exchange area; 2: the portal returned
 *  the value in the exchange area's first slot (and an exception may be pending). */
export function jitEnter(site: int): int {
  const roots = rootExchange();
  // Installing compiled code allocates: only once the exchange area's refs are rooted.
  if (compilesReady()) collectCompiled();
  keyFromExchange(roots);
  let answer = 0;
  let bucket = bucketIndex();
  let cell = findCell(bucket);
  if (cell !== null && cell.traced) {
    block(bucket);
    const loop = cell.loop;
    if (loop !== null) answer = jit.runCompiled(loop, loopInputs(roots));
  } else if (tick(bucket)) {
    // A trace's constants are addresses: the objects it names must not move any more, so
    // the young ones (the greens among them) are promoted to the old generation first. (A
    // ref green may have moved: its key and bucket are read again.)
    collectYoung();
    keyFromExchange(roots);
    bucket = bucketIndex();
    cell = findCell(bucket);
    if (cell === null) cell = newCell(bucket);
    if (!cell.traced) {
      startTracingClock();
      answer = jit.interp().start(site, roots, cell);
      if (cell.traced) block(bucket);
    }
  }
  setShadowStackTop(roots);
  return answer;
}

/** Called by a compiled guard whose failure path has objects to build or list appends to
 *  perform (materialize.ts), after it stored its values; `id` is its exit's. */
export function jitMaterialize(id: int, refs: int): void {
  const t = ownerOfExit(id);
  materialize(t.plans[id - t.links.firstExit], frameBuffer(), refs);
}

/** Called when the program starts, before its startup code (targets/wasm/index.ts
 *  _start, with --jit): the portal's counting needs the thresholds. jitEnter, a big
 *  function, is then first called when a loop is hot. */
export function jitStart(): void {
  if (!readDriver()) return;
  setUp();
  stats.timed = getenv("RTS_JITSTATS") !== null;
  const spec = getenv("RTS_JIT");
  if (spec !== null) jitParams(spec);
}

/** RTS_JIT's parameters (out of line: most runs have none). */
export function jitParams(spec: string): void {
  setParams(spec);
}

/** Called when the program exits (targets/wasm/index.ts _start, with --jit). */
export function jitExit(): void {
  if (getenv("RTS_JITSTATS") !== null || getenv("RTS_JITLOG") !== null) jitReport();
}

/** The statistics and the trace log's counts (jitExit's work, kept out of line: most runs
 *  want neither). */
export function jitReport(): void {
  printStats();
  logCounts();
}
