// Redundant guards (RPython's optimizeopt/rewrite.py, optimize_GUARD_*). After a guard holds,
// the optimizer knows something about its argument for the rest of the trace: after
// guard_false(x) x is 0, after guard_value(x, C) it is C, after guard_true(x) it is nonzero
// (1 when x is a comparison's result), after guard_class(x, C) its class is C. Known values
// become replacements of x by a constant (later operations on x then fold, and a repeated
// guard is a guard on a constant); a nonzero x or a class is remembered, and a repeated
// guard_true or guard_class removed (a guard_false on a nonzero x always fails: kept).
// Classes are ranges of type ids (a class and its subclasses): guard_class(x, C) shows x's
// is [C, C + 1), guard_true(instanceof(x, lo, hi)) that it is in [lo, hi); an instanceof of
// x then folds when the range decides it (a repeated type test, a subclass test after the
// exact class is known), and so does one of a constant object, whose class is read
// (DescrInfo.typeIdOf: after a promote), of a NEW's result (DescrInfo.newTypeId) or of
// null. The
// guard's own fail arguments are read when it fails, where x is the opposite: 0 for
// guard_true, 1 for guard_false of a comparison; there they become that constant (a
// compiled exit does not store a constant: less code). A guard_no_exception with no
// operation that may raise since the trace's start or the last one is removed (the
// interpreter tests for a pending exception after operations that the trace has as native
// ones, and a trace starts with none pending).
import {
  ConstInt, ConstRef, FIRST_OBJECT_ADDRESS, GUARD_CLASS, GUARD_FALSE, GUARD_NO_EXCEPTION, GUARD_TRUE, GUARD_VALUE, INSTANCEOF, isComparison, NEW, ResOp,
  Value,
} from "../resop.ts";
import { int } from "../../types.ts";
import { DescrInfo } from "./descrs.ts";
import { mayRaise } from "./effects.ts";
import { GUARD_FAILS, GUARD_HOLDS, guardOutcome } from "./fold.ts";
import { Optimization, Optimizer } from "./optimizer.ts";

/** A comparison's or a type test's result: 0 or 1. */
function isBoolean(v: Value): boolean {
  return v instanceof ResOp && (isComparison(v.opnum) || v.opnum === INSTANCEOF);
}

/** A value's type id is in [lo, hi) (it is an object). */
class ClassRange {
  constructor(
    public lo: int,
    public hi: int,
  ) {}
}

function constValue(v: Value): int {
  return (v as ConstInt).value;
}

export class GuardRemoval extends Optimization {
  /** Value key → the range of its class, for values under a guard_class or a type test. */
  private classes = new Map<string, ClassRange>();
  /** Keys of the values known to be nonzero. */
  private nonzero = new Set<string>();
  /** An operation since the last guard_no_exception may have raised. */
  private mayHaveRaised = false;

  constructor(private descrs: DescrInfo = new DescrInfo()) {
    super();
  }

  propagate(op: ResOp, opt: Optimizer): boolean {
    if (op.opnum === INSTANCEOF) return this.typeTest(op, opt);
    if (op.opnum === NEW) {
      const id = this.descrs.newTypeId(op.descr);
      if (id >= 0) this.narrow(op, id, id + 1, opt);
      return false;
    }
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
          if (x instanceof ResOp && x.opnum === INSTANCEOF) this.narrow(x.args[0], constValue(x.args[1]), constValue(x.args[2]), opt);
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
        const c = constValue(op.args[1]);
        const known = this.classes.get(opt.key(x));
        if (known !== undefined && known.lo === c && known.hi === c + 1) return true;
        this.narrow(x, c, c + 1, opt);
        break;
      }
    }
    return false;
  }

  /** x's class is in [lo, hi) from here on (and in what was known before). */
  private narrow(x: Value, lo: int, hi: int, opt: Optimizer): void {
    const known = this.classes.get(opt.key(x));
    if (known === undefined) this.classes.set(opt.key(x), new ClassRange(lo, hi));
    else this.classes.set(opt.key(x), new ClassRange(Math.max(known.lo, lo), Math.min(known.hi, hi)));
  }

  /** instanceof(x, lo, hi): 1 or 0 where x's class range decides it. */
  private typeTest(op: ResOp, opt: Optimizer): boolean {
    const x = op.args[0];
    const lo = constValue(op.args[1]);
    const hi = constValue(op.args[2]);
    let known = this.classes.get(opt.key(x));
    if (x instanceof ConstRef) {
      if (x.address < FIRST_OBJECT_ADDRESS) {
        opt.replace(op, new ConstInt(0));
        return true;
      }
      const id = this.descrs.typeIdOf(x);
      if (id >= 0) known = new ClassRange(id, id + 1);
    }
    if (known === undefined) return false;
    if (known.lo >= lo && known.hi <= hi) opt.replace(op, new ConstInt(1));
    else if (known.hi <= lo || known.lo >= hi) opt.replace(op, new ConstInt(0));
    else return false;
    return true;
  }
}
