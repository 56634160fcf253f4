// Common subexpression elimination of pure operations (RPython's optimizeopt/pure.py): an
// operation with the same number, descriptor and arguments as an earlier kept one is removed
// and its result replaced by the earlier result. Arguments of commutative operations are
// compared in a canonical order.
import { FLOAT_ADD, FLOAT_MUL, INT_ADD, INT_AND, INT_EQ, INT_MUL, INT_NE, INT_OR, INT_XOR, ResOp } from "../resop.ts";
import { isPure } from "./effects.ts";
import { Optimization, Optimizer } from "./optimizer.ts";
import { int } from "../../types.ts";

function isCommutative(opnum: int): boolean {
  return opnum === INT_ADD || opnum === INT_MUL || opnum === INT_AND || opnum === INT_OR || opnum === INT_XOR ||
    opnum === INT_EQ || opnum === INT_NE || opnum === FLOAT_ADD || opnum === FLOAT_MUL;
}

export class PureCSE extends Optimization {
  private seen = new Map<string, ResOp>();

  propagate(op: ResOp, opt: Optimizer): boolean {
    if (!isPure(op.opnum)) return false;
    let args = "";
    if (op.args.length === 2 && isCommutative(op.opnum)) {
      const a = opt.key(op.args[0]);
      const b = opt.key(op.args[1]);
      args = a < b ? `${a},${b}` : `${b},${a}`;
    } else {
      for (const v of op.args) args += `${opt.key(v)},`;
    }
    const key = `${op.opnum}/${op.descr}(${args})`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      opt.replace(op, earlier);
      return true;
    }
    this.seen.set(key, op);
    return false;
  }
}
