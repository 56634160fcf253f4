// The wasmtime host, seen from Node: runs wasmtime_host.py (the wasmtime engine through the
// library its Python package installs) in a child process with this process's stdio. There is
// no wasmtime CLI path: the Python host is what gives the same preopens, stack size and trap
// reports as the Node host.
// Plain JavaScript (types in wasmtime.d.mts) so that `rts run` starts without a TypeScript loader.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";

const HOST_SCRIPT = fileURLToPath(new URL("./wasmtime_host.py", import.meta.url));

/**
 * Runs the WASI command module at `wasmPath` with `args` on wasmtime; same contract as runWasmNode
 * (argv[0] is the file's base name, fd 3 = ".", fd 4 = "/", exit code, traps give 1).
 * Returns 1 with a message on stderr when python3 or its wasmtime package is missing.
 * RTS_PYTHON names the Python interpreter to use instead of `python3` on the PATH, which may
 * be a launcher script (pyenv's shim costs ~0.3 s at every run).
 * @param {string} wasmPath
 * @param {string[]} args
 * @param {import("./node-host.d.mts").RunOptions} opts
 * @returns {number}
 */
export function runWasmWasmtime(wasmPath, args, opts = {}) {
  const envFlags = Object.entries(opts.env ?? {}).flatMap(([name, value]) => ["--env", `${name}=${value}`]);
  const python = process.env.RTS_PYTHON || "python3";
  // -S: no site processing (~10 ms, more with .pth files), which the host does without.
  const r = spawnSync(python, ["-S", HOST_SCRIPT, ...envFlags, wasmPath, ...args], { stdio: "inherit" });
  if (r.error) {
    fs.writeSync(2, `rts: cannot run ${python} for the wasmtime host (${r.error.message}); install Python 3, then pip install wasmtime==49.0.0\n`);
    return 1;
  }
  // A signal (e.g. the engine crashing) leaves no status: report it as a failure.
  return r.status ?? 1;
}
