// RTS_TIMING=1: the Node host reports on stderr how long each phase of a run took, so that
// start-up time can be attributed (Node's own start, loading the host, the worker thread,
// Wasm compilation, instantiation, the guest's _start, shutting the worker down).
// Times are absolute (ms since the epoch) so that marks taken in the worker thread, whose
// performance clock has its own origin, line up with the main thread's.

export const TIMING = Boolean(process.env.RTS_TIMING);

/** Milliseconds since the epoch, sub-millisecond precise. */
export function now() {
  return performance.timeOrigin + performance.now();
}

/** Writes "rts timing: a 12.3 ms, b 4.5 ms, ..., total N ms" for consecutive [name, time] marks
 *  starting at `origin`. */
export function reportPhases(origin, marks) {
  let prev = origin;
  const parts = marks.map(([name, t]) => {
    const part = `${name} ${(t - prev).toFixed(1)} ms`;
    prev = t;
    return part;
  });
  process.stderr.write(`rts timing: ${parts.join(", ")}, total ${(prev - origin).toFixed(1)} ms\n`);
}
