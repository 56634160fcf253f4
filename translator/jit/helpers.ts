// One-operation helper functions: a low-level operation the meta-interpreter does not
// execute itself (string and list operations, allocation, checks that raise, virtual
// calls...) becomes a residual call of a function whose graph is just that operation. The
// backend compiles the helper like any function (GC frame, write barriers, the runtime
// calls), so the traced and blackholed code behaves exactly as the main module does, and
// the trace records an ordinary call. An operation that raises sets the pending exception
// and the helper returns: the jitcode tests exc_occurred after it, as the graph did.
import { Block, Constant, Graph, Link, Operation, Variable } from "../flowgraph/model.ts";
import { FunctionDesc } from "../frontend/program.ts";
import { LLType } from "../rtyper/lltype.ts";
import { kindOfType } from "./descr.ts";

export class Helpers {
  readonly functions: FunctionDesc[] = [];

  helperFor(op: Operation): FunctionDesc {
    const params: Variable[] = [];
    const args = op.args.map((a) => {
      if (a instanceof Constant || !kindOfType(a.concretetype as LLType)) return a;
      const p = new Variable(a.hint);
      p.concretetype = a.concretetype;
      params.push(p);
      return p;
    });
    const result = new Variable(op.result.hint);
    result.concretetype = op.result.concretetype;
    const fn = new FunctionDesc(`jitop.${op.opname}#${this.functions.length}`, null, op.loc);
    const start = new Block(params);
    start.operations.push(new Operation(op.opname, args, result, op.loc));
    fn.graph = new Graph(fn.name, start, op.loc);
    fn.graph.getReturnVar().concretetype = result.concretetype;
    start.closeWith([new Link([result], fn.graph.returnblock)]);
    fn.inRlib = true;
    this.functions.push(fn);
    return fn;
  }
}
