// Register allocation for an SSARepr (RPython's codewriter/regalloc.py), one register file
// per kind. Liveness is a backward dataflow over the linear code; two variables interfere
// when one is defined where the other is live; colouring is greedy in definition order.
// Before every instruction where a trace may leave (a guard: goto_if_not, switch,
// *_guard_value, calls, dispatch, the merge point, a quasi-immutable field's read) a
// `-live-` marker lists the registers
// live there: the resume data of a guard reads exactly those.
import { Variable } from "../flowgraph/model.ts";
import { FieldDescr, Kind } from "./descr.ts";
import { endsFlow, Insn, kindOf, Label, ListOperand, Operand, SSARepr } from "./ssarepr.ts";

export interface Allocation {
  register: Map<Variable, number>;
  numRegs: Record<Kind, number>;
}

const RESUMES_HERE = /^(goto_if_not|switch|\w+_guard_value|inline_call_\w|residual_call_\w|jit_merge_point|loop_header)$/;

/** A read of a quasi-immutable field: the tracer records a guard_not_invalidated there,
 *  which resumes by reading the field again. */
function isQuasiImmutableRead(insn: Insn): boolean {
  return insn.opname.startsWith("getfield_") && insn.args.some((a) => a instanceof FieldDescr && a.mutate >= 0);
}

function uses(insn: Insn): Variable[] {
  const out: Variable[] = [];
  const add = (a: Operand) => {
    if (a instanceof Variable && kindOf(a)) out.push(a);
    if (a instanceof ListOperand) a.items.forEach(add);
  };
  insn.args.forEach(add);
  return out;
}

function successors(code: Insn[], i: number, labelAt: Map<string, number>): number[] {
  const insn = code[i];
  const targets: number[] = [];
  for (const a of insn.args) if (a instanceof Label) targets.push(labelAt.get(a.name)!);
  if (insn.opname === "switch") {
    const d = insn.args[1] as { labels: Map<number, string> };
    for (const l of d.labels.values()) targets.push(labelAt.get(l)!);
  }
  if (!endsFlow(insn)) targets.push(i + 1);
  return targets.filter((t) => t < code.length);
}

/** Live variables before each instruction. */
function liveness(code: Insn[], labelAt: Map<string, number>): Set<Variable>[] {
  const liveIn = code.map(() => new Set<Variable>());
  const succ = code.map((_, i) => successors(code, i, labelAt));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = code.length - 1; i >= 0; i--) {
      const live = liveOut(i, succ, liveIn);
      if (code[i].result) live.delete(code[i].result!);
      for (const v of uses(code[i])) live.add(v);
      if (live.size !== liveIn[i].size) {
        liveIn[i] = live;
        changed = true;
      }
    }
  }
  return liveIn;
}

function liveOut(i: number, succ: number[][], liveIn: Set<Variable>[]): Set<Variable> {
  const out = new Set<Variable>();
  for (const s of succ[i]) for (const v of liveIn[s]) out.add(v);
  return out;
}

/** Inserts the `-live-` markers and allocates the registers (in place). */
export function allocateRegisters(ssa: SSARepr): Allocation {
  let { code, labelAt } = linearize(ssa);
  let liveIn = liveness(code, labelAt);
  const items: (Insn | Label)[] = [];
  let k = 0;
  for (const item of ssa.items) {
    if (item instanceof Insn) {
      if (RESUMES_HERE.test(item.opname) || isQuasiImmutableRead(item)) {
        const live = [...liveIn[k]];
        items.push(new Insn("-live-", (["i", "r", "f"] as const).map((kind) => new ListOperand(kind, live.filter((v) => kindOf(v) === kind)))));
      }
      k++;
    }
    items.push(item);
  }
  ssa.items = items;
  ({ code, labelAt } = linearize(ssa));
  liveIn = liveness(code, labelAt);
  const succ = code.map((_, i) => successors(code, i, labelAt));

  const neighbours = new Map<Variable, Set<Variable>>();
  const interfere = (a: Variable, b: Variable) => {
    if (a === b || kindOf(a) !== kindOf(b)) return;
    for (const [x, y] of [[a, b], [b, a]]) {
      if (!neighbours.has(x)) neighbours.set(x, new Set());
      neighbours.get(x)!.add(y);
    }
  };
  const order: Variable[] = [...ssa.inputs];
  for (const a of ssa.inputs) {
    for (const b of ssa.inputs) interfere(a, b);
    for (const b of liveIn[0] ?? []) interfere(a, b);
  }
  code.forEach((insn, i) => {
    const r = insn.result;
    if (!r || !kindOf(r)) return;
    order.push(r);
    for (const v of liveOut(i, succ, liveIn)) interfere(r, v);
  });
  // A copy's result prefers its source's register: the copy then disappears (assembler).
  const copiedFrom = new Map<Variable, Variable>();
  for (const insn of code) {
    const src = insn.args[0];
    if (insn.opname.endsWith("_copy") && src instanceof Variable && !copiedFrom.has(insn.result!)) copiedFrom.set(insn.result!, src);
  }
  const register = new Map<Variable, number>();
  const numRegs: Record<Kind, number> = { i: 0, r: 0, f: 0 };
  for (const v of order) {
    if (register.has(v)) continue;
    const taken = new Set([...(neighbours.get(v) ?? [])].map((n) => register.get(n)));
    const hint = register.get(copiedFrom.get(v)!);
    let reg = hint !== undefined && !taken.has(hint) ? hint : 0;
    while (taken.has(reg)) reg++;
    register.set(v, reg);
    const kind = kindOf(v)!;
    numRegs[kind] = Math.max(numRegs[kind], reg + 1);
  }
  return { register, numRegs };
}

function linearize(ssa: SSARepr): { code: Insn[]; labelAt: Map<string, number> } {
  const code: Insn[] = [];
  const labelAt = new Map<string, number>();
  for (const item of ssa.items) {
    if (item instanceof Label) labelAt.set(item.name, code.length);
    else code.push(item);
  }
  return { code, labelAt };
}

/** Copies whose source and result got the same register are no-ops: removed. */
export function dropCoalescedCopies(ssa: SSARepr, alloc: Allocation): void {
  ssa.items = ssa.items.filter((item) => {
    if (!(item instanceof Insn) || !item.opname.endsWith("_copy") || !(item.args[0] instanceof Variable)) return true;
    return alloc.register.get(item.args[0]) !== alloc.register.get(item.result!);
  });
}
