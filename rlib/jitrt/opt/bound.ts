// The interval an int value is known to lie in (opt/intbounds.ts), as descriptors also
// give one for the items of narrow typed arrays (opt/descrs.ts).
import { int } from "../../types.ts";
import { SAFE_ADD } from "./fold.ts";

/** Bounds are kept below this magnitude (intbounds.ts says why); a lower bound of -LIMIT or
 *  an upper bound of LIMIT means nothing is known on that side. */
export const LIMIT = SAFE_ADD; // 2^52, as constant folding's limit

export class IntBound {
  constructor(
    public lower: int,
    public upper: int,
  ) {}

  known(): boolean {
    return this.lower > -LIMIT || this.upper < LIMIT;
  }

  contains(other: IntBound): boolean {
    return this.lower <= other.lower && other.upper <= this.upper;
  }

  union(other: IntBound): IntBound {
    return new IntBound(this.lower < other.lower ? this.lower : other.lower, this.upper > other.upper ? this.upper : other.upper);
  }
}

export const UNBOUNDED = new IntBound(-LIMIT, LIMIT);
