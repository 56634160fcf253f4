// Dense integer switches become one multi-way exit (RPython's backendopt/merge_if_blocks).
// The builder lowers `switch` to a chain of `x === c` tests, which every stage understands;
// after rtyping, a chain of blocks that each only compare the same i64 with a constant is
// merged into one block whose exitswitch is the integer itself, with one link per case and a
// "default" link. The backend makes that a br_table.
import { Block, Constant, DEFAULT_CASE, Graph, Link, Value, Variable } from "../flowgraph/model.ts";

const MIN_CASES = 3;
/** A switch is dense when its cases cover at least a quarter of their range. */
const MAX_SPREAD = 4;
const MAX_RANGE = 4096;

export function mergeSwitches(g: Graph): void {
  const preds = new Map<Block, number>();
  for (const b of g.blocks()) for (const l of b.exits) preds.set(l.target, (preds.get(l.target) ?? 0) + 1);
  // the blocks a merged chain swallowed are left unreachable (their links moved away)
  const merged = new Set<Block>();
  for (const b of g.blocks()) if (!merged.has(b)) mergeChainAt(b, preds, merged);
}

/** `x === c` at the end of a block: the tested value, the constant and how many trailing
 *  operations compute the test (the compare and copies of its result). */
interface Test {
  subject: Value;
  value: number;
  ops: number;
}

function testOf(b: Block): Test | null {
  // Only chains built from `switch` statements (the builder names their tests "match"): an
  // if/else chain stays a chain, its author may have put the hot cases first (a bytecode
  // interpreter's dispatch ran 15% slower as a br_table, an indirect jump, than as well-predicted branches).
  if (b.exits.length !== 2 || !(b.exitswitch instanceof Variable) || b.exitswitch.hint !== "match") return null;
  const chain = new Set<Variable>([b.exitswitch]);
  for (let i = b.operations.length - 1; i >= 0; i--) {
    const op = b.operations[i];
    if (!chain.has(op.result)) return null;
    if (op.opname === "same_as") {
      const src = op.args[0];
      if (!(src instanceof Variable)) return null;
      chain.add(src);
      continue;
    }
    const c = op.args[1];
    if (op.opname !== "int_eq" || !(c instanceof Constant) || !Number.isInteger(c.value)) return null;
    if (b.exits.some((l) => l.args.some((a) => a instanceof Variable && chain.has(a)))) return null;
    return { subject: op.args[0], value: c.value as number, ops: b.operations.length - i };
  }
  return null;
}

function linkOf(b: Block, exitcase: boolean): Link {
  return b.exits.find((l) => l.exitcase === exitcase)!;
}

function mergeChainAt(b: Block, preds: Map<Block, number>, merged: Set<Block>): void {
  const first = testOf(b);
  if (!first) return;
  const cases = new Map<number, Link>();
  const chain: Block[] = [];
  let test = first;
  let cur = b;
  for (;;) {
    // the first matching case wins, as in JS; a repeated value can never match
    if (!cases.has(test.value)) cases.set(test.value, linkOf(cur, true));
    const miss = linkOf(cur, false);
    const next = miss.target;
    const nextTest = testOf(next);
    const continues = nextTest !== null && nextTest.subject === first.subject && nextTest.ops === next.operations.length &&
      preds.get(next) === 1 && next.inputargs.length === 0 && next !== b;
    if (!continues) {
      if (rewrite(b, first, cases, miss)) for (const x of chain) merged.add(x);
      return;
    }
    chain.push(next);
    test = nextTest;
    cur = next;
  }
}

/** Makes `b` the switch when the cases are dense enough for a table; false if not. */
function rewrite(b: Block, test: Test, cases: Map<number, Link>, miss: Link): boolean {
  const values = [...cases.keys()];
  const range = Math.max(...values) - Math.min(...values) + 1;
  if (values.length < MIN_CASES || range > MAX_SPREAD * values.length || range > MAX_RANGE) return false;
  b.operations.splice(b.operations.length - test.ops, test.ops);
  // each link comes from a different block of the chain: they can be moved as they are
  for (const [value, l] of cases) l.exitcase = value;
  miss.exitcase = DEFAULT_CASE;
  b.closeWith([...cases.values(), miss], test.subject);
  return true;
}
