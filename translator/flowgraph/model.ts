// The flow-graph IR shared by every stage (the shape of RPython's flowspace/model.py):
// a Graph is a set of Blocks in SSA form; a Block has input variables, a list of
// Operations and exits (Links) that pass values to the next blocks' input variables.
// Annotations (annotator) and concrete low-level types (rtyper) are attached in place.
import type { SourceLoc } from "./source.ts";

let nextVarId = 0;

export class Variable {
  readonly id = nextVarId++;
  /** Set by the annotator: the inferred high-level type. */
  annotation: unknown = undefined;
  /** Set by the rtyper: the low-level type. */
  concretetype: unknown = undefined;
  constructor(public hint = "v") {}
  get name(): string {
    return `${this.hint}_${this.id}`;
  }
}

export class Constant {
  annotation: unknown = undefined;
  concretetype: unknown = undefined;
  constructor(
    public value: unknown,
    /** A module constant declared `float` (or `int`) keeps that kind whatever its value. */
    public numberKind: "int" | "float" | null = null,
  ) {}
}

export type Value = Variable | Constant;

export class Operation {
  constructor(
    public opname: string,
    public args: Value[],
    public result: Variable,
    public loc: SourceLoc | null = null,
  ) {}
}

/** The exitcase of the link a multi-way switch takes when no other case matches. */
export const DEFAULT_CASE = "default";

export class Link {
  prevblock: Block | null = null;
  /** The source construct the link belongs to (for errors about the values it carries). */
  loc: SourceLoc | null = null;
  /** On the exception link of a block that ends in LAST_EXCEPTION: the caught exception, a
   *  variable this link defines (its args may use it). */
  excValue: Variable | null = null;
  constructor(
    public args: Value[],
    public target: Block,
    /** For a switch exit: the value of the block's exitswitch that selects this link. */
    public exitcase: unknown = null,
  ) {}
}

/** The exitswitch of a block whose last operation may raise (RPython's c_last_exception):
 *  its exits are the normal link (exitcase null; absent when the operation never returns)
 *  and the exception link (exitcase EXCEPTION, with `excValue`). */
export const LAST_EXCEPTION = new Constant("last_exception");
export const EXCEPTION = "exception";

export class Block {
  operations: Operation[] = [];
  /** The value the exits switch on (a boolean for if/else), LAST_EXCEPTION, or null for a single exit. */
  exitswitch: Value | null = null;
  exits: Link[] = [];
  constructor(public inputargs: Variable[]) {}

  closeWith(links: Link[], exitswitch: Value | null = null): void {
    this.exitswitch = exitswitch;
    this.exits = links;
    for (const l of links) l.prevblock = this;
  }

  /** The return block of a graph: no exits, one input argument. */
  get isFinal(): boolean {
    return this.exits.length === 0;
  }

  /** The link taken when the last operation raises (see LAST_EXCEPTION), or null. */
  get exceptionLink(): Link | null {
    if (this.exitswitch !== LAST_EXCEPTION) return null;
    return this.exits.find((l) => l.exitcase === EXCEPTION) ?? null;
  }
}

export class Graph {
  readonly returnblock: Block;
  /** Where an exception that leaves the function goes: no inputs, no exits. */
  readonly exceptblock = new Block([]);
  constructor(
    public name: string,
    public startblock: Block,
    public loc: SourceLoc | null = null,
  ) {
    this.returnblock = new Block([new Variable("result")]);
  }

  /** Every block reachable from the start, in depth-first order (start first). */
  blocks(): Block[] {
    const seen = new Set<Block>();
    const order: Block[] = [];
    const stack = [this.startblock];
    while (stack.length > 0) {
      const b = stack.pop()!;
      if (seen.has(b)) continue;
      seen.add(b);
      order.push(b);
      for (let i = b.exits.length - 1; i >= 0; i--) stack.push(b.exits[i].target);
    }
    return order;
  }

  getReturnVar(): Variable {
    return this.returnblock.inputargs[0];
  }
}
