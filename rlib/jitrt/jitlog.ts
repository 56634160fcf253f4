// RTS_JITLOG=path: every closed trace is appended to the file in PyPy's log format
// (printer.ts), as recorded and as optimized (what the backend compiles); when the program
// exits, how often each compiled trace ran (and a loop iterated: PyPy's jit-backend-counts)
// and how often each guard of each optimized trace failed (the guards that never failed are
// left out). The file is emptied when the program writes its first trace.
import { appendFile, getenv } from "../os.ts";
import { load64, typedDataAddress } from "../lowlevel.ts";
import { int } from "../types.ts";
import { printOp, printTrace } from "./printer.ts";
import { isGuard, Trace } from "./resop.ts";

/** A logged trace: its optimized form (its guards count their failures). */
class LoggedLoop {
  constructor(
    public number: number,
    /** "loop", or "bridge" for straight-line code (from a guard, or from a loop header to
     *  another loop). */
    public kind: string,
    public trace: Trace,
  ) {}
}

/** Traces past this many are not counted. */
const MAX_COUNTED = 4096;

class LogState {
  started = false;
  /** Per trace number: runs, then iterations (i64 words that compiled code adds to). Prebuilt,
   *  so the collector never moves it. */
  counts = new Float64Array(2 * MAX_COUNTED);
  count = 0;
  loops: LoggedLoop[] = [];
  /** Per trace number: "loop" or "bridge". */
  kinds: string[] = [];
}

const log = new LogState();

function append(path: string, text: string): void {
  appendFile(path, text, !log.started);
  log.started = true;
}

/** Logs the trace as recorded; returns its number. */
export function logRecorded(t: Trace, isLoop: boolean): number {
  const n = log.count;
  log.count++;
  log.kinds.push(isLoop ? "loop" : "bridge");
  const path = getenv("RTS_JITLOG");
  if (path !== null) append(path, `# ${log.kinds[n]} ${n} (recorded)\n${printTrace(t)}`);
  return n;
}

export function logOptimized(n: number, t: Trace): void {
  const path = getenv("RTS_JITLOG");
  if (path === null) return;
  append(path, `# ${log.kinds[n]} ${n} (optimized)\n${printTrace(t)}`);
  log.loops.push(new LoggedLoop(n, log.kinds[n], t));
}

/** Where the compiled trace number n counts its runs and iterations (two i64 words), or 0
 *  when it does not count (no log). */
export function traceCounter(n: int): int {
  if (n >= MAX_COUNTED || getenv("RTS_JITLOG") === null) return 0;
  return typedDataAddress(log.counts) + 16 * n;
}

/** At exit: how often each trace ran, then each guard that failed, by trace and position
 *  among the trace's guards. */
export function logCounts(): void {
  const path = getenv("RTS_JITLOG");
  if (path === null || log.loops.length === 0) return;
  let s = "# runs\n";
  for (const loop of log.loops) {
    const at = traceCounter(loop.number);
    if (at === 0) continue;
    s += `${loop.kind} ${loop.number}: ${load64(at)} runs`;
    s += loop.kind === "loop" ? `, ${load64(at + 8)} iterations\n` : "\n";
  }
  s += "# guard failures\n";
  for (const loop of log.loops) {
    printTrace(loop.trace);
    let k = 0;
    for (const op of loop.trace.ops) {
      if (!isGuard(op.opnum)) continue;
      if (op.failures > 0) s += `${loop.kind} ${loop.number} guard ${k}: ${op.failures} failures: ${printOp(op)}\n`;
      k++;
    }
  }
  append(path, s);
}
