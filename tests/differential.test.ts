// The backbone: every program in tests/programs runs untranslated on Node and translated on
// the Node and wasmtime hosts, and must print the same and exit the same in all three.
// Then under stress, the garbage collectors (rlib/gc/): translated with --gc-stress (a
// collection at every allocation: a full one with marksweep, a minor one with generational,
// plus a major one every 16), every program must still print exactly what it prints
// untranslated, with both collectors: a root the translator failed to keep or reload, or a
// missing write barrier, shows up as corrupted output.
//
// tests/run.mjs runs this file in several children, each with its share of the corpus
// (harness.ts shard()): it is the suite's biggest file.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, RunResult, runNodeHost, runUntranslated, runWasmtimeHost, shard, translateProgram } from "./harness.ts";

const dir = path.join(ROOT, "tests", "programs");
/** The programs whose --gc-stress runs take the longest, by far with marksweep, which
 *  collects the whole heap at every allocation (jitopt_loop: ~2 min of CPU). They go first,
 *  each to a shard of its own (shard() deals the corpus out in order), and tests/run.mjs
 *  starts the first shard first. */
const SLOWEST = ["jitopt_loop.ts", "maps_word_count.ts", "binary_trees.ts"];
const corpus = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort((a, b) => slowFirst(a) - slowFirst(b) || a.localeCompare(b));

function slowFirst(file: string): number {
  const i = SLOWEST.indexOf(file);
  return i < 0 ? SLOWEST.length : i;
}

test("the corpus has at least 30 programs", () => {
  assert.ok(corpus.length >= 30, `only ${corpus.length}`);
});

/** Each program's untranslated run, which all its tests compare with. */
const untranslated = new Map<string, RunResult>();
function expectedOf(entry: string): RunResult {
  if (!untranslated.has(entry)) untranslated.set(entry, runUntranslated(entry));
  return untranslated.get(entry)!;
}

for (const file of shard(corpus)) {
  const entry = path.join(dir, file);
  test(file, async () => {
    const wasm = await translateProgram(entry);
    const expected = expectedOf(entry);
    assert.is(expected.stderr, "", "the untranslated run wrote to stderr");
    for (const [host, r] of [["node", runNodeHost(wasm)], ["wasmtime", runWasmtimeHost(wasm)]] as const) {
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
      const expected = expectedOf(entry);
      const r = runNodeHost(wasm);
      assert.is(r.stdout, expected.stdout);
      assert.is(r.status, expected.status);
      assert.is(r.stderr, "");
    });
  }
}

test.run();
