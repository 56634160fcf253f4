// `npm test`: runs every tests/**/*.test.ts with uvu. binaryen is imported before tsx's
// loader is registered (through tsx its 14 MB module takes ~30 s to load), which is why
// this script exists instead of `uvu -r tsx`.
//
// An optional argument narrows the run to test files whose path matches it. Test files run
// in parallel child processes, one file each (TEST_JOBS of them at a time, default: the
// number of CPUs): most of a test's time is translating and running programs on one core.
// The biggest file runs as several children, each with a share of its tests (SHARDS), and
// the small ones in a few children of several files each (BATCHES).
// (Not RTS_ variables: the hosts pass those on to the guest programs under test.)
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const inProcess = process.argv[2] === "--in-process";
const only = process.argv[inProcess ? 3 : 2];
const pattern = only ? new RegExp(`^(?=.*(?:${only})).*\\.test\\.ts$`) : /\.test\.ts$/;
const jobs = inProcess ? 1 : Number(process.env.TEST_JOBS ?? os.availableParallelism());
const files = testFiles("tests").filter((f) => pattern.test(f));

/** The slowest first (measured, session 9), so that the last ones to finish are short: the
 *  Scheme, JIT and Brainfuck files, then the shards of the corpus, then the others. Matched
 *  against "tests/file [shard i/n]". */
const SLOW_FIRST = ["scheme", "jit-meta", "jit.test", "bf.test", "differential", "gcgraph", "fuzz", "stackvm", "gc.test", "diagnostics", "runtime-errors", "typecheck", "math", "jit-backend", "translations", "hosts", "jit-codewriter", "numconv", "strmethods"];
/** Files run as this many children, each taking its share of the tests (TEST_SHARD=i/n, see
 *  shard() in harness.ts): the corpus, translated and run in every mode, would otherwise be
 *  the critical path of the whole run. */
const SHARDS = { "differential.test.ts": 6 };
/** The files SLOW_FIRST does not name take a second or two each, most of it a child's start
 *  (Node, tsx, the test's modules: ~0.6 s of CPU, and ~0.5 s more to load binaryen, which
 *  they need not): they run in this many children, each taking every BATCHES-th of them
 *  (16 files: 28 s of CPU each in a child of its own, 9 s in three). */
const BATCHES = 3;

const runs = [
  ...files.filter((f) => rankOf(f) < SLOW_FIRST.length).flatMap((file) => {
    const n = SHARDS[file] ?? 1;
    return Array.from({ length: n }, (_, i) => ({ files: [file], shard: n > 1 ? `${i}/${n}` : null }));
  }),
  ...batches(files.filter((f) => rankOf(f) === SLOW_FIRST.length)),
];
if (jobs <= 1 || runs.length <= 1) await runInProcess();
else process.exitCode = await runInParallel(runs, jobs);

async function runInProcess() {
  if (files.some(loadsBinaryen)) await import("binaryen");
  const { register } = await import("tsx/esm/api");
  register();
  const { parse } = await import("uvu/parse");
  const { run } = await import("uvu/run");
  const ctx = await parse("tests", pattern, {});
  await run(ctx.suites, { bail: false });
}

/** Test files, relative to `dir` as uvu matches them. */
function testFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".test.ts")).sort();
}

/** Whether a test file loads binaryen, following its relative imports (the translator's
 *  backend imports it); true when one cannot be read, which is only slower. */
function loadsBinaryen(file) {
  const seen = new Set();
  const pending = [path.resolve("tests", file)];
  for (let f = pending.pop(); f !== undefined; f = pending.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    let text;
    try {
      text = fs.readFileSync(f, "utf8");
    } catch {
      return true;
    }
    for (const [, spec] of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
      if (spec === "binaryen") return true;
      if (spec.startsWith(".")) pending.push(path.resolve(path.dirname(f), spec));
    }
  }
  return false;
}

/** SLOW_FIRST's index of the first name in it that `name` contains; its length if none. */
function rankOf(name) {
  const i = SLOW_FIRST.findIndex((s) => name.includes(s));
  return i < 0 ? SLOW_FIRST.length : i;
}

function rank(run) {
  return rankOf(runName(run));
}

function batches(small) {
  const n = Math.min(BATCHES, small.length);
  return Array.from({ length: n }, (_, i) => ({ files: small.filter((_, k) => k % n === i), shard: null }));
}

function runName({ files, shard }) {
  return shard ? `tests/${files[0]} [shard ${shard}]` : files.map((f) => `tests/${f}`).join(", ");
}

/** Runs each file (or shard of a file) in its own child, its output printed whole when it
 *  ends, with how long it took; 1 if any failed. */
async function runInParallel(runs, jobs) {
  const queue = [...runs].sort((a, b) => rank(a) - rank(b));
  const start = Date.now();
  const totals = { total: 0, passed: 0, skipped: 0 };
  const failed = [];
  const worker = async () => {
    for (let run = queue.shift(); run; run = queue.shift()) {
      const t0 = Date.now();
      const { code, output } = await runFile(run);
      const name = runName(run);
      const seconds = ((Date.now() - t0) / 1000).toFixed(0);
      process.stdout.write(`\n=== ${name} (${code === 0 ? "ok" : "FAILED"}, ${seconds} s)\n${output}`);
      for (const key of Object.keys(totals)) {
        const m = new RegExp(`${key}:\\s+(\\d+)`, "i").exec(output);
        if (m) totals[key] += Number(m[1]);
      }
      if (code !== 0) failed.push(name);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  const seconds = ((Date.now() - start) / 1000).toFixed(0);
  console.log(`\n${files.length} test files (${runs.length} runs) in ${seconds} s: ${totals.total} tests, ${totals.passed} passed, ${totals.skipped} skipped`);
  if (failed.length > 0) console.log(`FAILED: ${failed.join(", ")}`);
  return failed.length > 0 ? 1 : 0;
}

function runFile({ files, shard }) {
  const exact = files.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [process.argv[1], "--in-process", `^(?:${exact})$`], {
      stdio: ["ignore", "pipe", "pipe"],
      env: shard ? { ...process.env, TEST_SHARD: shard } : process.env,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
