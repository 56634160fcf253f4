// Untranslated mode: the RTS program is ordinary TypeScript, so esbuild bundles it with a
// tiny entry that calls `main(argv)` and Node runs the bundle in a child process.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RLIB_DIR, RTS_ROOT } from "../../translator/paths.ts";

/** How Node runs a bundle: with its source map, so that stack traces name the original files
 *  (the report of an uncaught exception leaves out rlib's functions, see uncaught.ts). */
export const BUNDLE_NODE_FLAGS = ["--enable-source-maps"];

/** Bundles `entry` (an RTS program exporting `main`) into a runnable .mjs file; returns its path. */
export function bundleProgram(entry: string, outFile?: string): string {
  const abs = path.resolve(entry);
  const out = outFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rts-run-")), "program.mjs");
  // Math.random is rlib's seeded generator, as in a translated program; an uncaught
  // exception is reported as a translated program reports it.
  const shim = [
    `import { random } from ${JSON.stringify(path.join(RLIB_DIR, "random.ts"))};`,
    `import { uncaughtText } from ${JSON.stringify(path.join(RTS_ROOT, "targets/hosts/uncaught.ts"))};`,
    `Math.random = random;`,
    `Error.stackTraceLimit = Infinity;`,
    `import { main } from ${JSON.stringify(abs)};`,
    `try {`,
    `  const code = main(process.argv.slice(2));`,
    `  process.exitCode = typeof code === "number" ? code : 0;`,
    `} catch (e) {`,
    `  process.stderr.write(uncaughtText(e));`,
    `  process.exitCode = 1;`,
    `}`,
  ].join("\n");
  const result = esbuild.buildSync({
    stdin: { contents: shim, resolveDir: path.dirname(abs), sourcefile: "rts-entry.ts", loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: out,
    sourcemap: "inline",
    logLevel: "error",
    write: false,
  });
  fs.writeFileSync(out, dropJitMarkerArguments(result.outputFiles[0].text));
  return out;
}

/** A JIT marker call with its object literal of variables: `d.jitMergePoint({ pc, code })`. */
const MARKER_CALL = /\.(jitMergePoint|canEnterJit)\(\{([\w\s,:$]*)\}\)/g;

/** The JIT markers are no-ops untranslated, but V8 allocates their object literal at every
 *  iteration of the interpreter's loop (BF mandelbrot ran 35% slower with them). Their
 *  entries are variables or `this` (the translator rejects anything else), so dropping the
 *  literal from the bundle changes nothing; its newlines stay, so the source map's lines do. */
function dropJitMarkerArguments(js: string): string {
  return js.replace(MARKER_CALL, (_m, method: string, body: string) => `.${method}(${body.replace(/[^\n]/g, "")})`);
}

/** Runs an RTS program untranslated with inherited stdio; returns its exit code. */
export function runUntranslated(entry: string, args: string[]): number {
  const bundle = bundleProgram(entry);
  try {
    const r = spawnSync(process.execPath, [...BUNDLE_NODE_FLAGS, "--stack-size=2000", bundle, ...args], { stdio: "inherit" });
    return r.status ?? 1;
  } finally {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
}
