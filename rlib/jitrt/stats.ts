// The JIT's counters; RTS_JITSTATS=1 prints them on stderr when the program exits.
import { getenv, write } from "../os.ts";
import { monotonicNanos } from "../wasi.ts";
import { intDiv } from "../rarith.ts";
import { int } from "../types.ts";

export class JitStats {
  tracesClosed = 0;
  aborts = 0;
  loopsCompiled = 0;
  bridgesCompiled = 0;
  guardFailures = 0;
  /** Runs of compiled code from the interpreter. */
  entries = 0;
  /** Wasm functions compiled (traces, and trees of a trace with its bridges), and their
   *  modules' bytes. */
  functions = 0;
  bytes = 0;
  /** Of those, the ones submitted to the host's background compiler, and collected from it
   *  (compiled.ts; the rest were compiled while the program waited). */
  submitted = 0;
  collected = 0;
  /** Loop trees copied in place of a FINISH into them (compiled.ts copyTargets), and their
   *  operations. */
  copies = 0;
  copiedOps = 0;
  /** Trees compiled again with their bridges (compiled.ts recompile), and their operations. */
  recompiles = 0;
  recompiledOps = 0;
  /** Nanoseconds spent tracing (and compiling), and of those, encoding traces as Wasm and
   *  in the host's compiler (compiles in the background not counted). */
  tracingTime = 0;
  tracingSince = 0;
  encodingTime = 0;
  compilingTime = 0;
  /** Nanoseconds resuming from guards without a bridge: rebuilding the interpreter's frames
   *  and running the blackhole up to the next merge point. */
  resumingTime = 0;
  /** Whether the clock is read at all (RTS_JITSTATS): a WASI clock call is a call into the
   *  host (on wasmtime ~0.3 µs, which looks its memory export up by name), and a tape
   *  interpreter's benchmark resumes from ~100 K guards. */
  timed = false;
}

export const stats = new JitStats();

/** The time in nanoseconds when the statistics are wanted, else 0. */
export function clock(): int {
  return stats.timed ? monotonicNanos() : 0;
}

export function startTracingClock(): void {
  stats.tracingSince = clock();
}

export function stopTracingClock(): void {
  stats.tracingTime += clock() - stats.tracingSince;
}

export function printStats(): void {
  if (getenv("RTS_JITSTATS") === null) return;
  const ms = intDiv(stats.tracingTime, 1000000);
  write(2, `jit: ${stats.tracesClosed} traces, ${stats.loopsCompiled} loops and ${stats.bridgesCompiled} bridges compiled, ${stats.aborts} traces aborted, ${stats.guardFailures} guard failures, ${ms} ms tracing\n`);
  write(2, `jit: compiled code entered ${stats.entries} times, ${stats.functions} functions compiled (${intDiv(stats.bytes, 1024)} KiB of Wasm), ${stats.submitted} in the background (${stats.collected} collected)\n`);
  write(2, `jit: ${stats.recompiles} trees compiled again with their bridges (${stats.recompiledOps} operations), ${stats.copies} loop trees copied into others' functions (${stats.copiedOps} operations)\n`);
  write(2, `jit: of the time tracing, ${intDiv(stats.encodingTime, 1000000)} ms encoding Wasm and ${intDiv(stats.compilingTime, 1000000)} ms in the host's compiler\n`);
  write(2, `jit: ${intDiv(stats.resumingTime, 1000000)} ms resuming from guard failures in the blackhole\n`);
}
