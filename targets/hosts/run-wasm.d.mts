// Types of run-wasm.mjs (plain JavaScript, see there why).
export interface WasmRun {
  engine: "node" | "wasmtime";
  program: string;
  args: string[];
}

/** The run of a translated module that the arguments after `run` ask for, or null. */
export function wasmRunArgs(args: string[]): WasmRun | null;

/** Runs it on its engine; resolves to the exit code. */
export function runWasm(run: WasmRun): Promise<number>;
