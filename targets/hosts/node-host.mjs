// The Node host: runs a translated module (a WASI preview1 command) with the WASI shim in wasi-shim.mjs.
// The work happens in a worker thread (node-worker.mjs) whose stack is big enough for deep
// guest recursion; the guest uses this process's stdin/stdout/stderr directly.
// Plain JavaScript (types in node-host.d.mts): `node node-main.mjs prog.wasm` then starts
// without a TypeScript loader, which the test suite pays for at every run of a program.
import * as fs from "node:fs";
import { Worker } from "node:worker_threads";
import { TIMING, now, reportPhases } from "./timing.mjs";

/** When this module finished loading (RTS_TIMING): the end of Node's start and of loading the host. */
const hostLoaded = now();

/** Stack of the thread that runs the guest. wasmtime_host.py gives Wasm the same 64 MiB. */
const GUEST_STACK_MB = 64;

/** The rts runtime's settings from this process's environment (RTS_GCSTATS, RTS_MAX_HEAP...),
 *  which the guest always sees. */
function rtsSettings() {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith("RTS_") && v !== undefined));
}

/**
 * Runs the WASI command module at `wasmPath` with `args` (the guest's argv[0] is the file's base name).
 * Preopens: fd 3 is the current directory (guest name "."), fd 4 is the root ("/").
 * Resolves to the exit code: the one given to proc_exit, 0 if `_start` returns, 1 after a trap
 * or a load error (reported in one line on stderr, followed by the Wasm functions on the stack).
 * @param {string} wasmPath
 * @param {string[]} args
 * @param {import("./node-host.d.mts").RunOptions} opts
 * @returns {Promise<number>}
 */
export function runWasmNode(wasmPath, args, opts = {}) {
  return new Promise((resolve) => {
    const spawned = now();
    let workerMarks = [];
    const worker = new Worker(new URL("./node-worker.mjs", import.meta.url), {
      workerData: { wasmPath, args, env: { ...rtsSettings(), ...opts.env }, cwd: process.cwd() },
      resourceLimits: { stackSizeMb: GUEST_STACK_MB },
    });
    let code = 1; // stays 1 if the worker dies without reporting
    worker.on("message", (m) => ({ code, marks: workerMarks } = m));
    worker.on("error", (e) => fs.writeSync(2, `rts: node host failed: ${e.message}\n`));
    worker.on("exit", () => {
      if (TIMING) {
        const marks = [["node start and host loading", hostLoaded], ["until the run", spawned], ...workerMarks, ["worker exit", now()]];
        reportPhases(performance.timeOrigin, marks);
      }
      resolve(code);
    });
  });
}
