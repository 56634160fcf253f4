// Types of wasmtime.mjs (plain JavaScript, see there why).
import type { RunOptions } from "./node-host.d.mts";

/** Runs a translated WASI command module on the wasmtime host; returns its exit code. */
export function runWasmWasmtime(wasmPath: string, args: string[], opts?: RunOptions): number;
