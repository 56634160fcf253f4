// The JIT hints (DESIGN.md §6, RPython's rpython/rlib/jit.py). An interpreter marks its
// dispatch loop with a JitDriver; `rts translate --jit` generates a tracing JIT from the
// interpreter's own code. Untranslated, and translated without --jit, every hint is a no-op
// (`promote(x)` is `x`). The translator recognises these names itself: this module is not
// translated as RTS code, so it may use all of TypeScript.
//
//   const driver = new JitDriver({ greens: ["pc", "code"], reds: ["stack", "frame"] });
//   while (pc < code.length) {
//     driver.jitMergePoint({ pc, code, stack, frame });   // first statement of the loop body
//     ...
//     driver.canEnterJit({ pc, code, stack, frame });     // where the guest jumps backwards
//   }
//
// Greens identify a position in the guest program (they become constants in a trace); reds
// are the rest of the interpreter's state. Every variable live at the merge point must be
// one of them.

/** Tuning of one driver; `RTS_JIT=threshold=N,traceLimit=N` overrides it at run time. */
export class JitParams {
  /** How many times a guest loop runs before it is traced. */
  threshold = 1000;
  /** Operations a trace may record before it is aborted. */
  traceLimit = 6000;
}

export interface JitDriverSpec {
  greens: string[];
  reds: string[];
  /** Reds whose class a `virtualizable(...)` hint describes (RPython's `virtualizables`). */
  virtualizables?: string[];
  params?: JitParams;
}

/** A driver is created at module level (it is a constant of the translated program). */
export class JitDriver {
  readonly greens: string[];
  readonly reds: string[];
  readonly virtualizables: string[];
  readonly params: JitParams;

  constructor(spec: JitDriverSpec) {
    this.greens = [...spec.greens];
    this.reds = [...spec.reds];
    this.virtualizables = [...(spec.virtualizables ?? [])];
    this.params = spec.params ?? new JitParams();
  }

  /** The interpreter is at the start of one guest instruction; `vars` names every green and red. */
  jitMergePoint(vars: Record<string, unknown>): void {}

  /** The guest may be closing a loop here (a backward jump): this is where loops get hot. */
  canEnterJit(vars: Record<string, unknown>): void {}
}

/** Tells the JIT to specialize on the current value of `x` (a guard on it in a trace). */
export function promote<T>(x: T): T {
  return x;
}

/** `elidable(f)` at module level: f's result depends only on its arguments and it has no
 *  side effects, so a call with constant arguments is folded in a trace. */
export function elidable<F>(f: F): F {
  return f;
}

/** `unrollSafe(f)` at module level: the tracer may trace through f's loops (their trip
 *  count is bounded by greens). */
export function unrollSafe<F>(f: F): F {
  return f;
}

/** `dontLookInside(f)` at module level: the tracer records a call to f instead of tracing it. */
export function dontLookInside<F>(f: F): F {
  return f;
}

/** `quasiImmutable(C, "f", ...)` at module level: the fields f of C's instances are
 *  quasi-immutable (RPython's `_immutable_fields_ = ["f?"]`): they may be written at any
 *  time, but rarely. A trace reads such a field of a constant object once, as a constant,
 *  and a write of the field invalidates the compiled code that did (its guard_not_invalidated
 *  fails; the loop is traced again). A field written in a hot loop is a bad candidate: after
 *  a few invalidations the JIT reads it as an ordinary field. Untranslated, a no-op. */
export function quasiImmutable<T>(cls: abstract new (...args: never[]) => T, ...fields: (keyof T & string)[]): void {}

/** `virtualizable(Frame, "sp", "stack[*]", ...)` at module level: the interpreter's frame
 *  (RPython's `_virtualizable_ = [...]`), a red the driver names in `virtualizables`. Inside a
 *  trace the JIT keeps the listed fields, and the items of the lists that `name[*]` fields
 *  hold, in registers, across the iterations of a loop: it reads them once when the loop
 *  starts and writes them back only when the trace leaves (a guard fails, the loop exits).
 *  The promise that makes this correct: while a trace runs, only the interpreter's own code
 *  (the functions the JIT traces through) reads or writes them, and a function it calls
 *  without tracing into only when given the frame or one of those lists as an argument. An
 *  item's index should be a constant in the trace (`promote` the stack pointer): an item at
 *  an index that is not stays in memory. Untranslated, a no-op. */
export function virtualizable<T>(cls: abstract new (...args: never[]) => T, ...fields: (keyof T & string | `${keyof T & string}[*]`)[]): void {}
