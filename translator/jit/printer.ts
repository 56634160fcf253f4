// Prints jitcodes by decoding their bytes with the opcode table (a disassembler), so the
// dump shows what the meta-interpreter will read (`rts translate --jit --dump=jitcode`).
import { JitCode } from "./assembler.ts";
import { Kind } from "./descr.ts";
import type { JitCodes } from "./index.ts";

export function printJitCode(jc: JitCodes, code: JitCode): string {
  const regs = (["i", "r", "f"] as const).map((k) => `${k}=${code.numRegs[k]}`).join(" ");
  const params = code.inputs.map((p) => `%${p.kind}${p.reg}`).join(", ");
  const lines = [`jitcode ${code.fn.name}(${params})  registers ${regs}`];
  const bytes = jc.code;
  const end = code.offset + code.length;
  let pc = code.offset;
  const reg = (kind: Kind, r: number): string => {
    if (r < code.numRegs[kind]) return `%${kind}${r}`;
    const v = code.consts[kind][r - code.numRegs[kind]];
    return `$${typeof v === "string" ? JSON.stringify(v) : v === null ? "null" : v === undefined ? "undefined" : typeof v === "object" ? `<${v.constructor.name}>` : String(v)}`;
  };
  while (pc < end) {
    const at = pc - code.offset;
    const [name, argcodes] = jc.opcodes[bytes[pc++]].split("/");
    const args: string[] = [];
    let result = "";
    for (let i = 0; i < argcodes.length; i++) {
      const c = argcodes[i];
      if (c === ">") {
        result = ` -> ${reg(argcodes[++i] as Kind, bytes[pc++])}`;
      } else if (c === "c") {
        args.push(`$${(bytes[pc++] << 24) >> 24}`);
      } else if (c === "L") {
        args.push(`@${bytes[pc] | (bytes[pc + 1] << 8)}`);
        pc += 2;
      } else if (c === "d") {
        args.push(jc.descrs[bytes[pc] | (bytes[pc + 1] << 8)].describe());
        pc += 2;
      } else if (c === "I" || c === "R" || c === "F") {
        const n = bytes[pc++];
        const kind = c.toLowerCase() as Kind;
        const items: string[] = [];
        for (let k = 0; k < n; k++) items.push(reg(kind, bytes[pc++]));
        args.push(`${c}[${items.join(", ")}]`);
      } else {
        args.push(reg(c as Kind, bytes[pc++]));
      }
    }
    lines.push(`  ${String(at).padStart(5)}  ${name}${args.length ? " " + args.join(", ") : ""}${result}`);
  }
  return lines.join("\n");
}
