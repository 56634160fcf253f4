// Untranslated mode: the RTS program is ordinary TypeScript, so esbuild bundles it with a
// tiny entry that calls `main(argv)` and Node runs the bundle in a child process.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RLIB_DIR } from "../../translator/frontend/load.ts";

/** Bundles `entry` (an RTS program exporting `main`) into a runnable .mjs file; returns its path. */
export function bundleProgram(entry: string, outFile?: string): string {
  const abs = path.resolve(entry);
  const out = outFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rts-run-")), "program.mjs");
  // Math.random is rlib's seeded generator, as in a translated program.
  const shim = [
    `import { random } from ${JSON.stringify(path.join(RLIB_DIR, "random.ts"))};`,
    `Math.random = random;`,
    `import { main } from ${JSON.stringify(abs)};`,
    `const code = main(process.argv.slice(2));`,
    `process.exitCode = typeof code === "number" ? code : 0;`,
  ].join("\n");
  esbuild.buildSync({
    stdin: { contents: shim, resolveDir: path.dirname(abs), sourcefile: "rts-entry.ts", loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: out,
    logLevel: "error",
  });
  return out;
}

/** Runs an RTS program untranslated with inherited stdio; returns its exit code. */
export function runUntranslated(entry: string, args: string[]): number {
  const bundle = bundleProgram(entry);
  try {
    const r = spawnSync(process.execPath, ["--stack-size=2000", bundle, ...args], { stdio: "inherit" });
    return r.status ?? 1;
  } finally {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
}
