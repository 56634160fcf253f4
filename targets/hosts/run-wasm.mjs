// `rts run [--engine node|wasmtime] prog.wasm args...` in plain JavaScript: bin/rts.mjs runs a
// translated module through this without loading tsx and the translator (~0.3 s of start-up).
// Anything else after `run` (help, a wrong option, a .ts program, a missing file) goes to
// translator/cli.ts, which reports the errors.
import * as fs from "node:fs";

/**
 * The run of a translated module that `args` (what follows `run`) asks for, or null when they
 * ask for something else or something wrong.
 * @param {string[]} args
 * @returns {{ engine: "node" | "wasmtime", program: string, args: string[] } | null}
 */
export function wasmRunArgs(args) {
  let engine = "node";
  let i = 0;
  if (args[0] === "--engine") {
    engine = args[1];
    i = 2;
  } else if (args[0]?.startsWith("--engine=")) {
    engine = args[0].slice("--engine=".length);
    i = 1;
  }
  const program = args[i];
  if ((engine !== "node" && engine !== "wasmtime") || !program?.endsWith(".wasm") || !fs.existsSync(program)) return null;
  return { engine, program, args: args.slice(i + 1) };
}

/**
 * Runs it on its engine; resolves to the exit code.
 * @param {{ engine: "node" | "wasmtime", program: string, args: string[] }} run
 * @returns {Promise<number>}
 */
export async function runWasm({ engine, program, args }) {
  if (engine === "wasmtime") {
    const { runWasmWasmtime } = await import("./wasmtime.mjs");
    return runWasmWasmtime(program, args);
  }
  const { runWasmNode } = await import("./node-host.mjs");
  return runWasmNode(program, args);
}
