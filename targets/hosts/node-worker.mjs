// The Node host's worker thread: runs one WASI preview1 command module and posts back its exit code.
// It is plain JavaScript so that it loads in a worker whatever TypeScript loader the parent used
// (tsx hooks registered with `register()` do not reach worker threads on Node 20).
// It runs in a worker because only a worker's stack size can be chosen (resourceLimits.stackSizeMb):
// the main thread's V8 stack (~1 MB) overflows after ~16k Wasm frames.
import * as fs from "node:fs";
import * as path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

import { setFlagsFromString } from "node:v8";
import { WasiShim } from "./wasi-shim.mjs";
import { now } from "./timing.mjs";

/** [phase, time it ended] for RTS_TIMING, posted back with the exit code. */
const marks = [["worker start", now()]];

// V8 first runs Wasm in its baseline compiler (Liftoff) and tiers a function up only for
// later calls: an interpreter's main loop, entered once, would stay in baseline code
// (about 3x slower). Compile with the optimizing tier from the start.
setFlagsFromString("--no-liftoff");

const WASI_MODULE = "wasi_snapshot_preview1";
const JIT_MODULE = "rts_jit";
const JIT_IMPORTS = new Set(["compile", "submit", "collect"]);
// The stack trace depth V8 records; wasmtime's backtraces stop at 20 frames too.
Error.stackTraceLimit = 20;

/** @param {{ wasmPath: string, args: string[], env: Record<string, string>, cwd: string }} job */
function run({ wasmPath, args, env, cwd }) {
  let module;
  try {
    module = new WebAssembly.Module(fs.readFileSync(wasmPath));
    marks.push(["compile", now()]);
  } catch (e) {
    return fail(`rts: cannot load ${wasmPath}: ${e.message}`);
  }
  const foreign = WebAssembly.Module.imports(module).find((i) => i.module !== WASI_MODULE && !(i.module === JIT_MODULE && JIT_IMPORTS.has(i.name)));
  if (foreign) return fail(`rts: this module imports ${foreign.module}.${foreign.name}, which this host does not provide`);
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  if (!exported.has("_start") || !exported.has("memory")) {
    return fail(`rts: ${wasmPath} is not a WASI command: it must export _start and memory`);
  }
  const wasi = new WasiShim({ args: [path.basename(wasmPath), ...args], env, cwd });
  try {
    let instance = null;
    const jit = traceCompiler(() => instance.exports);
    instance = new WebAssembly.Instance(module, { [WASI_MODULE]: wasi.imports, [JIT_MODULE]: jit });
    marks.push(["instantiate", now()]);
    const code = wasi.start(instance);
    marks.push(["_start", now()]);
    return code;
  } catch (e) {
    return fail(describeError(e));
  }
}

/** rts_jit.compile(ptr, len, values, count) -> table index: the bytes at ptr are a trace's
 *  Wasm module, which imports env.memory, env.table, env.sp and env.exc (the main module's
 *  memory and rts_jit_table, and its globals rts_jit_sp, the shadow stack pointer, and
 *  rts_jit_exc, the pending exception), then env.r0 ... env.r<count - 1>, immutable i32
 *  globals: its relocations, the `count` i32s at `values`; it exports "trace", which goes
 *  into a new slot of the table. Traces of the same shape are the same bytes with other
 *  relocations (rlib/jitrt/backend/module.ts): each is compiled once (`modules`, by bytes). */
function compileTrace(exports, modules, ptr, len, values, count) {
  const bytes = new Uint8Array(exports.memory.buffer, ptr, len);
  const key = Buffer.from(bytes.buffer, ptr, len).toString("latin1");
  let module = modules.get(key);
  if (module === undefined) {
    module = new WebAssembly.Module(bytes.slice());
    modules.set(key, module);
  }
  const table = exports.rts_jit_table;
  const env = { memory: exports.memory, table, sp: exports.rts_jit_sp, exc: exports.rts_jit_exc };
  const relocations = new Int32Array(exports.memory.buffer, values, count);
  for (let k = 0; k < count; k++) env[`r${k}`] = new WebAssembly.Global({ value: "i32", mutable: false }, relocations[k]);
  const trace = new WebAssembly.Instance(module, { env });
  const index = table.grow(1);
  table.set(index, trace.exports.trace);
  return index;
}

/** rts_jit's imports. submit(ptr, len, values, count, doneWord) -> ticket and collect(ticket)
 *  -> table index are the background compiler's on the wasmtime host; here the guest runs on
 *  this thread, so submit compiles at once (and stores the ticket at doneWord, as a compile
 *  finished) and collect gives the slot. */
function traceCompiler(exports) {
  const modules = new Map();
  const compiled = new Map();
  let tickets = 0;
  return {
    compile: (ptr, len, values, count) => compileTrace(exports(), modules, ptr, len, values, count),
    submit: (ptr, len, values, count, doneWord) => {
      compiled.set(++tickets, compileTrace(exports(), modules, ptr, len, values, count));
      new Int32Array(exports().memory.buffer, doneWord, 1)[0] = tickets;
      return tickets;
    },
    collect: (ticket) => {
      const index = compiled.get(ticket) ?? 0;
      compiled.delete(ticket);
      return index;
    },
  };
}

/** One line for the error, then the Wasm functions on the stack, innermost first. */
function describeError(e) {
  const overflow = e instanceof RangeError && /call stack size/.test(e.message);
  if (!(e instanceof WebAssembly.RuntimeError) && !overflow) return `rts: ${e.message}`;
  return [`rts: runtime error: ${overflow ? "stack overflow" : e.message}`, ...frameLines(wasmFrames(e))].join("\n");
}

/** `    at name` lines; a run of one function (deep recursion) becomes one line with a count. */
function frameLines(names) {
  const lines = [];
  for (let i = 0; i < names.length; ) {
    let j = i + 1;
    while (j < names.length && names[j] === names[i]) j++;
    lines.push(`    at ${names[i]}` + (j - i > 1 ? ` (repeated ${j - i} times)` : ""));
    i = j;
  }
  return lines;
}

/** Names of the Wasm frames of `e`'s stack, read from V8's structured call sites. */
function wasmFrames(e) {
  const saved = Error.prepareStackTrace;
  Error.prepareStackTrace = (_err, sites) => sites; // V8 formats `stack` lazily, on first read
  const sites = e.stack;
  Error.prepareStackTrace = saved;
  if (!Array.isArray(sites)) return [];
  return sites
    .filter((s) => s.getFileName()?.startsWith("wasm://"))
    .map((s) => s.getFunctionName() ?? /wasm-function\[\d+\]/.exec(String(s))?.[0] ?? "?");
}

function fail(message) {
  fs.writeSync(2, message + "\n");
  return 1;
}

parentPort.postMessage({ code: run(workerData), marks });
