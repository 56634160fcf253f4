// `npm run bench`: each benchmark in each mode, in one run; prints times and ratios.
// Benchmarks are not tests: nothing here asserts a time (but a wrong output fails the run).
// `npm run bench -- REGEX` runs only the benchmarks whose name matches. A benchmark with
// `jit` is also translated with --jit and timed on both hosts. The --jit runs and the C
// reference take a few seconds at most and are timed BENCH_REPEATS times (default 3), in
// turn, the median shown: on a shared machine one run of BF mandelbrot varied by ±15% (and
// its C by more), which made a ratio between two single runs say little.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, translateProgram } from "../tests/harness.ts";
import { wasmtimeHost } from "../tests/support/python.ts";
import { bundleProgram } from "../targets/hosts/untranslated.ts";
import type { GcKind } from "../targets/wasm/index.ts";
import { compileBf } from "./bf2c.ts";

interface Bench {
  name: string;
  source: string;
  args: string[];
  /** A Brainfuck program to also time as C compiled with `cc -O2` (when cc exists). */
  bf?: string;
  /** The collector to translate with (default: the translator's). */
  gc?: GcKind;
  /** Also time the program translated with --jit. */
  jit?: boolean;
  /** A file holding the expected standard output (for Scheme: written by Guile 3.0). */
  expected?: string;
}

/** bench/scheme/FILE.scm on the Scheme interpreter, checked against FILE.out (Guile's output,
 *  but for tak-long's, see there). */
function scheme(title: string, file: string): Bench {
  return { name: `scheme ${title}`, source: "interpreters/scheme/scheme.ts", args: [`bench/scheme/${file}.scm`], jit: true, expected: `bench/scheme/${file}.out` };
}

const BENCHES: Bench[] = [
  { name: "bf mandelbrot", source: "interpreters/bf/bf.ts", args: ["interpreters/bf/examples/mandelbrot.b"], bf: "interpreters/bf/examples/mandelbrot.b", jit: true },
  { name: "bf hello", source: "interpreters/bf/bf.ts", args: ["interpreters/bf/examples/hello.b"], bf: "interpreters/bf/examples/hello.b", jit: true },
  { name: "binary-trees 16", source: "tests/programs/binary_trees.ts", args: ["16"] },
  { name: "binary-trees 16 marksweep", source: "tests/programs/binary_trees.ts", args: ["16"], gc: "marksweep" },
  scheme("fib 30", "fib"),
  scheme("tak 18 12 6", "tak"),
  scheme("tak 24 16 8", "tak-long"),
  scheme("named-let sum 3e7", "sum"),
  { name: "stackvm nested", source: "interpreters/stackvm/stackvm.ts", args: ["interpreters/stackvm/examples/nested.svm"], jit: true },
  { name: "stackvm collatz", source: "interpreters/stackvm/stackvm.ts", args: ["interpreters/stackvm/examples/collatz.svm"], jit: true, expected: "interpreters/stackvm/examples/collatz.out" },
];

/** Seconds, and the linear memory a translated program reported (RTS_GCSTATS), if any.
 *  Throws when the run fails or its output is not `expected` (a file's path). */
function run(cmd: string, args: string[], expected?: string): { seconds: number; memory: string | null } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RTS_GCSTATS: "1" }, encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  if (expected !== undefined && r.stdout !== fs.readFileSync(path.join(ROOT, expected), "utf8")) {
    throw new Error(`${cmd} ${args.join(" ")} printed ${JSON.stringify(r.stdout)}, not what ${expected} holds`);
  }
  return { seconds, memory: /linear memory ([\d.]+ MiB)/.exec(r.stderr)?.[1] ?? null };
}

function time(cmd: string, args: string[], expected?: string): number {
  return run(cmd, args, expected).seconds;
}

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/** A command to time: what `run` takes. */
type Command = [cmd: string, args: string[], expected?: string];

/** Per command (null: not timed), the median of REPEATS runs' seconds. The commands run in
 *  turn, REPEATS rounds: a ratio between two of them compares runs made close together
 *  (this machine's speed drifts by more than the runs of one command vary in a row). */
function medianTimes(commands: (Command | null)[]): (number | null)[] {
  const times: number[][] = commands.map(() => []);
  for (let i = 0; i < REPEATS; i++) {
    commands.forEach((c, k) => {
      if (c !== null) times[k].push(time(...c));
    });
  }
  return times.map((t) => (t.length === 0 ? null : t.sort((a, b) => a - b)[Math.floor(t.length / 2)]));
}

const NODE_MAIN = path.join(ROOT, "targets/hosts/node-main.mjs");
/** The wasmtime host as `rts run` starts it (under `python3 -S`, its modules compiled), with
 *  the Python interpreter itself: `python3` may be a launcher script that would be timed with
 *  every run. */
const [PYTHON, ...WASMTIME_HOST] = wasmtimeHost();

const rows: string[][] = [["benchmark", "untranslated", "node host", "wasmtime", "node --jit", "wasmtime --jit", "node/untr", "wasmtime/untr",
  "jit speedup", "C -O2", "wasmtime/C", "--jit/C", "wasm memory"]];
const wasms = new Map<string, string>();
/** The benchmark's program translated (with --jit if `jit`), once per program and options. */
async function translated(b: Bench, jit: boolean): Promise<string> {
  const key = `${b.source} ${b.gc ?? ""} ${jit}`;
  if (!wasms.has(key)) {
    const name = `${path.basename(b.source, ".ts")}${b.gc ? "-" + b.gc : ""}${jit ? "-jit" : ""}`;
    const wasm = await translateProgram(path.join(ROOT, b.source), name, { ...(b.gc ? { gc: b.gc } : {}), ...(jit ? { jit } : {}) });
    // Untimed: the wasmtime host's first run of a module compiles it into its cache.
    run(PYTHON, [...WASMTIME_HOST, wasm, ...b.args], b.expected);
    wasms.set(key, wasm);
  }
  return wasms.get(key)!;
}
const seconds = (s: number | null) => (s === null ? "-" : `${s.toFixed(2)} s`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null ? "-" : (a / b).toFixed(2));
const only = new RegExp(process.argv[3] ?? "");
for (const b of BENCHES.filter((x) => only.test(x.name))) {
  const wasm = await translated(b, false);
  const js = bundleProgram(path.join(ROOT, b.source));
  const untr = time(process.execPath, [js, ...b.args], b.expected);
  const node = time(process.execPath, [NODE_MAIN, wasm, ...b.args], b.expected);
  const wasmtime = run(PYTHON, [...WASMTIME_HOST, wasm, ...b.args], b.expected);
  const wt = wasmtime.seconds;
  const jitWasm = b.jit ? await translated(b, true) : null;
  const exe = b.bf ? path.join(path.dirname(wasm), `${path.basename(b.bf, ".b")}-c`) : null;
  const hasC = exe !== null && compileBf(path.join(ROOT, b.bf!), exe);
  const [nodeJit, wtJit, c] = medianTimes([
    jitWasm ? [process.execPath, [NODE_MAIN, jitWasm, ...b.args], b.expected] : null,
    jitWasm ? [PYTHON, [...WASMTIME_HOST, jitWasm, ...b.args], b.expected] : null,
    hasC ? [exe!, []] : null,
  ]);
  rows.push([b.name, seconds(untr), seconds(node), seconds(wt), seconds(nodeJit), seconds(wtJit), ratio(node, untr), ratio(wt, untr),
    ratio(wt, wtJit), seconds(c), ratio(wt, c), ratio(wtJit, c), wasmtime.memory ?? "-"]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
