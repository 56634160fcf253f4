// The codewriter (translator/jit/): hand-built low-level graphs are flattened, given
// registers and assembled, then *executed* by a small jitcode evaluator written here for
// the int operations (so register allocation and the copies of loop variables are checked
// by running them); and the jitcodes of a hinted program follow the policy.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { Block, Constant, Graph, Link, Operation, Value, Variable } from "../translator/flowgraph/model.ts";
import { FunctionDesc } from "../translator/frontend/program.ts";
import { buildProgram } from "../translator/frontend/index.ts";
import { annotate } from "../translator/annotator/index.ts";
import { rtype } from "../translator/rtyper/index.ts";
import { Assembler, JitCode } from "../translator/jit/assembler.ts";
import { flatten } from "../translator/jit/flatten.ts";
import { Helpers } from "../translator/jit/helpers.ts";
import { codewrite, JitCodes, printJitCodes } from "../translator/jit/index.ts";
import { DescrTable, JTransformer } from "../translator/jit/jtransform.ts";
import { cleanJumps } from "../translator/jit/jumps.ts";
import { printJitCode } from "../translator/jit/printer.ts";
import { allocateRegisters, dropCoalescedCopies } from "../translator/jit/regalloc.ts";
import { ROOT } from "./harness.ts";

function v(name: string, type = "i64"): Variable {
  const x = new Variable(name);
  x.concretetype = type;
  return x;
}
function c(value: number, type = "i64"): Constant {
  const k = new Constant(value);
  k.concretetype = type;
  return k;
}
function op(name: string, args: Value[], result: Variable): Operation {
  return new Operation(name, args, result);
}

/** Codewrites one graph without a policy: no calls. */
function assembleOne(g: Graph): JitCodes {
  const descrs = new DescrTable();
  const helpers = new Helpers();
  const jt = new JTransformer(descrs, () => null, () => false, (o) => helpers.helperFor(o), () => null, () => true);
  const ssa = flatten(g, jt, descrs);
  const alloc = allocateRegisters(ssa);
  dropCoalescedCopies(ssa, alloc);
  ssa.items = cleanJumps(ssa.items);
  const asm = new Assembler(descrs);
  const fn = new FunctionDesc(g.name, null, null);
  const code = asm.assemble(fn, ssa, alloc);
  return { code: Uint8Array.from(asm.code), opcodes: asm.opcodes, descrs: descrs.descrs, jitcodes: [code], helpers: helpers.functions, enterSites: new Map() };
}

const INT_OPS: Record<string, (a: bigint, b: bigint) => bigint> = {
  int_add: (a, b) => a + b,
  int_sub: (a, b) => a - b,
  int_mul: (a, b) => a * b,
  int_lt: (a, b) => (a < b ? 1n : 0n),
  int_gt: (a, b) => (a > b ? 1n : 0n),
  int_eq: (a, b) => (a === b ? 1n : 0n),
};

/** Runs a jitcode that only uses int registers; returns what int_return returns. */
function evaluate(jc: JitCodes, code: JitCode, args: bigint[]): bigint {
  const regs: bigint[] = [];
  code.consts.i.forEach((x, k) => (regs[code.numRegs.i + k] = BigInt(x)));
  code.inputs.forEach((p, k) => (regs[p.reg] = args[k]));
  const b = jc.code;
  let pc = code.offset;
  for (let steps = 0; steps < 100000; steps++) {
    const [name, argcodes] = jc.opcodes[b[pc++]].split("/");
    const operands: bigint[] = [];
    let target = -1;
    let result = -1;
    for (let i = 0; i < argcodes.length; i++) {
      const a = argcodes[i];
      if (a === "i") operands.push(regs[b[pc++]]);
      else if (a === "c") operands.push(BigInt((b[pc++] << 24) >> 24));
      else if (a === "L") (target = b[pc] | (b[pc + 1] << 8)), (pc += 2);
      else if (a === ">") (result = b[pc + 0]), (pc += 1), i++;
      else if (a === "I" || a === "R" || a === "F") pc += 1 + b[pc];
      else throw new Error(`evaluator: argcode ${a}`);
    }
    if (name === "int_return") return operands[0];
    if (name === "goto") pc = code.offset + target;
    else if (name === "goto_if_not") {
      if (operands[0] === 0n) pc = code.offset + target;
    } else if (name === "int_copy") regs[result] = operands[0];
    else if (INT_OPS[name]) regs[result] = INT_OPS[name](operands[0], operands[1]);
    else if (name !== "-live-") throw new Error(`evaluator: ${name}`);
  }
  throw new Error("evaluator: too many steps");
}

/** fib(n) with a loop whose variables rotate: (a, b, i) -> (b, a + b, i - 1). */
function fibGraph(): Graph {
  const n = v("n");
  const start = new Block([n]);
  const g = new Graph("fib", start);
  const [a, b, i] = [v("a"), v("b"), v("i")];
  const loop = new Block([a, b, i]);
  const [a2, b2, i2] = [v("a"), v("b"), v("i")];
  const body = new Block([a2, b2, i2]);
  start.closeWith([new Link([c(0), c(1), n], loop)]);
  const more = v("more", "i32");
  loop.operations.push(op("int_gt", [i, c(0)], more));
  const t = new Link([a, b, i], body, true);
  const f = new Link([a], g.returnblock, false);
  loop.closeWith([t, f], more);
  const s = v("s");
  const j = v("j");
  body.operations.push(op("int_add", [a2, b2], s), op("int_sub", [i2, c(1)], j));
  body.closeWith([new Link([b2, s, j], loop)]);
  g.getReturnVar().concretetype = "i64";
  return g;
}

test("a loop that rotates its variables: registers and copies stay right", () => {
  const jc = assembleOne(fibGraph());
  const fib = (n: number) => {
    let [a, b] = [0n, 1n];
    for (let k = 0; k < n; k++) [a, b] = [b, a + b];
    return a;
  };
  for (const n of [0, 1, 2, 10, 50, 90]) assert.is(evaluate(jc, jc.jitcodes[0], [BigInt(n)]), fib(n), `fib(${n})`);
  // Three int values live around the loop and one temporary: no more registers than that.
  assert.ok(jc.jitcodes[0].numRegs.i <= 5, printJitCode(jc, jc.jitcodes[0]));
});

test("constants: small ones inline (c), large ones in the pool after the registers", () => {
  const x = v("x");
  const start = new Block([x]);
  const g = new Graph("k", start);
  const y = v("y");
  const z = v("z");
  start.operations.push(op("int_add", [x, c(100)], y), op("int_mul", [y, c(1_000_000_007)], z));
  start.closeWith([new Link([z], g.returnblock)]);
  g.getReturnVar().concretetype = "i64";
  const jc = assembleOne(g);
  const code = jc.jitcodes[0];
  assert.equal(code.consts.i, [1_000_000_007]);
  assert.ok(jc.opcodes.includes("int_add/ic>i") && jc.opcodes.includes("int_mul/ii>i"), jc.opcodes.join(" "));
  assert.is(evaluate(jc, code, [5n]), 105n * 1_000_000_007n);
  assert.match(printJitCode(jc, code), /int_mul %i\d, \$1000000007 -> %i\d/);
});

test("a -live- marker before each guard lists the registers live there", () => {
  const jc = assembleOne(fibGraph());
  const text = printJitCode(jc, jc.jitcodes[0]);
  // Before the loop test: a, b and the condition (and i, until the test reads it).
  assert.match(text, /-live- I\[(%i\d(, )?){3,4}\], R\[\], F\[\]\n\s+\d+\s+goto_if_not/);
});

let hinted: JitCodes;
async function hintedProgram(): Promise<JitCodes> {
  if (!hinted) {
    const program = await buildProgram(path.join(ROOT, "tests", "programs", "jit_hints.ts"));
    hinted = codewrite(rtype(annotate(program)).functions);
  }
  return hinted;
}

test("the portal's jitcode comes first; the merge point lists greens then reds by kind", async () => {
  const jc = await hintedProgram();
  assert.is(jc.jitcodes[0].fn.name, "jit_hints.run");
  const text = printJitCodes(jc, "jit_hints.run");
  assert.match(text, /jit_merge_point <Driver driver greens=pc,code reds=stack,steps>, I\[%i\d\], R\[%r\d\], F\[\], I\[%i\d\], R\[%r\d\], F\[\]/);
  assert.match(text, /loop_header <Driver driver/);
});

test("policy: helpers are inlined; elidable, dontLookInside and loops are residual calls", async () => {
  const jc = await hintedProgram();
  const names = jc.jitcodes.map((c) => c.fn.name);
  assert.ok(names.includes("jit_hints.Stack.push") && names.includes("jit_hints.Stack.pop"), names.join(" "));
  assert.not.ok(names.includes("jit_hints.opAt"), "elidable: called, not traced");
  assert.not.ok(names.includes("jit_hints.report"), "dontLookInside: called, not traced");
  const text = printJitCodes(jc, null);
  assert.match(text, /residual_call_i <Call jit_hints.opAt\(ri\) -> i elidable>/);
  assert.match(text, /residual_call_i <Call jit_hints.Code.argAt\(ri\) -> i elidable>/);
  assert.match(text, /residual_call_v <Call jit_hints.report\(ri\) residual>/);
  assert.match(text, /inline_call_v <JitCode jit_hints.Stack.push>/);
  assert.match(text, /int_guard_value %i\d/);
});

test("readonly fields and closures' captured values have immutable descriptors, for reads and writes; plain fields and a redeclared readonly one do not", async () => {
  const program = await buildProgram(path.join(ROOT, "tests", "programs", "jit_readonly.ts"));
  const jc = codewrite(rtype(annotate(program)).functions);
  const run = printJitCodes(jc, "jit_readonly.run");
  // Code's readonly fields: its op list, its box, the box's value; its float ratio.
  assert.match(run, /getfield_r %r0, <Field \+8 ptr immutable>/);
  assert.match(run, /getfield_i %r\d, <Field \+8 i64 immutable>/);
  assert.match(run, /getfield_f %r0, <Field \+32 f64 immutable>/);
  // Cell.value (read and written) and Base.tag, which Loose redeclares without readonly:
  // the same offset and type as Box.value, another descriptor.
  assert.match(run, /getfield_i %r\d, <Field \+8 i64> /);
  assert.match(run, /setfield_i %r\d, %i\d, <Field \+8 i64>\n/);
  assert.match(printJitCodes(jc, "jit_readonly.Loose.bump"), /setfield_i %r0, %i0, <Field \+8 i64>\n/);
  // A constructor writes readonly fields with their immutable descriptors (a virtual
  // object's fields are then read back by the same descriptors).
  const ctor = printJitCodes(jc, "jit_readonly.Result.constructor");
  assert.match(ctor, /setfield_i %r0, %i0, <Field \+8 i64 immutable>/);
  assert.match(ctor, /setfield_f %r0, %f0, <Field \+16 f64 immutable>/);
  // The closure reads its captured factor.
  const arrow = jc.jitcodes.find((c) => c.fn.name.startsWith("jit_readonly.arrow"))!;
  assert.match(printJitCodes(jc, arrow.fn.name), /getfield_i %r0, <Field \+\d+ i64 immutable>/);
});

test("quasi-immutable fields have descriptors naming their hidden word; a -live- marker precedes each read, an invalidation each write", async () => {
  const program = await buildProgram(path.join(ROOT, "tests", "programs", "jit_quasi.ts"));
  const jc = codewrite(rtype(annotate(program)).functions);
  const lines = printJitCodes(jc, "jit_quasi.run").split("\n").map((l) => l.replace(/^\s*\d+\s+/, ""));
  // Global.value (i64) and Global.handler (ptr), each followed by its hidden i32 word.
  const reads = lines.flatMap((l, i) => (/^getfield_[ir] %r\d, <Field \+\d+ (i64|ptr) quasi-immutable \+\d+>/.test(l) ? [i] : []));
  assert.ok(reads.length >= 4, lines.join("\n"));
  for (const i of reads) assert.match(lines[i - 1], /^-live- /, `before ${lines[i]}`);
  assert.ok(lines.some((l) => /getfield_i %r\d, <Field \+8 i64 quasi-immutable \+16>/.test(l)));
  assert.ok(lines.some((l) => /getfield_r %r\d, <Field \+20 ptr quasi-immutable \+24>/.test(l)));
  // A write: the hidden word read, its invalidation (a helper call), then the field.
  const writes = lines.flatMap((l, i) => (/^setfield_[ir] .*quasi-immutable/.test(l) ? [i] : []));
  assert.is(writes.length, 3, lines.join("\n"));
  for (const i of writes) assert.match(lines[i - 1], /^residual_call_v <Call jitop\.quasi_invalidate#\d+\(i\) residual>/, `before ${lines[i]}`);
});

test("a virtualizable's fields have descriptors of their own: its value (\"virtualizable\") or its list's items (\"virtualizable[*]\", readonly here)", async () => {
  const program = await buildProgram(path.join(ROOT, "tests", "programs", "jit_vable.ts"));
  const jc = codewrite(rtype(annotate(program)).functions);
  const code = printJitCodes(jc, "jit_vable.run");
  assert.match(code, /getfield_i %r\d, <Field \+\d+ i64 virtualizable>/);
  assert.match(code, /getfield_r %r\d, <Field \+\d+ ptr virtualizable>/);
  assert.match(code, /getfield_r %r\d, <Field \+\d+ ptr immutable virtualizable\[\*\]>/);
  // The other class's fields (Point's) are ordinary.
  const ctor = printJitCodes(jc, "jit_vable.Point.constructor");
  assert.not.match(ctor, /virtualizable/);
});

test("every jitcode decodes completely with the opcode table", async () => {
  const jc = await hintedProgram();
  let total = 0;
  for (const code of jc.jitcodes) {
    total += code.length;
    // The printer walks the bytes with the argcodes: it must end exactly at the next jitcode.
    assert.not.throws(() => printJitCode(jc, code));
  }
  assert.is(total, jc.code.length);
});

test.run();
