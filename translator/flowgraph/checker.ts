// Invariants every graph must keep between stages. A violation is a translator bug,
// so it throws with the graph printed.
import { Block, EXCEPTION, Graph, LAST_EXCEPTION, Variable } from "./model.ts";
import { printGraph } from "./printer.ts";

export function checkGraph(g: Graph): void {
  const fail = (msg: string): never => {
    throw new Error(`graph ${g.name} is malformed: ${msg}\n${printGraph(g)}`);
  };
  const definedIn = new Map<Variable, Block>();
  for (const b of g.blocks()) {
    const defined = new Set<Variable>();
    const define = (v: Variable) => {
      if (definedIn.has(v)) fail(`${v.name} defined twice`);
      definedIn.set(v, b);
      defined.add(v);
    };
    const use = (v: unknown) => {
      if (v instanceof Variable && !defined.has(v)) fail(`${v.name} used but not defined in its block`);
    };
    b.inputargs.forEach(define);
    for (const op of b.operations) {
      op.args.forEach(use);
      define(op.result);
    }
    if (b === g.returnblock) {
      if (b.exits.length !== 0 || b.inputargs.length !== 1) fail("return block must have one input and no exits");
      continue;
    }
    if (b === g.exceptblock) {
      if (b.exits.length !== 0 || b.inputargs.length !== 0) fail("the except block must have no inputs and no exits");
      continue;
    }
    if (b.exits.length === 0) fail("a non-return block has no exits");
    if (b.exitswitch === null && b.exits.length !== 1) fail("several exits without an exitswitch");
    if (b.exitswitch === LAST_EXCEPTION) {
      if (b.operations.length === 0) fail("LAST_EXCEPTION on a block without operations");
      if (b.exits.filter((l) => l.exitcase === EXCEPTION && l.excValue).length !== 1) fail("LAST_EXCEPTION without one exception link");
    } else {
      use(b.exitswitch);
    }
    for (const l of b.exits) {
      if (l.prevblock !== b) fail("link.prevblock is wrong");
      if (l.args.length !== l.target.inputargs.length) fail(`link to a block with ${l.target.inputargs.length} inputs passes ${l.args.length}`);
      if (l.excValue) defined.add(l.excValue);
      l.args.forEach(use);
      if (l.excValue) defined.delete(l.excValue);
    }
  }
}
