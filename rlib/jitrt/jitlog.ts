// RTS_JITLOG=path: every closed trace is appended to the file in PyPy's log format
// (printer.ts), as recorded and as optimized (what the backend compiles); when the program
// exits, how often each guard of each optimized loop failed (the guards that never failed
// are left out). The file is emptied when the program writes its first trace.
import { appendFile, getenv } from "../os.ts";
import { printOp, printTrace } from "./printer.ts";
import { isGuard, Trace } from "./resop.ts";
import { Snapshot } from "./resume.ts";

/** A logged trace: its optimized form and its guards' resume data (which count failures). */
class LoggedLoop {
  constructor(
    public number: number,
    /** "loop", or "bridge" for straight-line code (from a guard, or from a loop header to
     *  another loop). */
    public kind: string,
    public trace: Trace,
    public snapshots: Snapshot[],
  ) {}
}

class LogState {
  started = false;
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

export function logOptimized(n: number, t: Trace, snapshots: Snapshot[]): void {
  const path = getenv("RTS_JITLOG");
  if (path === null) return;
  append(path, `# ${log.kinds[n]} ${n} (optimized)\n${printTrace(t)}`);
  log.loops.push(new LoggedLoop(n, log.kinds[n], t, snapshots));
}

/** At exit: each guard that failed, by loop and position among the loop's guards. */
export function logGuardFailures(): void {
  const path = getenv("RTS_JITLOG");
  if (path === null || log.loops.length === 0) return;
  let s = "# guard failures\n";
  for (const loop of log.loops) {
    printTrace(loop.trace);
    let k = 0;
    for (const op of loop.trace.ops) {
      if (!isGuard(op.opnum)) continue;
      const failures = op.resume >= 0 ? loop.snapshots[op.resume].failures : 0;
      if (failures > 0) s += `${loop.kind} ${loop.number} guard ${k}: ${failures} failures: ${printOp(op)}\n`;
      k++;
    }
  }
  append(path, s);
}
