// The exception transform (RPython's exceptiontransform, without its unwinding): exceptions
// become an explicit "exception pending" state. `exc_raise` sets it; after each operation
// that can raise, `exc_occurred` tests it and branches to the handler of a LAST_EXCEPTION
// block (which takes the exception with `exc_fetch`) or returns from the function at once
// (recording the function in the stack trace). Only calls of functions that can raise pay for
// the test: which functions can is a fixpoint over the call graph. Returning early goes
// through the return block, so the GC shadow-stack frame is popped on that path too.
// The checks the rtyper leaves as single operations (a property access through a value that
// may be null, intDiv / intMod by a variable) become a test and a cold block that calls the
// runtime function raising the error: the common path has no call, so nothing to test after,
// and no GC roots to keep (the runtime function allocates the error).
import { Block, Constant, Graph, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { FunctionDesc, Program, runtimeFunction } from "../frontend/program.ts";
import { LLType } from "../rtyper/lltype.ts";
import { callees, functionsReaching } from "./callgraph.ts";

/** The checks, by the runtime function that raises their error. */
const CHECKS: Record<string, string> = {
  nonnull_check: "nullError",
  nonnull_index_check: "nullIndexError",
  int_div_raising: "raiseDivisionByZero",
  int_mod_raising: "raiseDivisionByZero",
};

export function transformExceptions(program: Program, fns: FunctionDesc[]): void {
  const raisesItself = (op: Operation) => op.opname === "exc_raise" || op.opname in CHECKS;
  const raising = functionsReaching(fns, raisesItself);
  const canRaise = (op: Operation) => raisesItself(op) || callees(op).some((c) => raising.has(c));
  const reporter = (name: string) => runtimeFunction(program, name);
  for (const fn of fns) new GraphTransform(fn, canRaise, reporter).run();
}

function typed(value: unknown, type: LLType): Constant {
  const c = new Constant(value);
  c.concretetype = type;
  return c;
}

function lowOp(opname: string, args: Value[], type: LLType): Operation {
  const r = new Variable(opname === "exc_occurred" ? "raised" : "t");
  r.concretetype = type;
  return new Operation(opname, args, r);
}

class GraphTransform {
  private graph: Graph;
  private propagate: Block | null = null;

  constructor(
    private fn: FunctionDesc,
    private canRaise: (op: Operation) => boolean,
    private reporter: (name: string) => FunctionDesc,
  ) {
    this.graph = fn.graph;
  }

  run(): void {
    for (const b of this.graph.blocks()) {
      const excLink = b.exceptionLink;
      if (excLink) this.removeLink(b, excLink);
      // One landing block per handler link: it takes the pending exception into excValue.
      const target = excLink && excLink.target !== this.graph.exceptblock ? this.landing(excLink) : this.propagateBlock();
      let block = b;
      for (let i = 0; i < block.operations.length; i++) {
        const op = block.operations[i];
        if (!this.canRaise(op)) continue;
        if (op.opname === "exc_raise") {
          // Nothing after a throw runs: straight to the handler or out.
          block.operations.length = i + 1;
          block.closeWith([new Link([], target)]);
          break;
        }
        block = op.opname in CHECKS ? this.lowerCheck(block, i, target) : this.splitAfter(block, i, target);
        i = -1;
      }
    }
  }

  private removeLink(b: Block, link: Link): void {
    const rest = b.exits.filter((l) => l !== link);
    b.closeWith(rest, null);
  }

  /** A block that fetches the exception and goes on to the handler. */
  private landing(link: Link): Block {
    const b = new Block([]);
    b.operations.push(new Operation("exc_fetch", [], link.excValue!));
    link.excValue = null;
    link.exitcase = null;
    b.closeWith([link]);
    return b;
  }

  /** Where an exception leaves the function: record the function in the trace, return. */
  private propagateBlock(): Block {
    if (this.propagate) return this.propagate;
    const b = new Block([]);
    if (this.fn.traceName !== null) b.operations.push(lowOp("exc_record_frame", [typed(this.fn.traceName, "ptr")], "void"));
    const rt = (this.graph.getReturnVar().concretetype as LLType) ?? "void";
    const zero = rt === "ptr" ? typed(undefined, "ptr") : rt === "void" ? typed(undefined, "void") : typed(0, rt);
    b.closeWith([new Link([zero], this.graph.returnblock)]);
    this.propagate = b;
    return b;
  }

  /** Replaces the check at operation i by a branch: on failure a cold block calls the
   *  runtime function that raises the error and goes to `target`; the rest of the block
   *  follows in a new block. */
  private lowerCheck(block: Block, i: number, target: Block): Block {
    const check = block.operations[i];
    const next = new Block([]);
    next.operations = block.operations.splice(i + 1);
    block.operations.pop();
    next.closeWith(block.exits, block.exitswitch);
    const failed = new Block([]);
    let test: Operation;
    let args: Value[];
    if (check.opname === "int_div_raising" || check.opname === "int_mod_raising") {
      test = lowOp("int_eq", [check.args[1], typed(0, "i64")], "i32");
      next.operations.unshift(new Operation(check.opname === "int_div_raising" ? "int_div" : "int_mod", check.args, check.result));
      args = [];
    } else {
      const [obj, what, set] = check.args;
      test = lowOp("ptr_is_nullish", [obj], "i32");
      const undef = lowOp("ptr_eq", [obj, typed(undefined, "ptr")], "i32");
      failed.operations.push(undef);
      args = [undef.result, what, set];
    }
    const call = lowOp("direct_call", [typed(this.reporter(CHECKS[check.opname]), "void"), ...args], "void");
    failed.operations.push(call);
    failed.closeWith([new Link([], target)]);
    block.operations.push(test);
    block.closeWith([new Link([], failed, true), new Link([], next, false)], test.result);
    return next;
  }

  /** Ends `block` after operation i with a test of the pending exception; the rest of the
   *  block follows in a new block (the graphs are in plain SSA form by now). */
  private splitAfter(block: Block, i: number, target: Block): Block {
    const next = new Block([]);
    next.operations = block.operations.splice(i + 1);
    next.closeWith(block.exits, block.exitswitch);
    const test = lowOp("exc_occurred", [], "i32");
    block.operations.push(test);
    const raised = new Link([], target, true);
    const normal = new Link([], next, false);
    block.closeWith([raised, normal], test.result);
    return next;
  }
}
