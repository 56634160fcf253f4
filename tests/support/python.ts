// The Python interpreter that runs the wasmtime host, for the tests (and bench/run.ts).
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const WASMTIME_HOST = fileURLToPath(new URL("../../targets/hosts/wasmtime_host.py", import.meta.url));

let pythonPath: string | null = null;
let hostCompiled = false;

/** The interpreter itself, not `python3` on the PATH: that may be a launcher script (pyenv's
 *  shim costs ~0.5 s of CPU at every start, more than a small test run itself). */
export function python(): string {
  pythonPath ??= spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).stdout?.trim() || "python3";
  return pythonPath;
}

/** The command that runs the wasmtime host as targets/hosts/wasmtime.mjs does: the interpreter
 *  without site processing (-S, which the host needs not), then the script. The host's modules
 *  are compiled first, as pip compiles a package's: with PYTHONDONTWRITEBYTECODE set (as on
 *  this machine), Python would compile them again at every run of the host, ~15-30 ms. */
export function wasmtimeHost(): string[] {
  if (!hostCompiled) {
    spawnSync(python(), ["-S", "-m", "compileall", "-q", path.dirname(WASMTIME_HOST)]);
    hostCompiled = true;
  }
  return [python(), "-S", WASMTIME_HOST];
}
