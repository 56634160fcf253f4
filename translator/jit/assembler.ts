// SSARepr + registers -> bytes (RPython's codewriter/assembler.py). An instruction is one
// opcode byte, then its operands as its argcodes say:
//   i r f   a register of that kind (1 byte); constants live in the same index space,
//           after the registers (the meta-interpreter preloads them)
//   c       a small int constant, -128..127 (1 byte)
//   L       a code offset in the jitcode (2 bytes, little-endian)
//   d       a descriptor index in the program's table (2 bytes)
//   I R F   a list: a length byte, then one register byte per item
//   >i >r >f  the result register
// The opcode table maps each opcode to "name/argcodes" (e.g. "int_add/ic>i"), numbered in
// order of first use; the printer and the meta-interpreter decode with it.
import { Constant, Value, Variable } from "../flowgraph/model.ts";
import { FunctionDesc } from "../frontend/program.ts";
import { Descr, Kind, SwitchDescr } from "./descr.ts";
import { DescrTable } from "./jtransform.ts";
import { Allocation } from "./regalloc.ts";
import { Insn, kindOf, Label, ListOperand, SSARepr } from "./ssarepr.ts";

export class JitCode {
  constructor(
    public fn: FunctionDesc,
    /** Where the jitcode's first instruction is in JitCodes.code. */
    public offset: number,
    public length: number,
    public numRegs: Record<Kind, number>,
    /** Constant pools, indexed from numRegs[kind] in the register space. */
    public consts: { i: number[]; r: unknown[]; f: number[] },
    /** The parameters' registers: the meta-interpreter puts the arguments there. */
    public inputs: { kind: Kind; reg: number }[],
  ) {}
}

export class Assembler {
  readonly code: number[] = [];
  readonly opcodes: string[] = [];
  private opcodeOf = new Map<string, number>();
  /** Where each instruction starts in `code`. */
  readonly offsets = new Map<Insn, number>();

  constructor(private descrs: DescrTable) {}

  assemble(fn: FunctionDesc, ssa: SSARepr, alloc: Allocation): JitCode {
    const start = this.code.length;
    const consts = { i: [] as number[], r: [] as unknown[], f: [] as number[] };
    const labels = new Map<string, number>();
    const fixups: { at: number; label: string }[] = [];
    const reg = (v: Value, inList: boolean): [string, number] => {
      const kind = kindOf(v)!;
      if (v instanceof Variable) return [kind, this.registerOf(v, alloc)];
      const value = constantValue(v as Constant, kind);
      if (kind === "i" && !inList && Number.isInteger(value) && (value as number) >= -128 && (value as number) <= 127) return ["c", (value as number) & 255];
      const pool = consts[kind] as unknown[];
      let idx = pool.findIndex((x) => Object.is(x, value));
      if (idx < 0) idx = pool.push(value) - 1;
      const r = alloc.numRegs[kind] + idx;
      if (r > 255) throw new Error(`jitcode ${ssa.name}: more than 256 ${kind} registers and constants`);
      return [kind, r];
    };
    for (const item of ssa.items) {
      if (item instanceof Label) {
        labels.set(item.name, this.code.length - start);
        continue;
      }
      this.offsets.set(item, this.code.length);
      const bytes: number[] = [];
      let argcodes = "";
      for (const a of item.args) {
        if (a instanceof Label) {
          argcodes += "L";
          fixups.push({ at: this.code.length + 1 + bytes.length, label: a.name });
          bytes.push(0, 0);
        } else if (a instanceof ListOperand) {
          argcodes += a.kind.toUpperCase();
          bytes.push(a.items.length, ...a.items.map((v) => reg(v, true)[1]));
        } else if (a instanceof Variable || a instanceof Constant) {
          const [code, byte] = reg(a, false);
          argcodes += code;
          bytes.push(byte);
        } else {
          argcodes += "d";
          bytes.push(...u16(this.descrIndex(a)));
        }
      }
      if (item.result) {
        argcodes += `>${kindOf(item.result)}`;
        bytes.push(this.registerOf(item.result, alloc));
      }
      this.code.push(this.opcode(`${item.opname}/${argcodes}`), ...bytes);
    }
    for (const f of fixups) this.code.splice(f.at, 2, ...u16(labels.get(f.label)!));
    for (const item of ssa.items) {
      const d = item instanceof Insn && item.opname === "switch" ? (item.args[1] as SwitchDescr) : null;
      if (!d) continue;
      for (const [v, l] of d.labels) d.targets.set(v, labels.get(l)!);
      d.defaultTarget = labels.get(d.defaultLabel)!;
    }
    const inputs = ssa.inputs.map((v) => ({ kind: kindOf(v)!, reg: this.registerOf(v, alloc) }));
    return new JitCode(fn, start, this.code.length - start, alloc.numRegs, consts, inputs);
  }

  private registerOf(v: Variable, alloc: Allocation): number {
    const r = alloc.register.get(v);
    if (r === undefined) throw new Error(`codewriter: ${v.name} has no register`);
    return r;
  }

  private descrIndex(d: Descr): number {
    const i = this.descrs.descrs.indexOf(d);
    if (i < 0) throw new Error(`codewriter: descriptor not interned: ${d.describe()}`);
    return i;
  }

  private opcode(key: string): number {
    let op = this.opcodeOf.get(key);
    if (op === undefined) {
      op = this.opcodes.push(key) - 1;
      if (op > 255) throw new Error("codewriter: more than 256 opcodes");
      this.opcodeOf.set(key, op);
    }
    return op;
  }
}

function constantValue(c: Constant, kind: Kind): unknown {
  if (kind === "i") return typeof c.value === "boolean" ? (c.value ? 1 : 0) : Number(c.value);
  return c.value;
}

function u16(n: number): [number, number] {
  if (n < 0 || n > 0xffff) throw new Error(`codewriter: ${n} does not fit in 2 bytes`);
  return [n & 255, n >> 8];
}
