// The backbone: every program in tests/programs runs untranslated on Node and translated on
// the Node and wasmtime hosts, and must print the same and exit the same in all three.
// Then under stress, the garbage collectors (rlib/gc/): translated with --gc-stress (a
// collection at every allocation: a full one with marksweep, a minor one with generational,
// plus a major one every 16), every program must still print exactly what it prints
// untranslated, with both collectors: a root the translator failed to keep or reload, or a
// missing write barrier, shows up as corrupted output.
//
// tests/run.mjs runs this file in several children, each with its share of the corpus
// (harness.ts shard(), by WEIGHTS below): it is the suite's biggest file.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, RunResult, runNodeHost, runOnBothHosts, runUntranslated, shard, translateProgram } from "./harness.ts";

const dir = path.join(ROOT, "tests", "programs");
const corpus = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();

/** Seconds of a program's three tests (translations and runs, the untranslated run
 *  included), measured on a loaded machine (2026-11-26, session 9, so only their ratios
 *  count), for the programs that take longest; the others take 2.5 to 8 s, half of them 3.4
 *  to 5.2 s (the first program a child runs also pays its start, ~6 s). They weigh each program in the deal of the corpus to the shards (harness.ts
 *  shard()): a program's tests stay in one child, which runs it untranslated once. The
 *  heaviest are marksweep --gc-stress runs (a full collection at every allocation). */
const WEIGHTS = new Map<string, number>([
  ["jitopt_loop.ts", 38], ["maps_word_count.ts", 34], ["jit_virtuals.ts", 15], ["binary_trees.ts", 15],
  ["jit_backend_heap.ts", 12], ["jit_backend_loops.ts", 11], ["jit_backend_lists.ts", 10], ["calc_lang.ts", 9],
]);
const TYPICAL_WEIGHT = 4;

/** Arguments for a program's --gc-stress runs (none otherwise): a smaller input where a full
 *  collection at every allocation over a growing heap makes the run quadratic. jitopt_loop's
 *  long loop of 400 guest instructions (the plain runs keep it) takes 100 under stress: the
 *  same optimizer code on a quarter of the trace; its marksweep run went from 200 k
 *  collections of up to 3.3 MiB (233 s of CPU) to 48 k of up to 0.8 MiB (12 s). */
const STRESS_ARGS = new Map<string, string[]>([["jitopt_loop.ts", ["100"]]]);

test("the corpus has at least 30 programs", () => {
  assert.ok(corpus.length >= 30, `only ${corpus.length}`);
});

/** Each program's untranslated run (with these arguments), which its tests compare with. */
const untranslated = new Map<string, RunResult>();
function expectedOf(entry: string, args: string[] = []): RunResult {
  const key = [entry, ...args].join("\0");
  if (!untranslated.has(key)) untranslated.set(key, runUntranslated(entry, args));
  return untranslated.get(key)!;
}

for (const file of shard(corpus, (f) => WEIGHTS.get(f) ?? TYPICAL_WEIGHT)) {
  const entry = path.join(dir, file);
  test(file, async () => {
    const wasm = await translateProgram(entry);
    const expected = expectedOf(entry);
    assert.is(expected.stderr, "", "the untranslated run wrote to stderr");
    for (const [host, r] of runOnBothHosts(wasm)) {
      assert.is(r.stdout, expected.stdout, `stdout on the ${host} host`);
      assert.is(r.status, expected.status, `exit code on the ${host} host`);
      assert.is(r.stderr, "", `stderr on the ${host} host`);
    }
  });
  for (const gc of ["generational", "marksweep"] as const) {
    test(`${file} under --gc-stress --gc=${gc}`, async () => {
      // Unoptimized (-O0): what --gc-stress tests, the roots kept in the shadow stack, their
      // reloads and the write barriers, is emitted by the translator before binaryen, and
      // binaryen's optimizations preserve it; the test above runs the -O2 module, so the corpus
      // runs at both levels. Measured (CPU seconds, /usr/bin/time, `rts translate --gc-stress`
      // then `rts run`, -O0 / -O2): -O2 costs 1.5 to 4.7 s more per translation (2.5 s on
      // average over 8 programs: ~570 s over the corpus's stress modules) and makes no run
      // faster beyond noise, the heaviest included: jitopt_loop 22.4 / 19.5 (generational) and
      // 316 / 307 (marksweep), maps_word_count 1.9 / 1.8 and 26.0 / 24.0, binary_trees 1.3 / 1.0
      // and 11.2 / 13.2; hello 0.34 / 0.35. (V8 compiles the module itself either way.)
      const wasm = await translateProgram(entry, `${path.basename(file, ".ts")}-stress-${gc}`, { gc, gcStress: true, optimize: 0 });
      const args = STRESS_ARGS.get(file) ?? [];
      const expected = expectedOf(entry, args);
      const r = runNodeHost(wasm, args);
      assert.is(r.stdout, expected.stdout);
      assert.is(r.status, expected.status);
      assert.is(r.stderr, "");
    });
  }
}

test.run();
