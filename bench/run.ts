// `npm run bench`: each benchmark in each mode, in one run; prints times and ratios.
// Benchmarks are not tests: nothing here asserts a time. `npm run bench -- REGEX` runs only
// the benchmarks whose name matches.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ROOT, translateProgram } from "../tests/harness.ts";
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
}

const BENCHES: Bench[] = [
  { name: "bf mandelbrot", source: "interpreters/bf/bf.ts", args: ["interpreters/bf/examples/mandelbrot.b"], bf: "interpreters/bf/examples/mandelbrot.b" },
  { name: "bf hello", source: "interpreters/bf/bf.ts", args: ["interpreters/bf/examples/hello.b"], bf: "interpreters/bf/examples/hello.b" },
  { name: "binary-trees 16", source: "tests/programs/binary_trees.ts", args: ["16"] },
  { name: "binary-trees 16 marksweep", source: "tests/programs/binary_trees.ts", args: ["16"], gc: "marksweep" },
  { name: "scheme fib 25", source: "interpreters/scheme/scheme.ts", args: ["bench/scheme/fib.scm"] },
  { name: "scheme loop 1e7", source: "interpreters/scheme/scheme.ts", args: ["bench/scheme/loop.scm"] },
  { name: "stackvm nested", source: "interpreters/stackvm/stackvm.ts", args: ["interpreters/stackvm/examples/nested.svm"] },
];

/** Seconds, and the linear memory a translated program reported (RTS_GCSTATS), if any. */
function run(cmd: string, args: string[]): { seconds: number; memory: string | null } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, RTS_GCSTATS: "1" }, encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { seconds, memory: /linear memory ([\d.]+ MiB)/.exec(r.stderr)?.[1] ?? null };
}

function time(cmd: string, args: string[]): number {
  return run(cmd, args).seconds;
}

const rows: string[][] = [["benchmark", "untranslated", "node host", "wasmtime", "node/untr", "wasmtime/untr", "C -O2", "wasmtime/C", "wasm memory"]];
const wasms = new Map<string, string>();
const only = new RegExp(process.argv[3] ?? "");
for (const b of BENCHES.filter((x) => only.test(x.name))) {
  const key = `${b.source} ${b.gc ?? ""}`;
  if (!wasms.has(key)) wasms.set(key, await translateProgram(path.join(ROOT, b.source), `${path.basename(b.source, ".ts")}${b.gc ? "-" + b.gc : ""}`, b.gc ? { gc: b.gc } : {}));
  const wasm = wasms.get(key)!;
  const js = bundleProgram(path.join(ROOT, b.source));
  const untr = time(process.execPath, [js, ...b.args]);
  const node = time(process.execPath, [path.join(ROOT, "targets/hosts/node-main.mjs"), wasm, ...b.args]);
  const wasmtime = run("python3", [path.join(ROOT, "targets/hosts/wasmtime_host.py"), wasm, ...b.args]);
  const wt = wasmtime.seconds;
  const exe = b.bf ? path.join(path.dirname(wasm), `${path.basename(b.bf, ".b")}-c`) : null;
  const c = exe && compileBf(path.join(ROOT, b.bf!), exe) ? time(exe, []) : null;
  rows.push([b.name, `${untr.toFixed(2)} s`, `${node.toFixed(2)} s`, `${wt.toFixed(2)} s`, (node / untr).toFixed(2), (wt / untr).toFixed(2),
    c === null ? "-" : `${c.toFixed(2)} s`, c === null ? "-" : (wt / c).toFixed(2), wasmtime.memory ?? "-"]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
