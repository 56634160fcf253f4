// Redundant guards (RPython's optimizeopt/rewrite.py, optimize_GUARD_*). After a guard holds,
// the optimizer knows something about its argument for the rest of the trace: after
// guard_false(x) x is 0, after guard_value(x, C) it is C, after guard_true(x) it is nonzero
// (1 when x is a comparison's result), after guard_class(x, C) its class is C. Known values
// become replacements of x by a constant (later operations on x then fold, and a repeated
// guard is a guard on a constant); a nonzero x or a class is remembered, and a repeated
// guard_true or guard_class removed (a guard_false on a nonzero x always fails: kept). The
// guard's own fail arguments are read when it fails, where x is the opposite: 0 for
// guard_true, 1 for guard_false of a comparison; there they become that constant (a
// compiled exit does not store a constant: less code). A guard_no_exception with no
// operation that may raise since the trace's start or the last one is removed (the
// interpreter tests for a pending exception after operations that the trace has as native
// ones, and a trace starts with none pending).
import {
  ConstInt, GUARD_CLASS, GUARD_FALSE, GUARD_NO_EXCEPTION, GUARD_TRUE, GUARD_VALUE, isComparison, ResOp, Value,
} from "../resop.ts";
import { mayRaise } from "./effects.ts";
import { GUARD_FAILS, GUARD_HOLDS, guardOutcome } from "./fold.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

/** A comparison's result: 0 or 1. */
function isBoolean(v: Value): boolean {
  return v instanceof ResOp && isComparison(v.opnum);
}

export class GuardRemoval extends Optimization {
  /** Value key → key of its class, for values under a guard_class. */
  private classes = new Map<string, string>();
  /** Keys of the values known to be nonzero. */
  private nonzero = new Set<string>();
  /** An operation since the last guard_no_exception may have raised. */
  private mayHaveRaised = false;

  propagate(op: ResOp, opt: Optimizer): boolean {
    if (op.opnum === GUARD_NO_EXCEPTION) {
      if (!this.mayHaveRaised) return true;
      this.mayHaveRaised = false;
      return false;
    }
    if (mayRaise(op.opnum)) this.mayHaveRaised = true;
    const outcome = guardOutcome(op, opt);
    if (outcome === GUARD_HOLDS) return true;
    if (outcome === GUARD_FAILS || op.args.length === 0) return false;
    const x = op.args[0];
    const failing = op.opnum === GUARD_TRUE ? 0 : op.opnum === GUARD_FALSE && isBoolean(x) ? 1 : -1;
    if (failing >= 0) {
      for (let i = 0; i < op.failArgs.length; i++) if (op.failArgs[i] === x) op.failArgs[i] = new ConstInt(failing);
    }
    switch (op.opnum) {
      case GUARD_TRUE:
        if (isBoolean(x)) {
          opt.replace(x, new ConstInt(1));
        } else {
          if (this.nonzero.has(opt.key(x))) return true;
          this.nonzero.add(opt.key(x));
        }
        break;
      case GUARD_FALSE:
        if (this.nonzero.has(opt.key(x))) return false;
        opt.replace(x, new ConstInt(0));
        break;
      case GUARD_VALUE:
        opt.replace(x, op.args[1]);
        break;
      case GUARD_CLASS: {
        const cls = opt.key(op.args[1]);
        if (this.classes.get(opt.key(x)) === cls) return true;
        this.classes.set(opt.key(x), cls);
        break;
      }
    }
    return false;
  }
}
