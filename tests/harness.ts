// Shared helpers for the differential tests: translate a program in-process, and run it
// untranslated, on the Node host and on the wasmtime host, capturing what it prints.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { translate, TranslateOptions } from "../translator/driver.ts";
import { BUNDLE_NODE_FLAGS, bundleProgram } from "../targets/hosts/untranslated.ts";
import { python, wasmtimeHost } from "./support/python.ts";
import { translations } from "./support/translations.ts";

export { python, wasmtimeHost };

/** What `rts translate` does by default. */
export const DEFAULTS: TranslateOptions = { optimize: 2, dump: null, dumpFilter: null, log: () => {}, gc: "generational", gcStress: false, maxHeap: 0 };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "rts-test-"));

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

export interface RunOptions {
  stdin?: string;
  cwd?: string;
  /** Extra environment variables (e.g. RTS_GCSTATS). */
  env?: Record<string, string>;
}

/** Runs a command to its end; its output as text (for a program that writes bytes, spawnSync). */
export function runCommand(cmd: string, args: string[], opts: RunOptions = {}): RunResult {
  const env = { ...process.env, ...opts.env };
  const r = spawnSync(cmd, args, { input: opts.stdin ?? "", cwd: opts.cwd ?? ROOT, env, encoding: "utf8", maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** This process's share of `items` when tests/run.mjs runs a test file in several children
 *  (TEST_SHARD=i/n); all of them otherwise. The items are dealt heaviest first, each to the
 *  share that weighs least so far (the first of equals), so that the children take about as
 *  long: with equal weights, every n-th item from the i-th. Every child deals alike and
 *  keeps its items in their order. */
export function shard<T>(items: readonly T[], weight: (item: T) => number = () => 1): T[] {
  const m = /^(\d+)\/(\d+)$/.exec(process.env.TEST_SHARD ?? "");
  if (!m) return [...items];
  const [i, n] = [Number(m[1]), Number(m[2])];
  const loads = new Array<number>(n).fill(0);
  const mine = new Set<number>();
  const heaviestFirst = items.map((item, k) => ({ k, w: weight(item) })).sort((a, b) => b.w - a.w || a.k - b.k);
  for (const { k, w } of heaviestFirst) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] += w;
    if (lightest === i) mine.add(k);
  }
  return items.filter((_, k) => mine.has(k));
}

/** Translates `entry` to a .wasm in the test work directory (or takes the module a translation
 *  of the same sources with the same options made, from build/translations/: see
 *  support/translations.ts); returns its path. */
export async function translateProgram(entry: string, name = path.basename(entry, ".ts"), options: Partial<TranslateOptions> = {}): Promise<string> {
  const out = path.join(WORK, `${name}.wasm`);
  fs.writeFileSync(out, await translations.translation(entry, { ...DEFAULTS, ...options }, translate));
  return out;
}

const bundles = new Map<string, string>();

export function runUntranslated(entry: string, args: string[] = [], opts: RunOptions = {}): RunResult {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = bundleProgram(entry, path.join(WORK, `${path.basename(entry, ".ts")}-${bundles.size}.mjs`));
    bundles.set(entry, bundle);
  }
  return runCommand(process.execPath, [...BUNDLE_NODE_FLAGS, bundle, ...args], opts);
}

export function runNodeHost(wasm: string, args: string[] = [], opts: RunOptions = {}): RunResult {
  return runCommand(process.execPath, [path.join(ROOT, "targets/hosts/node-main.mjs"), wasm, ...args], opts);
}

export function runWasmtimeHost(wasm: string, args: string[] = [], opts: RunOptions = {}): RunResult {
  const [command, ...hostArgs] = wasmtimeHost();
  return runCommand(command, [...hostArgs, wasm, ...args], opts);
}

/** The module run on the Node host and on the wasmtime host: each host's name and result. */
export function runOnBothHosts(wasm: string, args: string[] = [], opts: RunOptions = {}): [string, RunResult][] {
  return [["node", runNodeHost(wasm, args, opts)], ["wasmtime", runWasmtimeHost(wasm, args, opts)]];
}
