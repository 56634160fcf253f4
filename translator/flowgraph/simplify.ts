// Graph simplifications (after RPython's flowspace/simplify.py). The builder passes every
// local to every block, and makes many blocks that only jump on.
//  - joinBlocks keeps the block-local form (a block uses only its own variables) that the
//    annotator and rtyper rely on; it runs right after graph building.
//  - removeRedundantInputs turns a block input that always receives the same value into a
//    use of that value from a dominating block: ordinary SSA, which only the backend (where
//    variables are function-wide locals) accepts. It runs just before the backend.
import { Block, Graph, Link, Value, Variable } from "./model.ts";

function incomingLinks(g: Graph): Map<Block, Link[]> {
  const preds = new Map<Block, Link[]>();
  for (const b of g.blocks()) {
    for (const l of b.exits) {
      const list = preds.get(l.target) ?? [];
      list.push(l);
      preds.set(l.target, list);
    }
  }
  return preds;
}

/** Applies a variable substitution everywhere in the graph (following chains). */
function substitute(g: Graph, subst: Map<Variable, Value>): void {
  const resolve = (v: Value): Value => {
    let x = v;
    while (x instanceof Variable && subst.has(x)) x = subst.get(x)!;
    return x;
  };
  for (const b of g.blocks()) {
    for (const op of b.operations) op.args = op.args.map(resolve);
    if (b.exitswitch) b.exitswitch = resolve(b.exitswitch);
    for (const l of b.exits) l.args = l.args.map(resolve);
  }
}

/** A block input that receives one value on every link (or itself, around a loop) is that value. */
export function removeRedundantInputs(g: Graph): void {
  for (;;) {
    const preds = incomingLinks(g);
    const subst = new Map<Variable, Value>();
    for (const b of g.blocks()) {
      if (b === g.startblock || b === g.returnblock) continue;
      const links = preds.get(b) ?? [];
      for (let i = b.inputargs.length - 1; i >= 0; i--) {
        const v = b.inputargs[i];
        const sources = new Set<Value>();
        for (const l of links) if (l.args[i] !== v) sources.add(l.args[i]);
        if (sources.size !== 1) continue;
        subst.set(v, [...sources][0]);
        b.inputargs.splice(i, 1);
        for (const l of links) l.args.splice(i, 1);
      }
    }
    if (subst.size === 0) return;
    substitute(g, subst);
  }
}

/** A block whose only exit goes to a block with no other predecessor absorbs that block. */
export function joinBlocks(g: Graph): void {
  for (;;) {
    const preds = incomingLinks(g);
    let joined = false;
    for (const b of g.blocks()) {
      if (b.exitswitch !== null || b.exits.length !== 1) continue;
      const link = b.exits[0];
      const t = link.target;
      if (t === b || t === g.returnblock || t === g.startblock || (preds.get(t)?.length ?? 0) !== 1) continue;
      const subst = new Map<Variable, Value>();
      t.inputargs.forEach((v, i) => subst.set(v, link.args[i]));
      b.operations.push(...t.operations);
      b.closeWith(t.exits, t.exitswitch);
      substitute(g, subst);
      joined = true;
      break; // the predecessor map is stale now
    }
    if (!joined) return;
  }
}
