// guard_not_invalidated (RPython's optimizeopt/heap.py, optimize_GUARD_NOT_INVALIDATED).
// The tracer records one at every read of a quasi-immutable field it takes as a constant
// (rlib/jitrt/quasiimmut.ts): the trace must leave there if the field was written since it
// was recorded. One check stands for the later ones until something that may write such
// a field runs: a residual call whose callee may (DescrInfo.callMayInvalidate), the write
// of one (its invalidation is the residual call just before it, which writes no field
// itself), or an operation the optimizer does not know. A loop checks again at its label:
// the next iteration may follow a write made anywhere (another trace, the interpreter).
import { CALL_F, CALL_I, CALL_N, CALL_R, GUARD_NOT_INVALIDATED, LABEL, ResOp, SETFIELD, SETARRAYITEM, SETLISTITEM } from "../resop.ts";
import { DescrInfo } from "./descrs.ts";
import { isListResize, writesNothing } from "./effects.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

export class InvalidationGuards extends Optimization {
  /** A guard_not_invalidated was kept, and nothing since may have invalidated the trace. */
  private checked = false;

  constructor(private descrs: DescrInfo) {
    super();
  }

  propagate(op: ResOp, opt: Optimizer): boolean {
    if (op.opnum === GUARD_NOT_INVALIDATED) {
      if (this.checked) return true;
      this.checked = true;
      return false;
    }
    // (A trace without quasi-immutable reads never asks about its calls.)
    if (this.checked && (op.opnum === LABEL || this.mayInvalidate(op))) this.checked = false;
    return false;
  }

  private mayInvalidate(op: ResOp): boolean {
    const n = op.opnum;
    if (n === CALL_I || n === CALL_R || n === CALL_F || n === CALL_N) return this.descrs.callMayInvalidate(op.descr);
    if (n === SETFIELD) return this.descrs.isQuasiImmutableField(op.descr);
    return !writesNothing(n) && n !== SETARRAYITEM && n !== SETLISTITEM && !isListResize(n);
  }
}
