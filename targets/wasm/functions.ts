// One low-level graph -> one Wasm function. Variables become locals; blocks become
// Relooper blocks; a link's arguments are copied into the target block's input locals
// on the branch (through temporaries when the copies would overwrite each other).
import binaryen from "binaryen";
import { Block, DEFAULT_CASE, Graph, Link, Operation, Value, Variable } from "../../translator/flowgraph/model.ts";
import { LLType } from "../../translator/rtyper/lltype.ts";
import { GLOBALS, SHADOW_STACK_BASE, SHADOW_STACK_SIZE } from "./memory.ts";
import { FunctionOps, OpEmitter } from "./ops.ts";

export function wasmType(t: LLType): binaryen.Type {
  switch (t) {
    case "i64":
      return binaryen.i64;
    case "f64":
      return binaryen.f64;
    case "i32":
    case "ptr":
      return binaryen.i32;
    default:
      return binaryen.none;
  }
}

export function typeOfValue(v: Value): LLType {
  return (v.concretetype as LLType | undefined) ?? "void";
}

/** Locals of the function being built: parameters first, then one per variable. */
export class Locals {
  private index = new Map<Variable, number>();
  readonly vars: binaryen.Type[] = [];
  constructor(
    private params: Variable[],
  ) {
    params.forEach((p, i) => this.index.set(p, i));
  }

  private get count(): number {
    return this.params.length + this.vars.length;
  }

  of(v: Variable): number {
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.fresh(wasmType(typeOfValue(v)));
      this.index.set(v, i);
    }
    return i;
  }

  fresh(t: binaryen.Type): number {
    const i = this.count;
    this.vars.push(t);
    return i;
  }
}

/**
 * The function's code. With GC root `slots`, it owns a shadow-stack frame of one word per
 * slot: the prologue pushes it (zeroed, so the collector never sees a stale pointer), every
 * operation in `liveAcross` first stores the pointers that must survive it (and, with a
 * `moving` collector, reloads them after it: the frame is their home across the call), and
 * the return pops the frame.
 */
export function buildFunction(
  m: binaryen.Module,
  g: Graph,
  emitter: OpEmitter,
  slots: Map<Variable, number> | null,
  liveAcross: Map<Operation, Variable[]>,
  moving: boolean,
): {
  params: binaryen.Type;
  result: binaryen.Type;
  vars: binaryen.Type[];
  body: binaryen.ExpressionRef;
} {
  const params = g.startblock.inputargs.filter((v) => typeOfValue(v) !== "void");
  const locals = new Locals(params);
  const retType = typeOfValue(g.getReturnVar());
  const fx = emitter.forFunction(locals);
  const frame = slots ? new ShadowFrame(m, locals, slots.size, fx) : null;
  const relooper = new binaryen.Relooper(m);
  const rblocks = new Map<Block, number>();
  const blocks = g.blocks();
  for (const b of blocks) {
    const code: binaryen.ExpressionRef[] = [];
    if (b === g.returnblock) {
      const rv = g.getReturnVar();
      if (frame) code.push(frame.pop());
      code.push(retType === "void" ? m.return() : m.return(m.local.get(locals.of(rv), wasmType(retType))));
    } else {
      for (const op of b.operations) {
        const across = (frame && liveAcross.get(op)) || [];
        for (const v of across) code.push(frame!.store(slots!.get(v)!, v));
        code.push(fx.operation(op));
        if (moving) for (const v of across) code.push(frame!.reload(slots!.get(v)!, v, locals));
      }
      if (b.exits.length === 0) code.push(m.unreachable());
    }
    const body = code.length === 1 ? code[0] : m.block(null, code, binaryen.none);
    rblocks.set(b, isSwitch(b) ? relooper.addBlockWithSwitch(body, switchIndex(m, b, fx)) : relooper.addBlock(body));
  }
  for (const b of blocks) {
    if (b.exits.length === 0) continue;
    const from = rblocks.get(b)!;
    if (b.exitswitch === null || b.exits.length === 1) {
      relooper.addBranch(from, rblocks.get(b.exits[0].target)!, 0, linkCopies(m, b.exits[0], locals, fx));
      continue;
    }
    if (isSwitch(b)) {
      const min = Math.min(...caseValues(b));
      for (const l of b.exits) {
        const indexes = l.exitcase === DEFAULT_CASE ? [] : [(l.exitcase as number) - min];
        relooper.addBranchForSwitch(from, rblocks.get(l.target)!, indexes, linkCopies(m, l, locals, fx));
      }
      continue;
    }
    const cond = fx.value(b.exitswitch);
    const [ifTrue, ifFalse] = b.exits[0].exitcase === true ? b.exits : [b.exits[1], b.exits[0]];
    relooper.addBranch(from, rblocks.get(ifTrue.target)!, cond, linkCopies(m, ifTrue, locals, fx));
    relooper.addBranch(from, rblocks.get(ifFalse.target)!, 0, linkCopies(m, ifFalse, locals, fx));
  }
  const labelHelper = locals.fresh(binaryen.i32);
  const body = relooper.renderAndDispose(rblocks.get(g.startblock)!, labelHelper);
  return {
    params: binaryen.createType(params.map((p) => wasmType(typeOfValue(p)))),
    result: wasmType(retType),
    vars: locals.vars,
    body: frame ? m.block(null, [frame.push(), body], wasmType(retType)) : body,
  };
}

/** A block ending in a multi-way integer switch (made by transform/switches.ts). */
function isSwitch(b: Block): boolean {
  return b.exits.some((l) => l.exitcase === DEFAULT_CASE);
}

/** The integer cases of a switch block (its links but the default). */
function caseValues(b: Block): number[] {
  return b.exits.filter((l) => l.exitcase !== DEFAULT_CASE).map((l) => l.exitcase as number);
}

/** The br_table index of an i64 switch: value - min when it is in the table, else the
 *  table size (the default branch). */
function switchIndex(m: binaryen.Module, b: Block, fx: { value(v: Value): binaryen.ExpressionRef }): binaryen.ExpressionRef {
  const cases = caseValues(b);
  const min = Math.min(...cases);
  const size = Math.max(...cases) - min + 1;
  const offset = () => m.i64.sub(fx.value(b.exitswitch!), m.i64.const(BigInt(min)));
  return m.select(m.i64.lt_u(offset(), m.i64.const(BigInt(size))), m.i32.wrap(offset()), m.i32.const(size));
}

/** Copies a link's arguments into its target's input locals (a parallel assignment). */
function linkCopies(m: binaryen.Module, link: Link, locals: Locals, fx: { value(v: Value): binaryen.ExpressionRef }): binaryen.ExpressionRef {
  const pairs: [Variable, Value][] = [];
  link.target.inputargs.forEach((dst, i) => {
    const src = link.args[i];
    if (typeOfValue(dst) === "void" || src === dst) return;
    pairs.push([dst, src]);
  });
  if (pairs.length === 0) return 0;
  const targets = new Set(pairs.map(([d]) => d));
  const conflict = pairs.some(([, s]) => s instanceof Variable && targets.has(s));
  const code: binaryen.ExpressionRef[] = [];
  if (!conflict) {
    for (const [d, s] of pairs) code.push(m.local.set(locals.of(d), fx.value(s)));
  } else {
    const temps = pairs.map(([d, s]) => {
      const t = locals.fresh(wasmType(typeOfValue(d)));
      code.push(m.local.set(t, fx.value(s)));
      return t;
    });
    pairs.forEach(([d], i) => code.push(m.local.set(locals.of(d), m.local.get(temps[i], wasmType(typeOfValue(d))))));
  }
  return code.length === 1 ? code[0] : m.block(null, code, binaryen.none);
}

/** A function's frame on the GC shadow stack (see rlib/gc/marksweep.ts for the reader). */
class ShadowFrame {
  private fp: number;
  constructor(
    private m: binaryen.Module,
    locals: Locals,
    private nslots: number,
    private fx: FunctionOps,
  ) {
    this.fp = locals.fresh(binaryen.i32);
  }

  private get sp(): binaryen.ExpressionRef {
    return this.m.global.get(GLOBALS.shadowStackPointer, binaryen.i32);
  }

  push(): binaryen.ExpressionRef {
    const m = this.m;
    const size = this.nslots * 4;
    const fp = () => m.local.get(this.fp, binaryen.i32);
    return m.block(null, [
      m.local.set(this.fp, this.sp),
      m.if(m.i32.gt_u(m.i32.add(fp(), m.i32.const(size)), m.i32.const(SHADOW_STACK_BASE + SHADOW_STACK_SIZE)),
        this.fx.runtimeFailure("stackOverflow")),
      m.global.set(GLOBALS.shadowStackPointer, m.i32.add(fp(), m.i32.const(size))),
      m.memory.fill(fp(), m.i32.const(0), m.i32.const(size)),
    ]);
  }

  store(slot: number, v: Variable): binaryen.ExpressionRef {
    return this.m.i32.store(slot * 4, 4, this.m.local.get(this.fp, binaryen.i32), this.fx.value(v));
  }

  reload(slot: number, v: Variable, locals: Locals): binaryen.ExpressionRef {
    return this.m.local.set(locals.of(v), this.m.i32.load(slot * 4, 4, this.m.local.get(this.fp, binaryen.i32)));
  }

  pop(): binaryen.ExpressionRef {
    return this.m.global.set(GLOBALS.shadowStackPointer, this.m.local.get(this.fp, binaryen.i32));
  }
}
