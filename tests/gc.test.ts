// The garbage collectors (rlib/gc/) on memory: a program that churns through 2 GiB stays
// small, the generational collector's hard cases with both collectors on both hosts, the
// heap limit holds, and runtime code that calls the allocator keeps its pointers as roots.
// (Every corpus program also runs under --gc-stress with both collectors:
// tests/differential.test.ts.)
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { ROOT, runNodeHost, runUntranslated, runWasmtimeHost, translateProgram } from "./harness.ts";

const dir = path.join(ROOT, "tests", "programs");
const gcPrograms = path.join(ROOT, "tests", "gc-programs");

/** The numbers of an `rts gc:` statistics line. */
function stats(stderr: string): { collections: number; linearMiB: number } {
  const m = /rts gc: (\d+) minor \+ (\d+) major collections, .* linear memory ([\d.]+) MiB/.exec(stderr);
  assert.ok(m, `no statistics in: ${stderr}`);
  return { collections: Number(m![1]) + Number(m![2]), linearMiB: Number(m![3]) };
}

test("2 GiB allocated in total, little kept: linear memory stays under 64 MiB", async () => {
  const entry = path.join(gcPrograms, "churn.ts");
  const wasm = await translateProgram(entry);
  const expected = runUntranslated(entry);
  for (const run of [runNodeHost, runWasmtimeHost]) {
    const r = run(wasm, [], { env: { RTS_GCSTATS: "1" } });
    assert.is(r.stdout, expected.stdout);
    assert.is(r.status, 0);
    const s = stats(r.stderr);
    assert.ok(s.collections > 10, `only ${s.collections} collections`);
    assert.ok(s.linearMiB < 64, `linear memory ${s.linearMiB} MiB`);
  }
});

test("generations: barriers, remembered-set overflow, large arrays, prebuilt roots (both collectors, both hosts)", async () => {
  const entry = path.join(dir, "gc_generations.ts");
  const expected = runUntranslated(entry, ["250"]);
  for (const gc of ["generational", "marksweep"] as const) {
    const wasm = await translateProgram(entry, `generations-${gc}`, { gc });
    for (const run of [runNodeHost, runWasmtimeHost]) {
      const r = run(wasm, ["250"], { env: { RTS_GCSTATS: "1" } });
      assert.is(r.stdout, expected.stdout);
      assert.is(r.status, 0);
      if (gc === "generational") assert.ok(/rts gc: \d\d+ minor \+ [1-9]\d* major/.test(r.stderr), r.stderr);
    }
  }
});

test("beyond the heap limit: out of memory, exit 1 (--max-heap and RTS_MAX_HEAP)", async () => {
  const entry = path.join(gcPrograms, "hoard.ts");
  const limited = await translateProgram(entry, "hoard-limited", { maxHeap: 16 << 20 });
  const unlimited = await translateProgram(entry);
  for (const [wasm, env] of [[limited, {}], [unlimited, { RTS_MAX_HEAP: "16m" }]] as const) {
    const r = runNodeHost(wasm, [], { env });
    assert.is(r.status, 1);
    assert.is(r.stdout, "");
    assert.is(r.stderr.split("\n")[0], "rts: runtime error: out of memory");
  }
});

test("runtime code calling the allocator directly keeps its pointers as roots (--gc-stress: the call's collection moves them)", async () => {
  // Translated only: `allocate` is the runtime's. Before the GC transform counted a call
  // that reaches the collector as one that collects, the young receiver of a method call
  // whose argument allocates was updated in the heap but not in the caller (0, not 100).
  const wasm = await translateProgram(path.join(gcPrograms, "direct_allocate.ts"), "direct-allocate-stress", { gcStress: true });
  const r = runNodeHost(wasm);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "100\n");
});

test.run();
