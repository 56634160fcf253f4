// The GC transform's root analysis. Wasm locals cannot be scanned by a collector, so a GC
// pointer that is live across an operation that can collect is stored to the function's
// shadow-stack frame just before that operation (DESIGN.md 5), and, with a moving collector,
// reloaded from there after it. This pass decides which operations can collect (allocation,
// and calls of functions that can) and, for each, which pointer variables are live across
// it; the backend emits the frame, the stores and the reloads.
// An operation that can collect must not use its pointer operands after it allocated: its
// operands are not live across it (so `list.push(x)` is list_reserve, then list_append).
import { Block, Graph, Operation, Variable } from "../flowgraph/model.ts";
import { FunctionDesc } from "../frontend/program.ts";
import { callees, functionsReaching } from "./callgraph.ts";

/** Low-level operations that may run a collection: the ones that allocate, an explicit
 *  collection, the JIT runtime's calls of arbitrary code (a residual call from the
 *  meta-interpreter, a compiled trace), which no call graph shows, and the collectors' scan
 *  of the shadow stack. That last one is the collection itself: the collector never
 *  allocates, so without it a direct call of the runtime's `allocate` or `listGrow` (the
 *  JIT's runtime makes them) would not count as collecting, and the pointers live across
 *  it would keep the old addresses of the objects it moves. */
const COLLECTING = new Set(["malloc", "list_new", "list_reserve", "typed_new", "strNew", "collectYoung", "jitCall", "callTrace", "shadowStackBase"]);

export interface GcRoots {
  /** Per graph: the frame slot of each pointer variable that must survive a collection. */
  slots: Map<Graph, Map<Variable, number>>;
  /** Per collecting operation: the pointer variables to store in their slots before it. */
  liveAcross: Map<Operation, Variable[]>;
}

const isPointer = (v: unknown): v is Variable => v instanceof Variable && v.concretetype === "ptr";

/** Pointer variables live at the start of each block (backward dataflow to a fixpoint). */
function liveIn(g: Graph): Map<Block, Set<Variable>> {
  const blocks = g.blocks();
  const live = new Map<Block, Set<Variable>>(blocks.map((b) => [b, new Set()]));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      const set = liveOut(b, live);
      for (let j = b.operations.length - 1; j >= 0; j--) {
        const op = b.operations[j];
        set.delete(op.result);
        for (const a of op.args) if (isPointer(a)) set.add(a);
      }
      for (const v of b.inputargs) set.delete(v);
      if (set.size !== live.get(b)!.size) {
        live.set(b, set);
        changed = true;
      }
    }
  }
  return live;
}

function liveOut(b: Block, live: Map<Block, Set<Variable>>): Set<Variable> {
  const set = new Set<Variable>();
  if (isPointer(b.exitswitch)) set.add(b.exitswitch);
  for (const l of b.exits) {
    for (const v of live.get(l.target) ?? []) set.add(v);
    for (const a of l.args) if (isPointer(a)) set.add(a);
  }
  return set;
}

export function findGcRoots(fns: FunctionDesc[]): GcRoots {
  const collecting = functionsReaching(fns, (op) => COLLECTING.has(op.opname));
  const canCollect = (op: Operation) => COLLECTING.has(op.opname) || callees(op).some((c) => collecting.has(c));
  const roots: GcRoots = { slots: new Map(), liveAcross: new Map() };
  for (const fn of fns) {
    if (!collecting.has(fn)) continue;
    const g = fn.graph;
    const live = liveIn(g);
    const slots = new Map<Variable, number>();
    for (const b of g.blocks()) {
      const set = liveOut(b, live);
      for (let j = b.operations.length - 1; j >= 0; j--) {
        const op = b.operations[j];
        set.delete(op.result);
        const across = canCollect(op) ? [...set] : [];
        if (across.length > 0) {
          for (const v of across) if (!slots.has(v)) slots.set(v, slots.size);
          roots.liveAcross.set(op, across);
        }
        for (const a of op.args) if (isPointer(a)) set.add(a);
      }
    }
    if (slots.size > 0) roots.slots.set(g, slots);
  }
  return roots;
}
