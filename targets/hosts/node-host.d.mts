// Types of node-host.mjs (plain JavaScript, see there why).
export interface RunOptions {
  /** The guest's environment variables besides the RTS_* settings (none by default). */
  env?: Record<string, string>;
}

/** Runs a translated WASI command module on Node; resolves to its exit code. */
export function runWasmNode(wasmPath: string, args: string[], opts?: RunOptions): Promise<number>;
