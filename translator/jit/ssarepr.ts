// The codewriter's intermediate form (RPython's codewriter/flatten.py SSARepr): one
// function as a linear list of instructions and labels, before registers are allocated.
// An instruction's operands are variables, constants, labels, descriptors and lists of
// values of one register kind (the I/R/F argument lists of calls and markers).
import { Constant, Value, Variable } from "../flowgraph/model.ts";
import { Descr, Kind, kindOfType } from "./descr.ts";
import { LLType } from "../rtyper/lltype.ts";

export class Label {
  constructor(public name: string) {}
}

export class ListOperand {
  constructor(
    public kind: Kind,
    public items: Value[],
  ) {}
}

export type Operand = Value | Label | Descr | ListOperand;

export class Insn {
  constructor(
    public opname: string,
    public args: Operand[],
    public result: Variable | null = null,
  ) {}
}

/** Whether execution never falls through to the next instruction. */
export function endsFlow(insn: Insn): boolean {
  return /^(goto|\w+_return|trap)$/.test(insn.opname);
}

export class SSARepr {
  constructor(
    public name: string,
    /** The function's parameters (of a register kind), in order. */
    public inputs: Variable[],
    public items: (Insn | Label)[],
  ) {}
}

/** The register kind of a value, or null for a value that is nothing (void). */
export function kindOf(v: Value): Kind | null {
  return kindOfType(v.concretetype as LLType);
}

export function printOperand(a: Operand, name: (v: Variable) => string = (v) => `%${kindOf(v)}${v.name}`): string {
  if (a instanceof Variable) return name(a);
  if (a instanceof Constant) return `$${typeof a.value === "string" ? JSON.stringify(a.value) : String(a.value)}`;
  if (a instanceof Label) return a.name;
  if (a instanceof ListOperand) return `${a.kind.toUpperCase()}[${a.items.map((x) => printOperand(x, name)).join(", ")}]`;
  return a.describe();
}

export function printSSARepr(ssa: SSARepr): string {
  const lines = [`ssarepr ${ssa.name}(${ssa.inputs.map((v) => printOperand(v)).join(", ")})`];
  for (const item of ssa.items) {
    if (item instanceof Label) lines.push(`${item.name}:`);
    else lines.push(`  ${item.opname} ${item.args.map((a) => printOperand(a)).join(", ")}${item.result ? ` -> ${printOperand(item.result)}` : ""}`);
  }
  return lines.join("\n");
}
