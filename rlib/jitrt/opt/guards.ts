// Redundant guards (RPython's optimizeopt/rewrite.py, optimize_GUARD_*). After a guard holds,
// the optimizer knows something about its argument for the rest of the trace: after
// guard_true(x) x is 1, after guard_false(x) it is 0, after guard_value(x, C) it is C, after
// guard_class(x, C) its class is C. The first three become replacements of x by a constant
// (later operations on x then fold, and a repeated guard is a guard on a constant); the class
// is remembered, and a repeated guard_class removed. The guard's own fail arguments are not
// rewritten: they are read when the guard fails, where x is not what it guards.
import { ConstInt, GUARD_CLASS, GUARD_FALSE, GUARD_TRUE, GUARD_VALUE, ResOp } from "../resop.ts";
import { GUARD_FAILS, GUARD_HOLDS, guardOutcome } from "./fold.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

export class GuardRemoval extends Optimization {
  /** Value key → key of its class, for values under a guard_class. */
  private classes = new Map<string, string>();

  propagate(op: ResOp, opt: Optimizer): boolean {
    const outcome = guardOutcome(op, opt);
    if (outcome === GUARD_HOLDS) return true;
    if (outcome === GUARD_FAILS) return false;
    const x = op.args[0];
    switch (op.opnum) {
      case GUARD_TRUE:
        opt.replace(x, new ConstInt(1));
        break;
      case GUARD_FALSE:
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
