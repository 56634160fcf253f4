// Entering the JIT from the interpreter (with --jit; RPython's warmspot.py does the same
// rewriting of the portal). After the codewriter has read the portal's graph, each of its
// can_enter_jit operations becomes the portal's own counting of the greens (a hash of
// their bits by rlib/jitrt/entry.ts jitHash, then jitTick, both small enough to inline:
// most entries only count) and, when jitTick says so, a call of jitEnter with the
// driver's greens then reds in the JIT exchange area (one 8-byte slot each, in the
// driver's order). The merge point starts a block of its own so that the interpreter can
// continue there. jitEnter answers:
//   0  nothing to do (not hot yet): go on as before
//   1  the JIT ran the guest up to a merge point: continue there with the greens and reds
//      it left in the exchange area
//   2  the JIT ran the portal to its end: return the value in slot 0 (an exception may be
//      pending, as when the portal raises)
// Refs in the exchange area are not GC roots: jitEnter copies them to its own roots before
// it allocates, and writes them back after its last allocation.
import { Block, Constant, DEFAULT_CASE, Graph, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { JitDriverDesc, runtimeFunction } from "../frontend/program.ts";
import { LLType } from "../rtyper/lltype.ts";
import { LowLevelProgram } from "../rtyper/index.ts";

export const JIT_ENTER_CONTINUE = 1;
export const JIT_ENTER_RETURNED = 2;

/** `enterSites`: where the codewriter put each can_enter_jit (jitEnter's argument: the
 *  meta-interpreter starts there). */
export function weaveJitEntry(ll: LowLevelProgram, enterSites: Map<Operation, number>): void {
  const rt = (name: string): Constant => typedConst(runtimeFunction(ll.program, name), "void");
  const entry = { enter: rt("jitEnter"), hash: rt("jitHash"), tick: rt("jitTick") };
  for (const fn of ll.functions) {
    const g = fn.graph;
    if (!g.blocks().some((b) => b.operations.some((op) => op.opname === "jit_merge_point"))) continue;
    const merge = splitAtMergePoint(g);
    for (;;) {
      const b = g.blocks().find((x) => x.operations.some((o) => o.opname === "can_enter_jit"));
      if (!b) break;
      weaveEnter(g, b, merge, entry, enterSites);
    }
  }
}

function typedConst(value: unknown, type: LLType): Constant {
  const c = new Constant(value);
  c.concretetype = type;
  return c;
}

function op(opname: string, args: Value[], type: LLType): Operation {
  const r = new Variable("jit");
  r.concretetype = type;
  return new Operation(opname, args, r);
}

/** Moves the merge point and what follows it into a block of its own. Its inputs are the
 *  merge point's variables themselves (the frontend checked that nothing else is live
 *  there): after the exception transform, blocks use the variables of the blocks before
 *  them directly (variables are the function's locals), so continuing at the merge point
 *  must assign those same variables. */
function splitAtMergePoint(g: Graph): { block: Block; vars: Variable[] } {
  const b = g.blocks().find((x) => x.operations.some((o) => o.opname === "jit_merge_point"))!;
  const i = b.operations.findIndex((o) => o.opname === "jit_merge_point");
  const vars = [...new Set(b.operations[i].args.filter((a): a is Variable => a instanceof Variable))];
  return { block: moveTail(b, i, vars), vars };
}

/** Moves b's operations from index i on, and its exits, to a new block that b jumps to. */
function moveTail(b: Block, i: number, inputs: Variable[]): Block {
  const tail = new Block(inputs);
  tail.operations = b.operations.splice(i);
  tail.closeWith(b.exits, b.exitswitch);
  b.closeWith([new Link(inputs, tail)]);
  return tail;
}

interface EntryFunctions {
  enter: Constant;
  hash: Constant;
  tick: Constant;
}

function weaveEnter(g: Graph, b: Block, merge: { block: Block; vars: Variable[] }, entry: EntryFunctions, enterSites: Map<Operation, number>): void {
  const i = b.operations.findIndex((o) => o.opname === "can_enter_jit");
  const site = enterSites.get(b.operations[i]);
  if (site === undefined) throw new Error("jit entry: a can_enter_jit the codewriter did not see");
  const driver = (b.operations[i].args[0] as Constant).value as JitDriverDesc;
  const values = b.operations[i].args.slice(1);
  const rest = moveTail(b, i + 1, []);
  b.operations.splice(i, 1);
  // Count: hash the greens' bits, then jitTick.
  let hash: Value = typedConst(0, "i64");
  for (const green of values.slice(0, driver.greens.length)) {
    const bits = op("jit_green_bits", [green], "i64");
    const step = op("direct_call", [entry.hash, hash, bits.result], "i64");
    b.operations.push(bits, step);
    hash = step.result;
  }
  const tick = op("direct_call", [entry.tick, hash], "i32");
  b.operations.push(tick);
  const enter = new Block([]);
  b.closeWith([new Link([], enter, true), new Link([], rest, false)], tick.result);
  values.forEach((v, slot) => enter.operations.push(op("jit_exchange_set", [typedConst(slot, "void"), v], "void")));
  const call = op("direct_call", [entry.enter, typedConst(site, "i64")], "i64");
  enter.operations.push(call);
  // Continue at the merge point: its variables from their slots.
  const reload = new Block([]);
  const slotOf = mergePointSlots(merge.block);
  const reloaded = merge.vars.map((v, k) => {
    const get = op("jit_exchange_get", [typedConst(slotOf[k], "void")], v.concretetype as LLType);
    reload.operations.push(get);
    return get.result;
  });
  reload.closeWith([new Link(reloaded, merge.block)]);
  // Return the portal's result.
  const ret = new Block([]);
  const rt = (g.getReturnVar().concretetype as LLType) ?? "void";
  let result: Value = typedConst(undefined, "void");
  if (rt !== "void") {
    const get = op("jit_exchange_get", [typedConst(0, "void")], rt);
    ret.operations.push(get);
    result = get.result;
  }
  ret.closeWith([new Link([result], g.returnblock)]);
  const links = [new Link([], reload, JIT_ENTER_CONTINUE), new Link([], ret, JIT_ENTER_RETURNED), new Link([], rest, DEFAULT_CASE)];
  enter.closeWith(links, call.result);
}

/** For each input of the merge point's block, its slot: its position among the greens and reds. */
function mergePointSlots(block: Block): number[] {
  const mp = block.operations[0];
  return block.inputargs.map((v) => mp.args.indexOf(v) - 1);
}
