// `rts translate --jit`: the module imports the host's trace compiler (rts_jit.compile), which
// both hosts provide (tests/hosts.test.ts compiles a trace with it); its data segment holds
// the jitcodes (targets/wasm/jitdata.ts), read back here from a fresh instance.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, RunResult, runNodeHost, runOnBothHosts, runUntranslated, runWasmtimeHost, translateProgram } from "./harness.ts";

const program = path.join(ROOT, "tests", "programs", "jit_hints.ts");
let translated: Promise<string> | null = null;
const jitModule = () => (translated ??= translateProgram(program, "jit_hints-jit", { jit: true }));
let untranslated: RunResult | null = null;
const expectedRun = () => (untranslated ??= runUntranslated(program));

test("a --jit module runs on both hosts (they provide rts_jit.compile) as it runs untranslated", async () => {
  const wasm = await jitModule();
  const expected = expectedRun();
  for (const [host, r] of runOnBothHosts(wasm)) {
    assert.is(r.stdout, expected.stdout, `stdout on the ${host} host`);
    assert.is(r.status, expected.status, `exit code on the ${host} host`);
    assert.is(r.stderr, "", `stderr on the ${host} host`);
  }
});

test("the same at thresholds 1 and 1000 (RTS_JIT) on both hosts", async () => {
  const wasm = await jitModule();
  const expected = expectedRun();
  for (const threshold of ["1", "1000"]) {
    const env = { RTS_JIT: `threshold=${threshold}` };
    for (const [host, r] of runOnBothHosts(wasm, [], { env })) {
      assert.is(r.stdout, expected.stdout, `stdout, threshold ${threshold}, ${host} host`);
      assert.is(r.status, expected.status, `exit code, threshold ${threshold}, ${host} host`);
    }
  }
});

test("the trace backend: hand-written loop traces compiled on both hosts give the reference evaluator's exits", async () => {
  const loops = path.join(ROOT, "tests", "programs", "jit_backend_loops.ts");
  const wasm = await translateProgram(loops, "jit_backend_loops-jit", { jit: true });
  const expected = runUntranslated(loops);
  assert.is(expected.stdout.split("compiled = evaluated").length - 1, 7, "untranslated, the evaluator stands in for every case");
  for (const [host, r] of runOnBothHosts(wasm)) {
    assert.is(r.stderr, "", `stderr on the ${host} host`);
    assert.is(r.stdout, expected.stdout, `stdout on the ${host} host`);
    assert.is(r.status, 0, `exit code on the ${host} host`);
  }
});

/** Runs a heap trace program translated with --jit (its traces compiled) on both hosts, with
 *  and without --gc-stress, against its untranslated run (plain code doing the same).
 *  Returns the --jit module (without --gc-stress). */
async function checkHeapTraces(name: string): Promise<string> {
  const entry = path.join(ROOT, "tests", "programs", `${name}.ts`);
  const expected = runUntranslated(entry);
  assert.is(expected.status, 0);
  const modules: string[] = [];
  for (const gcStress of [false, true]) {
    const wasm = await translateProgram(entry, `${name}-jit${gcStress ? "-stress" : ""}`, { jit: true, gcStress });
    modules.push(wasm);
    for (const [host, r] of runOnBothHosts(wasm)) {
      const mode = `${host} host${gcStress ? ", --gc-stress" : ""}`;
      assert.is(r.stderr, "", `stderr on the ${mode}`);
      assert.is(r.stdout, expected.stdout, `stdout on the ${mode}`);
      assert.is(r.status, 0, `exit code on the ${mode}`);
    }
  }
  return modules[0];
}

/** Runs the --jit module of tests/programs/NAME.ts (checkHeapTraces' first) at threshold 1
 *  with RTS_JITLOG on both hosts: the output must be the untranslated program's; `check` gets
 *  the host and a counter of the lines of a log section (by its title) that match. */
function checkLogAtThreshold1(jit: string, name: string, check: (host: string, count: (title: string, re: RegExp) => number) => void): void {
  const expected = runUntranslated(path.join(ROOT, "tests", "programs", `${name}.ts`));
  const log = path.join(os.tmpdir(), `rts-${name}-${process.pid}.log`);
  for (const [host, run] of [["node", runNodeHost], ["wasmtime", runWasmtimeHost]] as const) {
    fs.rmSync(log, { force: true });
    const r = run(jit, [], { env: { RTS_JIT: "threshold=1,async=0", RTS_JITLOG: log } });
    assert.is(r.stdout, expected.stdout, `stdout at threshold 1 on the ${host} host`);
    assert.is(r.stderr, "", `stderr at threshold 1 on the ${host} host`);
    const sections = fs.readFileSync(log, "utf8").split(/^(?=# )/m);
    check(host, (title, re) => (sections.find((s) => s.startsWith(title)) ?? "").split("\n").filter((l) => re.test(l)).length);
  }
  fs.rmSync(log, { force: true });
}

test("the trace backend on the heap: fields, typed arrays, calls, barrier, guards; also under --gc-stress", async () => {
  await checkHeapTraces("jit_backend_heap");
});

test("the trace backend on list items: ints, floats, booleans, refs, the barrier on the items object; appends and pops; out of range, an empty list's pop; also under --gc-stress", async () => {
  const jit = await checkHeapTraces("jit_backend_lists");
  // Out of range a compiled list read or write stops the program as the main module's does,
  // and so does a pop of an empty list.
  const plain = await translateProgram(path.join(ROOT, "tests", "programs", "jit_backend_lists.ts"), "jit_backend_lists-plain");
  for (const [arg, message] of [["get-out-of-range", "index 40 out of range for length 40"], ["set-out-of-range", "index -1 out of range for length 40"],
    ["empty-pop", "pop() on an empty array (RTS arrays do not hold undefined)"]]) {
    const reference = runNodeHost(plain, [arg]);
    assert.is(reference.stderr, `rts: runtime error: ${message}\n`, `${arg} without --jit`);
    for (const [host, r] of runOnBothHosts(jit, [arg])) {
      assert.is(r.stderr, reference.stderr, `${arg}: stderr on the ${host} host`);
      assert.is(r.stdout, reference.stdout, `${arg}: stdout on the ${host} host`);
      assert.is(r.status, 1, `${arg}: exit code on the ${host} host`);
    }
  }
});

test("allocation removal and lazy list appends: virtual objects rebuilt and pending appends performed where a guard fails (nested ones too), forced by a call and at the loop's jump; at threshold 1 as well; also under --gc-stress", async () => {
  checkLogAtThreshold1(await checkHeapTraces("jit_virtuals"), "jit_virtuals", (host, count) => {
    // The loop (traced from i = 1: no branch taken) allocates three Points, a Pair and an
    // Acc per step as recorded; optimized, nothing: the Acc the jump carries is unrolled
    // into its fields (a preamble, then the loop: two labels), and guards rebuild the
    // objects where they fail.
    assert.is(count("# loop 0 (recorded)", /^p\d+ = new\(/), 5, `recorded allocations on the ${host} host`);
    assert.is(count("# loop 0 (optimized)", /^p\d+ = new\(/), 0, `optimized allocations on the ${host} host`);
    assert.is(count("# loop 0 (optimized)", /^label\(/), 2, `an unrolled loop on the ${host} host`);
    assert.ok(count("# loop 0 (optimized)", /^ {4}on failure: p\d+ = new\(/) > 0, `a guard rebuilds virtuals on the ${host} host`);
    // Its two pushes are popped in the same step: they vanish, and the guards between
    // perform them where they fail.
    assert.is(count("# loop 0 (recorded)", /^i\d+ = list_append\(/), 2, `recorded appends on the ${host} host`);
    assert.is(count("# loop 0 (optimized)", /^i\d+ = list_(append|pop)/), 0, `optimized appends and pops on the ${host} host`);
    assert.ok(count("# loop 0 (optimized)", /^ {4}on failure: i\d+ = list_append\(/) > 0, `a guard performs pending appends on the ${host} host`);
  });
});

test("lazy writes: a state object's fields, list items and typed-array items written on the failure paths of the guards passed and before a call and the jump, dead writes dropped (a ref into an old object takes its barrier); at threshold 1 as well; also under --gc-stress", async () => {
  checkLogAtThreshold1(await checkHeapTraces("jit_lazywrites"), "jit_lazywrites", (host, count) => {
    // The step (traced where no branch is taken) writes the state's ref field and its int
    // field twice each as recorded; optimized, the first ref write is dead (the int field
    // shares its descriptor with a Point's field, whose read emits the first int write), and
    // the guards between make the writes kept back.
    const stateWrites = /^setfield_gc\(p2, /;
    assert.is(count("# loop 0 (recorded)", stateWrites), 4, `recorded writes of the state on the ${host} host`);
    assert.is(count("# loop 0 (optimized)", stateWrites), 3, `dead writes dropped on the ${host} host`);
    assert.ok(count("# loop 0 (optimized)", /^ {4}on failure: setfield_gc\(p2, p\d+, /) > 0, `a guard writes a ref into the state on the ${host} host`);
    assert.ok(count("# loop 0 (optimized)", /^ {4}on failure: setlistitem_gc\(/) > 0, `a guard writes a list item on the ${host} host`);
    assert.ok(count("# loop 0 (optimized)", /^ {4}on failure: setarrayitem_gc\(/) > 0, `a guard writes a typed-array item on the ${host} host`);
  });
});

test("readonly fields: read once from a constant object when traced, mutable ones and a redeclared one every time; also under --gc-stress", async () => {
  const jit = await checkHeapTraces("jit_readonly");
  const log = path.join(os.tmpdir(), `rts-jit-readonly-${process.pid}.log`);
  for (const [host, run] of [["node", runNodeHost], ["wasmtime", runWasmtimeHost]] as const) {
    fs.rmSync(log, { force: true });
    assert.is(run(jit, [], { env: { RTS_JIT: "async=0", RTS_JITLOG: log } }).stderr, "", `stderr on the ${host} host`);
    // One loop per code object (a green). Of the code object's fields and what they name
    // (the op list, the box and its value, the ratio, the closure and its captured factor,
    // the cell, the base) only two reads of a constant object are left: the cell's mutable
    // value and the base's tag, which a subclass makes mutable. The tracer does not record
    // the others (rlib/jitrt/dataops.ts getField), so the recorded loops have only those too.
    const loops = fs.readFileSync(log, "utf8").split(/^(?=# )/m).filter((s) => /^# loop \d+ \((recorded|optimized)\)/.test(s));
    assert.is(loops.length, 4, `loops on the ${host} host, as recorded and optimized`);
    for (const loop of loops) {
      const reads = loop.split("\n").filter((l) => /= getfield_gc_.\(ConstPtr\(/.test(l));
      assert.is(reads.length, 2, `reads of constant objects on the ${host} host:\n${reads.join("\n")}`);
      assert.ok(reads.every((l) => l.includes("getfield_gc_i(")), `only int fields are read on the ${host} host`);
    }
  }
  fs.rmSync(log, { force: true });
});

test("quasi-immutable fields: read as constants, the loops invalidated by writes in the loop and between runs and traced again, a field written too often read as an ordinary one; also under --gc-stress", async () => {
  const jit = await checkHeapTraces("jit_quasi");
  const log = path.join(os.tmpdir(), `rts-jit-quasi-${process.pid}.log`);
  for (const [host, run] of [["node", runNodeHost], ["wasmtime", runWasmtimeHost]] as const) {
    fs.rmSync(log, { force: true });
    const r = run(jit, [], { env: { RTS_JITLOG: log, RTS_JITSTATS: "1" } });
    const loops = fs.readFileSync(log, "utf8").split(/^(?=# )/m).filter((s) => /^# loop \d+ \(optimized\)/.test(s));
    const reads = (loop: string) => loop.split("\n").filter((l) => /= getfield_gc_.\(ConstPtr\(/.test(l)).length;
    // The `redefining` loop is traced again after each of the first writes of its global,
    // and so is `still` after each write from main: each of those loops reads its global's
    // fields as constants (none left to read) and checks guard_not_invalidated.
    const folded = loops.filter((l) => l.includes("guard_not_invalidated(") && reads(l) === 0);
    assert.ok(folded.length >= 4, `loops reading quasi-immutable fields as constants on the ${host} host: ${folded.length}`);
    // Past MAX_INVALIDATIONS (rlib/jitrt/quasiimmut.ts) the redefined and the hot globals are
    // read as ordinary fields; tracing the hot loop aborted until then (it wrote a field it
    // had read as a constant).
    assert.ok(loops.some((l) => reads(l) > 0), `a global read as an ordinary field on the ${host} host`);
    assert.match(r.stderr, /jit: \d+ traces, .* [1-9]\d* traces aborted/, `aborted traces on the ${host} host`);
  }
  fs.rmSync(log, { force: true });
});

test("virtualizable frames: a frame's fields and its lists' items at constant indices carried in registers across the loop's iterations, written back where a guard fails and before a call passed the frame, another list of the same item type apart; at threshold 1 as well; also under --gc-stress", async () => {
  checkLogAtThreshold1(await checkHeapTraces("jit_vable"), "jit_vable", (host, count) => {
    // Unrolled (a preamble, then the loop), the loop's label takes the frame's fields and
    // items as arguments: of the recorded reads and writes of the int list's items (all at
    // constant indices) none is left in the loop, only on the failure paths.
    const title = "# loop 0 (optimized)";
    assert.is(count(title, /^label\(/), 2, `an unrolled loop on the ${host} host`);
    assert.ok(count("# loop 0 (recorded)", /^setlistitem_gc\(p\d+, \d+, i\d+/) >= 4, `recorded writes of int items on the ${host} host`);
    // (The preamble's first writes of two items, which no read showed in range, are made
    // where they are: they check the index.)
    assert.is(count(title, /^setlistitem_gc\(p\d+, \d+, i\d+/), 2, `int items written in the loop on the ${host} host`);
    assert.ok(count(title, /^ {4}on failure: setlistitem_gc\(p\d+, \d+, i\d+/) > 0, `guards write the int items back on the ${host} host`);
    assert.ok(count(title, /^ {4}on failure: setfield_gc\(p\d+, p\d+/) > 0, `guards write a ref field back on the ${host} host`);
  });
});

test("without --jit the module does not mention rts_jit", async () => {
  const wasm = await translateProgram(program, "jit_hints-nojit");
  assert.not.ok(fs.readFileSync(wasm).includes("rts_jit"));
});

/** Instantiates a --jit module without running it, to read its data segment. */
async function instantiate(wasm: string): Promise<{ memory: DataView; exports: Record<string, unknown> }> {
  const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const module = await wasmApi.compile(fs.readFileSync(wasm));
  const imports: Record<string, Record<string, () => number>> = {};
  for (const i of wasmApi.Module.imports(module)) (imports[i.module] ??= {})[i.name] = () => 0;
  const instance = await wasmApi.instantiate(module, imports);
  const exports = instance.exports;
  return { memory: new DataView((exports.memory as { buffer: ArrayBuffer }).buffer), exports };
}
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: Record<string, unknown> }>;
  Module: { imports(module: object): { module: string; name: string }[] };
}

test("the jitcodes are in the data segment: code, opcode table, records, descriptors, call table", async () => {
  const wasm = await jitModule();
  const { memory, exports } = await instantiate(wasm);
  const i32 = (addr: number) => memory.getInt32(addr, true);
  // A typed array object: [type id, size], length at +8, elements from +16.
  const ints = (addr: number) => Array.from({ length: i32(addr + 8) }, (_, k) => i32(addr + 16 + 4 * k));
  const bytes = (addr: number) => Array.from({ length: i32(addr + 8) }, (_, k) => memory.getUint8(addr + 16 + k));
  const str = (addr: number) => String.fromCharCode(...Array.from({ length: i32(addr + 8) }, (_, k) => memory.getUint16(addr + 16 + 2 * k, true)));
  const [codeAddr, opcodesAddr, recordsAddr, offsetsAddr, wordsAddr] = ints((exports.rts_jit_info as { value: number }).value);
  const code = bytes(codeAddr);
  const opcodes = str(opcodesAddr).split("\n");
  for (const o of opcodes) assert.match(o, /^[\w-]+\/[irfcLdIRF>]*$/);
  const records = ints(recordsAddr);
  const offsets = ints(offsetsAddr);
  const words = ints(wordsAddr);
  const table = exports.rts_jit_table as { length: number; get(i: number): unknown };
  assert.is(records.length % 11, 0);
  let total = 0;
  const refConstants: string[] = [];
  for (let r = 0; r < records.length; r += 11) {
    const [offset, length, ni, nr, nf, , , refs, , nIntConsts] = records.slice(r, r + 11);
    assert.is(offset, total, "jitcodes are laid out one after the other");
    total += length;
    refConstants.push(...ints(refs).map((a) => str(a)));
    // Walk the bytes with the argcodes: every operand in range, ending exactly at the end.
    let pc = offset;
    const nRefs = ints(refs).length;
    const limit: Record<string, number> = { i: ni + nIntConsts, r: nr + nRefs, f: nf };
    while (pc < offset + length) {
      const [, argcodes] = opcodes[code[pc++]].split("/");
      for (let k = 0; k < argcodes.length; k++) {
        const a = argcodes[k];
        if (a === ">") {
          const kind = argcodes[++k];
          assert.ok(code[pc++] < limit[kind], "result register");
        } else if (a === "c") pc++;
        else if (a === "L") {
          assert.ok((code[pc] | (code[pc + 1] << 8)) < length, "label inside the jitcode");
          pc += 2;
        } else if (a === "d") {
          assert.ok((code[pc] | (code[pc + 1] << 8)) < offsets.length, "descriptor index");
          pc += 2;
        } else if (a === "I" || a === "R" || a === "F") {
          const n = code[pc++];
          for (let x = 0; x < n; x++) assert.ok(code[pc++] < limit[a.toLowerCase()], "list register");
        } else assert.ok(code[pc++] < limit[a], `register ${a}`);
      }
    }
    assert.is(pc, offset + length);
  }
  assert.is(total, code.length);
  assert.ok(refConstants.includes("top"), "the string constant of report(\"top\", ...)");
  // Descriptors: call targets are functions in the table; the driver carries its JitParams.
  let calls = 0;
  let driver: number[] | null = null;
  for (const o of offsets) {
    const tag = words[o];
    assert.ok(tag >= 1 && tag <= 9, `descriptor tag ${tag}`);
    if (tag === 3) {
      calls++;
      assert.is(typeof table.get(words[o + 1]), "function");
    }
    if (tag === 7) driver = words.slice(o, o + 5);
  }
  assert.ok(calls >= 3 && table.length >= 3, `${calls} call descriptors, table of ${table.length}`);
  assert.equal(driver, [7, 3, 6000, 2, 2], "threshold 3 (set in the program), trace limit 6000, 2 greens, 2 reds");
});

test.run();
