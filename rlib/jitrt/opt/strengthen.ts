// Guard strengthening, for ints (RPython strengthens a guard_nonnull into the
// guard_nonnull_class that a later guard_class on the same value makes it; here the same
// idea on intervals). An interpreter checks one int several times in a row: that a result
// stays a safe integer (`x <= 2^53 - 1`, `x >= -(2^53 - 1)`), then whether it is small
// enough for a cache of boxed numbers (`x >= -128`, `x <= 1023`). Each check is a guard
// with an exit of its own, and the later ones are stronger. They can be made earlier: a
// guard may fail sooner than the trace would have, since resuming at an earlier guard is
// always right (the interpreter does again what the trace did since, which the trace did
// not make visible: it left by that guard before doing it). So right after the first
// guard on an order comparison of x with a constant (the anchor), the strongest later such
// bound on each side of x is checked, by a copy of its guard with the anchor's resume data
// and fail arguments (where the anchor's condition register is known to hold), when more
// than one later guard bounds that side; intbounds.ts then finds the later guards decided
// and removes them: a boxed result's four guards become three (docs/architecture.md has the
// numbers). The anchor itself stays: were a stronger check made in its place, the resumed
// interpreter would need the anchor's own condition, which the trace would have to compute
// and keep. Not across a LABEL: a loop's iterations each check their own values.
import { ConstInt, GUARD_FALSE, GUARD_TRUE, INT_GE, INT_GT, INT_LE, INT_LT, LABEL, negatedComparison, ResOp, Trace, TYPE_INT, Value } from "../resop.ts";
import { int } from "../../types.ts";

export function strengthenGuards(trace: Trace): void {
  const ops = trace.ops;
  // Per int value: its anchor guard; per anchor: the strongest later bound on each side.
  const anchors = new Map<Value, ResOp>();
  const lower = new Map<ResOp, Bound>();
  const upper = new Map<ResOp, Bound>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.opnum === LABEL) anchors.clear();
    const x = comparedInt(op);
    if (x === null) continue;
    const anchor = anchors.get(x);
    if (anchor === undefined) {
      anchors.set(x, op);
      continue;
    }
    const b = boundOf(op, x);
    const side = b.isLower ? lower : upper;
    const known = side.get(anchor);
    if (known === undefined || b.stronger(known)) {
      b.guards = known === undefined ? 1 : known.guards + 1;
      side.set(anchor, b);
    } else {
      known.guards++;
    }
  }
  if (lower.size === 0 && upper.size === 0) return;
  const out: ResOp[] = [];
  for (const op of ops) {
    out.push(op);
    for (const side of [lower, upper]) {
      const b = side.get(op);
      // Only where it makes a weaker guard on that side go: moved alone, a check may lose
      // what the walk would have known at its own place (a tape interpreter's bounds
      // checks: a guard more).
      if (b === undefined || b.guards < 2) continue;
      // Copies of the argument lists: the walk rewrites an operation's lists in place.
      const comparison = b.guard.args[0] as ResOp;
      const test = new ResOp(comparison.opnum, comparison.args.slice(), comparison.descr);
      const guard = new ResOp(b.guard.opnum, [test], b.guard.descr);
      guard.failArgs = op.failArgs.slice();
      guard.resume = op.resume;
      out.push(test);
      out.push(guard);
    }
  }
  trace.ops = out;
}

/** What a guard on x tests: x >= value (a lower bound) or x <= value. */
class Bound {
  /** How many of the later guards bound that side (this strongest one among them). */
  guards = 1;

  constructor(
    public guard: ResOp,
    public isLower: boolean,
    public value: int,
  ) {}

  stronger(other: Bound): boolean {
    return this.isLower ? this.value > other.value : this.value < other.value;
  }
}

/** The bound on x that the guard (on an order comparison of x with a constant) holds. */
function boundOf(guard: ResOp, x: Value): Bound {
  const c = guard.args[0] as ResOp;
  const xFirst = c.args[0] === x;
  const k = ((xFirst ? c.args[1] : c.args[0]) as ConstInt).value;
  // As x OP k with x first, holding.
  let opnum = xFirst ? c.opnum : mirrored(c.opnum);
  if (guard.opnum === GUARD_FALSE) opnum = negatedComparison(opnum);
  if (opnum === INT_GE) return new Bound(guard, true, k);
  if (opnum === INT_GT) return new Bound(guard, true, k + 1);
  if (opnum === INT_LE) return new Bound(guard, false, k);
  return new Bound(guard, false, k - 1);
}

/** k OP x as x OP' k. */
function mirrored(opnum: int): int {
  if (opnum === INT_LT) return INT_GT;
  if (opnum === INT_LE) return INT_GE;
  if (opnum === INT_GT) return INT_LT;
  return INT_LE;
}

/** The int that a guard_true or guard_false tests against a constant (by an order
 *  comparison), or null. */
function comparedInt(op: ResOp): Value | null {
  if (op.opnum !== GUARD_TRUE && op.opnum !== GUARD_FALSE) return null;
  const c = op.args[0];
  if (!(c instanceof ResOp) || !isOrder(c.opnum)) return null;
  const a = c.args[0];
  const b = c.args[1];
  if (b instanceof ConstInt && !a.isConstant() && a.type === TYPE_INT) return a;
  if (a instanceof ConstInt && !b.isConstant() && b.type === TYPE_INT) return b;
  return null;
}

function isOrder(opnum: int): boolean {
  return opnum === INT_LT || opnum === INT_LE || opnum === INT_GT || opnum === INT_GE;
}
