// SSA construction helpers. Locals live in an environment (declaration node -> current
// value); temporaries of a half-evaluated expression live on a value stack (as in
// RPython's frame state). A Join is a future block whose input variables are the locals
// in scope at the join point, the bottom `depth` stack entries, and `extra` values (e.g.
// the result of `a ? b : c`). Every jump to a join passes the current values of exactly
// those, so a block never uses another block's variables.
import { ts } from "ts-morph";
import { Block, Link, Value, Variable } from "../flowgraph/model.ts";
import { SourceLoc } from "../flowgraph/source.ts";

/** A local's key: its declaration node, or THIS_KEY for the `this` of a method. */
export type LocalKey = ts.Node | typeof THIS_KEY;
export const THIS_KEY = { kind: "this" } as const;

export class Join {
  block: Block | null = null;
  constructor(
    public keys: LocalKey[],
    public depth: number,
    public extra: number,
    public hint = "t",
    public loc: SourceLoc | null = null,
  ) {}
}

export function localName(key: LocalKey): string {
  if (key === THIS_KEY) return "this";
  const name = (key as ts.NamedDeclaration).name;
  if (name && ts.isIdentifier(name)) return name.text;
  return "t"; // hidden loop state (the array and index of a for-of)
}

/** Makes (once) the block a join stands for, and returns the link from the current state. */
export function linkTo(join: Join, env: Map<LocalKey, Value>, stack: Value[], extras: Value[]): Link {
  if (extras.length !== join.extra || stack.length < join.depth) throw new Error("join arity mismatch");
  if (!join.block) {
    const inputs = join.keys.map((k) => new Variable(localName(k)));
    for (let i = 0; i < join.depth; i++) inputs.push(new Variable("t"));
    for (let i = 0; i < join.extra; i++) inputs.push(new Variable(join.hint));
    join.block = new Block(inputs);
  }
  const args = join.keys.map((k) => {
    const v = env.get(k);
    if (v === undefined) throw new Error(`local ${localName(k)} missing at a join`);
    return v;
  });
  const link = new Link([...args, ...stack.slice(0, join.depth), ...extras], join.block);
  link.loc = join.loc;
  return link;
}
