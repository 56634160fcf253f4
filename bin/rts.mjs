#!/usr/bin/env node
// The `rts` command. The translator is TypeScript; tsx compiles it on the fly so that
// there is no build step between editing the translator and running it.
// `rts run prog.wasm` needs neither: it goes straight to the plain-JS hosts, so that a
// translated program starts without loading tsx (~0.3 s).
// binaryen is loaded before tsx's hooks: through them its 14 MB module takes ~30 s to load.
// Only `rts translate` needs it (and the rest of the translator), so `rts run` skips it.
import { runWasm, wasmRunArgs } from "../targets/hosts/run-wasm.mjs";

const args = process.argv.slice(2);
const wasmRun = args[0] === "run" ? wasmRunArgs(args.slice(1)) : null;
if (wasmRun) {
  process.exitCode = await runWasm(wasmRun);
} else {
  if (args[0] === "translate") await import("binaryen");
  const { register } = await import("tsx/esm/api");
  register();
  const { cli } = await import("../translator/cli.ts");
  process.exitCode = await cli(args);
}
