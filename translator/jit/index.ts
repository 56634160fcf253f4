// The codewriter's public entry (DESIGN.md §6, RPython's rpython/jit/codewriter/): turns the
// low-level graphs of the functions the tracer follows into jitcodes, a compact register
// bytecode the meta-interpreter (rlib/jitrt/) executes while tracing.
//   policy     which functions get a jitcode (the portal and what it calls, see policy.ts)
//   flatten    graph -> SSARepr, with jtransform rewriting each operation
//   regalloc   -live- markers and registers, per kind (jumps.ts tidies the jumps around)
//   assembler  bytes, constants pools, the opcode table; descriptors in one shared table
//   effects    per residual call, the fields the callee may write
import { Operation } from "../flowgraph/model.ts";
import { FunctionDesc } from "../frontend/program.ts";
import { Assembler, JitCode } from "./assembler.ts";
import { Descr, JitCodeDescr } from "./descr.ts";
import { EffectAnalysis } from "./effects.ts";
import { flatten } from "./flatten.ts";
import { Helpers } from "./helpers.ts";
import { DescrTable, JTransformer } from "./jtransform.ts";
import { findPolicy } from "./policy.ts";
import { printJitCode } from "./printer.ts";
import { cleanJumps } from "./jumps.ts";
import { allocateRegisters, dropCoalescedCopies } from "./regalloc.ts";

export interface JitCodes {
  /** Every jitcode's bytes, one after the other. */
  code: Uint8Array;
  /** Opcode -> "name/argcodes". */
  opcodes: string[];
  descrs: Descr[];
  /** The portal's jitcode first. */
  jitcodes: JitCode[];
  /** The one-operation functions residual calls name (helpers.ts): to be translated too. */
  helpers: FunctionDesc[];
  /** The offset in `code` of each can_enter_jit operation's loop_header instruction. */
  enterSites: Map<Operation, number>;
}

export function codewrite(functions: FunctionDesc[]): JitCodes {
  const policy = findPolicy(functions);
  const descrs = new DescrTable();
  const index = new Map(policy.candidates.map((fn, i) => [fn, i]));
  const jitcodeOf = (fn: FunctionDesc) => {
    const i = index.get(fn);
    return i === undefined ? null : descrs.intern(new JitCodeDescr(fn, i), `jitcode#${i}`);
  };
  const helpers = new Helpers();
  const effects = new EffectAnalysis();
  const jt = new JTransformer(descrs, jitcodeOf, (fn) => fn.jitHints.has("elidable"), (op) => helpers.helperFor(op), (fn) => effects.fieldsWritten(fn), (fn) => effects.touchesLists(fn));
  const asm = new Assembler(descrs);
  const jitcodes = policy.candidates.map((fn) => {
    const ssa = flatten(fn.graph, jt, descrs);
    const alloc = allocateRegisters(ssa);
    // Coalesced copies leave more blocks that only jump on.
    dropCoalescedCopies(ssa, alloc);
    ssa.items = cleanJumps(ssa.items);
    return asm.assemble(fn, ssa, alloc);
  });
  const enterSites = new Map([...jt.enterSites].map(([op, insn]) => [op, asm.offsets.get(insn)!]));
  return { code: Uint8Array.from(asm.code), opcodes: asm.opcodes, descrs: descrs.descrs, jitcodes, helpers: helpers.functions, enterSites };
}

export function printJitCodes(jc: JitCodes, filter: string | null): string {
  return jc.jitcodes.filter((c) => !filter || c.fn.name.includes(filter)).map((c) => printJitCode(jc, c)).join("\n\n");
}
