// One low-level graph -> one Wasm function. Variables become locals; blocks become
// Relooper blocks; a link's arguments are copied into the target block's input locals
// on the branch (through temporaries when the copies would overwrite each other).
import binaryen from "binaryen";
import { Block, Constant, Graph, Link, Value, Variable } from "../../translator/flowgraph/model.ts";
import { LLType } from "../../translator/rtyper/lltype.ts";
import { OpEmitter } from "./ops.ts";

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

export function buildFunction(m: binaryen.Module, g: Graph, emitter: OpEmitter): {
  params: binaryen.Type;
  result: binaryen.Type;
  vars: binaryen.Type[];
  body: binaryen.ExpressionRef;
} {
  const params = g.startblock.inputargs.filter((v) => typeOfValue(v) !== "void");
  const locals = new Locals(params);
  const retType = typeOfValue(g.getReturnVar());
  const fx = emitter.forFunction(locals);
  const relooper = new binaryen.Relooper(m);
  const rblocks = new Map<Block, number>();
  const blocks = g.blocks();
  for (const b of blocks) {
    const code: binaryen.ExpressionRef[] = [];
    if (b === g.returnblock) {
      const rv = g.getReturnVar();
      code.push(retType === "void" ? m.return() : m.return(m.local.get(locals.of(rv), wasmType(retType))));
    } else {
      for (const op of b.operations) code.push(fx.operation(op));
      if (b.exits.length === 0) code.push(m.unreachable());
    }
    rblocks.set(b, relooper.addBlock(code.length === 1 ? code[0] : m.block(null, code, binaryen.none)));
  }
  for (const b of blocks) {
    if (b.exits.length === 0) continue;
    const from = rblocks.get(b)!;
    if (b.exitswitch === null || b.exits.length === 1) {
      relooper.addBranch(from, rblocks.get(b.exits[0].target)!, 0, linkCopies(m, b.exits[0], locals, fx));
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
    body,
  };
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

export function isConstant(v: Value): v is Constant {
  return v instanceof Constant;
}
