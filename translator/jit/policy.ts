// Which functions the tracer follows (RPython's codewriter/policy.py). The portal is the
// function whose loop holds the jit_merge_point; from it, a called function gets a jitcode
// (the tracer steps into it) unless it is marked elidable or dontLookInside, contains a loop
// and is not marked unrollSafe (a trace must not unroll an unbounded loop), or belongs to
// rlib (the runtime, the GC and the JS library are recorded as calls, like RPython's
// residual calls into the GC and C library).
import * as path from "node:path";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Block, Constant, Graph } from "../flowgraph/model.ts";
import { FunctionDesc } from "../frontend/program.ts";
import { RLIB_DIR } from "../paths.ts";

export interface Policy {
  /** The function whose loop is the JitDriver's (its jitcode is the first). */
  portal: FunctionDesc;
  /** The functions that get a jitcode, the portal first, in the order they were found. */
  candidates: FunctionDesc[];
}

export function findPolicy(fns: FunctionDesc[]): Policy {
  const portals = fns.filter((fn) => fn.graph && fn.graph.blocks().some((b) => b.operations.some((op) => op.opname === "jit_merge_point")));
  if (portals.length === 0) {
    throw new RtsError(null, "--jit needs a JitDriver: the program has no jitMergePoint",
      "mark the interpreter's dispatch loop with a JitDriver from rlib/jit.ts (see docs/rts-language.md)");
  }
  if (portals.length > 1) {
    throw new RtsError(portals[1].loc, `--jit supports one jitMergePoint per program for now (also in ${portals[0].name})`,
      "keep one JitDriver and one dispatch loop");
  }
  const candidates = [portals[0]];
  const seen = new Set(candidates);
  for (let i = 0; i < candidates.length; i++) {
    for (const callee of calledFunctions(candidates[i].graph)) {
      if (seen.has(callee) || !lookInside(callee)) continue;
      seen.add(callee);
      candidates.push(callee);
    }
  }
  return { portal: portals[0], candidates };
}

export function lookInside(fn: FunctionDesc): boolean {
  if (fn.jitHints.has("dontLookInside") || fn.jitHints.has("elidable")) return false;
  if (fn.decl && path.resolve(fn.decl.getSourceFile().fileName).startsWith(RLIB_DIR + path.sep)) return false;
  return fn.jitHints.has("unrollSafe") || !hasLoop(fn.graph);
}

function calledFunctions(g: Graph): FunctionDesc[] {
  const out: FunctionDesc[] = [];
  for (const b of g.blocks()) {
    for (const op of b.operations) {
      const callee = (op.args[0] as Constant | undefined)?.value;
      if (op.opname === "direct_call") out.push(callee as FunctionDesc);
    }
  }
  return out;
}

/** Whether the graph has a cycle (a back edge in a depth-first walk). */
function hasLoop(g: Graph): boolean {
  const state = new Map<Block, "open" | "done">();
  const visit = (b: Block): boolean => {
    state.set(b, "open");
    for (const l of b.exits) {
      const s = state.get(l.target);
      if (s === "open" || (s === undefined && visit(l.target))) return true;
    }
    state.set(b, "done");
    return false;
  };
  return visit(g.startblock);
}
