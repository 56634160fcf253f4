// The optimizer's driver, as RPython's optimizeopt/optimizer.py: one forward walk over the
// trace in which every operation goes through a chain of optimizations. Each one may remove
// the operation (telling the driver which value replaces its result) or let it through to the
// next; what reaches the end of the chain is kept. Arguments and fail arguments are rewritten
// through the replacements before the chain sees an operation, so every optimization sees
// the already-optimized values, and a guard's fail arguments name values that hold what the
// removed operations would have computed (possibly constants).
//
// The walk rewrites the operations in place and keeps the ones that survive (it does not copy
// them), so whatever the tracer attached to an operation, a guard's resume data in
// particular, stays with it.
import { ConstFloat, ConstInt, ConstRef, ResOp, Trace, Value } from "../resop.ts";
import { floatHighWord, floatLowWord } from "../../lowlevel.ts";
import { int } from "../../types.ts";

export abstract class Optimization {
  /** Sees `op` (its arguments already rewritten); returns true when it removed it. */
  abstract propagate(op: ResOp, opt: Optimizer): boolean;
}

export class Optimizer {
  private replacements = new Map<Value, Value>();
  private ids = new Map<Value, int>();
  private kept: ResOp[] = [];

  constructor(private chain: Optimization[]) {}

  /** The value that now stands for `v`. */
  get(v: Value): Value {
    let r = this.replacements.get(v);
    while (r !== undefined) {
      v = r;
      r = this.replacements.get(v);
    }
    return v;
  }

  /** Emits `op` now, before the operation being optimized: `from`, an optimization that
   *  kept something back (a virtual object), makes it real. It goes through the
   *  optimizations after `from` (the heap cache learns the fields it sets). */
  emit(op: ResOp, from: Optimization): void {
    let i = this.chain.indexOf(from) + 1;
    while (i < this.chain.length) {
      if (this.chain[i].propagate(op, this)) return;
      i++;
    }
    this.kept.push(op);
  }

  /** From here on, uses of `v` read `by` (which holds the same value on this path). */
  replace(v: Value, by: Value): void {
    if (v !== by) this.replacements.set(v, by);
  }

  /** A string equal for two values exactly when they are the same value: constants by their
   *  bits, everything else by identity. */
  key(v: Value): string {
    if (v instanceof ConstInt) return `i${v.value}`;
    if (v instanceof ConstRef) return `p${v.address}`;
    if (v instanceof ConstFloat) return `f${floatHighWord(v.value)}:${floatLowWord(v.value)}`;
    if (!this.ids.has(v)) this.ids.set(v, this.ids.size);
    return `#${this.ids.get(v)!}`;
  }

  run(trace: Trace): Trace {
    for (const op of trace.ops) {
      for (let i = 0; i < op.args.length; i++) op.args[i] = this.get(op.args[i]);
      for (let i = 0; i < op.failArgs.length; i++) op.failArgs[i] = this.get(op.failArgs[i]);
      let removed = false;
      for (const o of this.chain) {
        if (o.propagate(op, this)) {
          removed = true;
          break;
        }
      }
      if (!removed) this.kept.push(op);
    }
    trace.ops = this.kept;
    return trace;
  }
}
