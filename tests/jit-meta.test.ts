// The meta-interpreter (rlib/jitrt/): with --jit the interpreters trace their hot loops (at
// threshold 1 every loop is traced at its first backward jump) and their output must not
// change; the recorded traces (RTS_JITLOG) have the expected shape.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, runNodeHost, runOnBothHosts, runWasmtimeHost, translateProgram } from "./harness.ts";

const BF = path.join(ROOT, "interpreters", "bf", "bf.ts");
const EXAMPLES = path.join(ROOT, "interpreters", "bf", "examples");
let bfJit: Promise<string> | null = null;
const bf = () => (bfJit ??= translateProgram(BF, "bf-jit-meta", { jit: true }));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rts-jitmeta-"));
const RUNS = Number(process.env.RTS_JIT_PROPERTY_RUNS ?? 6);

test("every Brainfuck example gives its expected output with --jit at thresholds 1 and 1000 (the default, RTS_JIT unset), on both hosts", async () => {
  const wasm = await bf();
  for (const name of ["hello", "squares", "wrap", "rot13", "cat"]) {
    const input = path.join(EXAMPLES, `${name}.in`);
    const args = [path.join(EXAMPLES, `${name}.b`), ...(fs.existsSync(input) ? [input] : [])];
    const expected = fs.readFileSync(path.join(EXAMPLES, `${name}.out`), "utf8");
    for (const threshold of ["1", "1000"]) {
      const env: Record<string, string> = threshold === "1" ? { RTS_JIT: "threshold=1" } : {};
      for (const [host, r] of runOnBothHosts(wasm, args, { env })) {
        assert.is(r.stdout, expected, `${name}.b, threshold ${threshold}, ${host} host`);
        assert.is(r.status, 0, `${name}.b exit code, threshold ${threshold}, ${host} host`);
        assert.is(r.stderr, "", `${name}.b stderr, threshold ${threshold}, ${host} host`);
      }
    }
  }
});

test("RTS_JITLOG: a Brainfuck loop traced at threshold 1 (one iteration from the backward jump back to it), as recorded and optimized, its runs and its guard failures", async () => {
  const wasm = await bf();
  const prog = path.join(tmp, "loop.b");
  fs.writeFileSync(prog, "++++++++[>++++++++<-]>+.");
  const log = path.join(tmp, "loop.log");
  for (const [host, run] of [["node", runNodeHost], ["wasmtime", runWasmtimeHost]] as const) {
    fs.rmSync(log, { force: true });
    // async=0: the log's traces and failure counts must not depend on the compiler's timing.
    const r = run(wasm, [prog], { env: { RTS_JIT: "threshold=1,async=0", RTS_JITLOG: log } });
    assert.is(r.stdout, "A", `output on the ${host} host`);
    const text = fs.readFileSync(log, "utf8");
    const sections = text.split(/^(?=# )/m);
    assert.equal(sections.map((t) => t.split("\n")[0]), ["# loop 0 (recorded)", "# loop 0 (optimized)", "# runs", "# guard failures"], text);
    for (const [k, section] of sections.slice(0, 2).entries()) {
      const lines = section.trimEnd().split("\n");
      // One loop: the reds (ptr, tape, io) are its inputs, the greens are constants. The
      // interpreter promotes the tape: a constant after the guard_value at the top.
      assert.is(lines[1], "[i0, p1, p2]", text);
      assert.is(lines[2], "label(i0, p1, p2)", text);
      assert.is(lines.filter((l) => /^guard_value\(p1, ConstPtr\(\d+\)\)/.test(l)).length, 1, text);
      assert.match(lines[lines.length - 1], /^jump\(i\d+, ConstPtr\(\d+\), p\d+\)$/, text);
      // The body: > ++++++++ < - on the tape; the program's arrays are read through elidable
      // functions (bf.ts's opAt, argAt), so no read of them and no guard on the dispatch is left.
      // Optimized, the test of the cell after `-` is the value just stored (x & 255 fits a
      // Uint8Array item): one read fewer.
      const reads = k === 0 ? 3 : 2;
      assert.is(lines.filter((l) => /= getarrayitem_gc_i\(ConstPtr\(\d+\), /.test(l)).length, reads, text);
      assert.is(lines.filter((l) => /= getarrayitem_gc_i\(/.test(l)).length, reads, text);
      assert.is(lines.filter((l) => /^setarrayitem_gc\(ConstPtr\(\d+\), /.test(l)).length, 2, text);
      // & 255 and the test of the cell are native operations, not calls.
      assert.is(lines.filter((l) => /call/.test(l)).length, 0, text);
      assert.is(lines.filter((l) => /= int32_and\(i\d+, 255\)$/.test(l)).length, 2, text);
    }
    // Optimized, the loop knows at its label what one iteration establishes (opt/peel.ts):
    // the tape is the constant, the pointer in range, checked once by entry guards. The
    // loop proper (after its own label) has no range check left: its one guard is the
    // loop's test, and the tape's accesses need no bounds check. The two cells' writes are
    // kept back (opt/lazywrites.ts): made after the guard, or on its failure path.
    const optimized = sections[1].trimEnd().split("\n");
    const header = optimized.findIndex((l, i) => i > 2 && l.startsWith("label("));
    assert.ok(header > 0, text);
    assert.match(optimized[header], /^label\(i\d+, ConstPtr\(\d+\), p\d+\)$/, text);
    const loop = optimized.slice(header);
    assert.is(loop.filter((l) => /^guard_/.test(l)).length, 1, text);
    assert.is(loop.filter((l) => /^\S.*_gc(_i)?\(.*, in bounds\)/.test(l)).length, 4, text);
    assert.is(loop.filter((l) => /^ +on failure: setarrayitem_gc\(.*, in bounds\)$/.test(l)).length, 2, text);
    // The loop runs 8 times: the 2nd iteration is traced, the 3rd interpreted, then the
    // compiled loop runs once for the other 5, and its last guard (the cell is not zero)
    // fails once, when it leaves.
    assert.is(sections[2], "# runs\nloop 0: 1 runs, 5 iterations\n", text);
    assert.match(sections[3], /^# guard failures\nloop 0 guard \d+: 1 failures: guard_true\(i\d+\) \[[^\]]*\]\n( +on failure: setarrayitem_gc\(.*\)\n){2}$/, text);
  }
});

test("under --gc-stress (every allocation collects, objects move) traced and compiled loops give the same output", async () => {
  const wasm = await translateProgram(BF, "bf-jit-meta-stress", { jit: true, gcStress: true });
  for (const name of ["hello", "squares"]) {
    const expected = fs.readFileSync(path.join(EXAMPLES, `${name}.out`), "utf8");
    const r = runNodeHost(wasm, [path.join(EXAMPLES, `${name}.b`)], { env: { RTS_JIT: "threshold=1" } });
    assert.is(r.stdout, expected, `${name}.b`);
    assert.is(r.status, 0, `${name}.b exit code`);
  }
});

test("RTS_JITSTATS: loops traced and compiled, guard failures, entries into compiled code", async () => {
  const r = runNodeHost(await bf(), [path.join(EXAMPLES, "hello.b")], { env: { RTS_JIT: "threshold=1", RTS_JITSTATS: "1" } });
  assert.match(r.stderr, /^jit: [1-9]\d* traces, [1-9]\d* loops and [1-9]\d* bridges compiled, \d+ traces aborted, [1-9]\d* guard failures, \d+ ms tracing\njit: compiled code entered [1-9]\d* times, [1-9]\d* functions compiled \(\d+ KiB of Wasm\), \d+ in the background \(\d+ collected\)\njit: \d+ trees compiled again with their bridges \(\d+ operations\), \d+ loop trees copied into others' functions \(\d+ operations\)\njit: of the time tracing, \d+ ms encoding Wasm and \d+ ms in the host's compiler\njit: \d+ ms resuming from guard failures in the blackhole\n$/);
});

test("RTS_JIT=async=0 and 1 (the default): trace trees compiled again while the program waits or in the background, the same output on both hosts; RTS_JITSTATS counts the compiles submitted and collected", async () => {
  const wasm = await bf();
  const expected = fs.readFileSync(path.join(EXAMPLES, "squares.out"), "utf8");
  for (const async of ["0", "1"]) {
    const env = { RTS_JIT: `threshold=1,async=${async}`, RTS_JITSTATS: "1" };
    for (const [host, r] of runOnBothHosts(wasm, [path.join(EXAMPLES, "squares.b")], { env })) {
      const where = `async=${async}, ${host} host`;
      assert.is(r.stdout, expected, `output, ${where}`);
      assert.is(r.status, 0, `exit code, ${where}`);
      const counts = /(\d+) bridges compiled.*\n.* (\d+) in the background \((\d+) collected\)\n/.exec(r.stderr);
      assert.ok(counts, `stats, ${where}: ${r.stderr}`);
      const [bridges, submitted, collected] = counts!.slice(1).map(Number);
      assert.ok(bridges > 0, `bridges, ${where}`);
      if (async === "0") assert.equal([submitted, collected], [0, 0], `nothing in the background, ${where}`);
      else assert.ok(submitted > 0 && collected <= submitted, `compiles in the background, ${where}: ${r.stderr}`);
    }
  }
});

test("a run that ends while compiles are still pending in the background exits cleanly on wasmtime (the compiler thread writes no done word into the guest's deleted memory): ten runs at threshold 1", async () => {
  const wasm = await bf();
  const expected = fs.readFileSync(path.join(EXAMPLES, "squares.out"), "utf8");
  for (let run = 0; run < 10; run++) {
    const r = runWasmtimeHost(wasm, [path.join(EXAMPLES, "squares.b")], { env: { RTS_JIT: "threshold=1" } });
    assert.is(r.stdout, expected, `output, run ${run}`);
    assert.is(r.status, 0, `exit code, run ${run}: ${r.stderr}`);
  }
});

test("loops that go on in each other (an outer loop's two inner loops, one printing): the older one's function holds a copy of the other's tree, which goes back to its start (RTS_JITSTATS); the same output on both hosts, at thresholds 10 and 50, and under --gc-stress", async () => {
  // Cells: 1 the outer loop's counter, 3-14 the letters A-L, 2 and 15 zero. Each round
  // prints the letters going right ([.>]: a residual call) and comes back ([<]). (Which
  // loops a threshold makes hot first depends on where the program's arrays are, and so on
  // the arguments' lengths: at threshold 3 the outer loop is traced first here.)
  const letters = Array.from({ length: 12 }, (_, i) => "+".repeat(65 + i) + ">").join("");
  const program = path.join(tmp, "pingpong.b");
  fs.writeFileSync(program, `>>>${letters}${"<".repeat(14)}${"+".repeat(60)}[>>[.>]<[<]<-]${"+".repeat(10)}.`);
  const expected = "ABCDEFGHIJKL".repeat(60) + "\n";
  const stress = await translateProgram(BF, "bf-jit-meta-stress", { jit: true, gcStress: true });
  for (const threshold of ["10", "50"]) {
    const env = { RTS_JIT: `threshold=${threshold},async=0`, RTS_JITSTATS: "1" };
    const runs = [...runOnBothHosts(await bf(), [program], { env }), ["node, --gc-stress", runNodeHost(stress, [program], { env })] as const];
    for (const [host, r] of runs) {
      const where = `threshold ${threshold}, ${host} host`;
      assert.is(r.stdout, expected, `output, ${where}`);
      assert.is(r.status, 0, `exit code, ${where}`);
      assert.match(r.stderr, /, [1-9]\d* loop trees copied into others' functions/, `a copy, ${where}: ${r.stderr}`);
    }
  }
});

/** A terminating Brainfuck program: loops count a cell set just before them down from at
 *  most 5, and their bodies come back to the counter (they work on cells to its right). */
const bfProgram: fc.Arbitrary<string> = fc.letrec<{ block: string; item: string }>((tie) => ({
  block: fc.array(tie("item"), { maxLength: 5 }).map((items) => items.join("")),
  item: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 1, max: 7 }).map((n) => "+".repeat(n)),
    fc.integer({ min: 1, max: 7 }).map((n) => "-".repeat(n)),
    fc.constant("."),
    fc.tuple(fc.integer({ min: 1, max: 3 }), tie("block")).map(([d, b]) => `${">".repeat(d)}${b}${"<".repeat(d)}`),
    fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), tie("block")).map(
      ([k, d, b]) => `[-]${"+".repeat(k)}[${">".repeat(d)}${b}${"<".repeat(d)}-]`,
    ),
  ),
})).block;

test("fast-check: random terminating Brainfuck programs print the same with --jit at threshold 1", async () => {
  const wasm = await bf();
  let n = 0;
  fc.assert(
    fc.property(bfProgram, (src) => {
      const prog = path.join(tmp, `random${n++}.b`);
      fs.writeFileSync(prog, `${src}+[>+.<-]`);
      const plain = runNodeHost(wasm, [prog], { env: { RTS_JIT: "threshold=1000000" } });
      const jitted = runNodeHost(wasm, [prog], { env: { RTS_JIT: "threshold=1" } });
      assert.is(jitted.stdout, plain.stdout, src);
      assert.is(jitted.status, plain.status, src);
    }),
    { numRuns: RUNS },
  );
});

test.run();
