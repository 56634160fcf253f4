// Reads of immutable fields of constant objects (RPython's _immutable_fields_): a readonly
// field, or a closure's captured value, is written only while its object is made, so a
// constant object's field holds the same value for the trace's whole life and the read is
// that value, a constant (DescrInfo.immutableField reads it; the JIT runtime from memory).
// The operations on it then fold: a fixnum constant's value, a promoted code object's
// fields. The tracer folds such reads already when it records them (dataops.ts getField);
// this catches the objects that become constant only here (after a guard_value, or when an
// earlier read folded to an object). A read of a virtual object's field (virtuals.ts) is
// known whether the field is immutable or not.
import { ConstRef, GETFIELD_F, GETFIELD_I, GETFIELD_R, ResOp } from "../resop.ts";
import { DescrInfo } from "./descrs.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

export class ImmutableFields extends Optimization {
  constructor(private descrs: DescrInfo) {
    super();
  }

  propagate(op: ResOp, opt: Optimizer): boolean {
    if (op.opnum !== GETFIELD_I && op.opnum !== GETFIELD_R && op.opnum !== GETFIELD_F) return false;
    const obj = op.args[0];
    if (!(obj instanceof ConstRef)) return false;
    const value = this.descrs.immutableField(obj, op.descr);
    if (value === null) return false;
    opt.replace(op, value);
    return true;
  }
}
