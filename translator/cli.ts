// `rts`: translate RTS programs to Wasm and run them (untranslated on Node, or translated
// on the Node or wasmtime host). Returns the process exit code.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { formatRtsError, RtsError, RtsErrors } from "./diagnostics/diagnostic.ts";
import { Stage, STAGES } from "./stages.ts";
import { runUntranslated } from "../targets/hosts/untranslated.ts";
import { runWasm, wasmRunArgs } from "../targets/hosts/run-wasm.mjs";

const HELP = `rts — the RPython of TypeScript

Usage:
  rts translate <program.ts> [-o out.wasm] [options]   translate an RTS program to a WASI module
  rts run <program.ts> [args...]                        run it untranslated on Node
  rts run [--engine node|wasmtime] <program.wasm> [args...]
                                                        run a translated module
  rts --help | rts translate --help

The program's entry is \`export function main(argv: string[]): number\`; argv holds the
arguments after the program, and the result is the exit code.`;

const TRANSLATE_HELP = `rts translate <program.ts> [options]

Options:
  -o, --output FILE   where to write the module (default: the program's name with .wasm)
  -O0 | -O1 | -O2 | -O3
                      binaryen optimization level (default -O2)
  --dump=STAGE        print every function's graph after STAGE (${STAGES.join(", ")});
                      jitcode (with --jit) prints the codewriter's jitcodes
  --dump-filter=TEXT  only dump functions whose name contains TEXT
  --wat=FILE          also write the module as WebAssembly text (before optimization)
  --gc=KIND           memory management, by a garbage collector written in RTS (rlib/gc/):
                      generational (default: nursery + mark-sweep old generation),
                      marksweep (non-moving), or none (never frees)
  --gc-stress         collect at every allocation (for testing the collector; the
                      generational one also runs a major collection every 16)
  --jit               generate the meta-tracing JIT from the program's JitDriver hints
                      (rlib/jit.ts); the module imports rts_jit.compile (and .submit,
                      .collect: compiling in the background), which the rts
                      hosts provide
  --max-heap=SIZE     stop with "out of memory" beyond this heap size (e.g. 64m, 1g);
                      RTS_MAX_HEAP overrides it at run time. RTS_GCSTATS=1 prints GC statistics
  -q, --quiet         do not print the stages and their timings
  -h, --help          this help`;

const RUN_HELP = `rts run <program.ts | program.wasm> [args...]

  A .ts program runs untranslated on Node; a .wasm module runs on a host:
  --engine node       Node, with rts's own WASI implementation (default)
  --engine wasmtime   the wasmtime engine (Python package \`wasmtime\`); with RTS_FUEL=1
                      it prints how many Wasm operations the program executed`;

export async function cli(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "translate":
        return await translateCommand(rest);
      case "run":
        return await runCommand(rest);
      case undefined:
      case "-h":
      case "--help":
      case "help":
        console.log(HELP);
        return cmd === undefined ? 2 : 0;
      default:
        console.error(`rts: unknown command '${cmd}'\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    return reportError(e);
  }
}

function reportError(e: unknown): number {
  if (e instanceof RtsError) {
    console.error(formatRtsError(e));
    return 1;
  }
  if (e instanceof RtsErrors) {
    console.error(e.errors.map((x) => formatRtsError(x)).join("\n\n"));
    console.error(`\n${e.errors.length} error${e.errors.length > 1 ? "s" : ""}`);
    return 1;
  }
  if (e instanceof UsageError) {
    console.error(`rts: ${e.message}`);
    return 2;
  }
  throw e;
}

class UsageError extends Error {}

/** "64m", "1g", "4096" -> bytes. */
function parseSize(s: string): number {
  const m = /^(\d+)([kmg]?)$/i.exec(s);
  if (!m) throw new UsageError(`not a size: ${s} (e.g. 64m, 1g)`);
  return Number(m[1]) * { "": 1, k: 1024, m: 1 << 20, g: 1 << 30 }[m[2].toLowerCase() as "" | "k" | "m" | "g"];
}

async function translateCommand(args: string[]): Promise<number> {
  const optLevel = args.find((a) => /^-O[0-3]$/.test(a));
  const { values, positionals } = parseArgs({
    args: args.filter((a) => a !== optLevel),
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      dump: { type: "string" },
      "dump-filter": { type: "string" },
      wat: { type: "string" },
      gc: { type: "string" },
      "gc-stress": { type: "boolean" },
      jit: { type: "boolean" },
      "max-heap": { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(TRANSLATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`translate takes one program\n\n${TRANSLATE_HELP}`);
  const dump = values.dump ?? null;
  if (dump !== null && !(STAGES as readonly string[]).includes(dump)) {
    throw new UsageError(`unknown stage '${dump}' for --dump (one of ${STAGES.join(", ")})`);
  }
  if (dump === "jitcode" && !values.jit) throw new UsageError("--dump=jitcode needs --jit (jitcodes are made only for the JIT)");
  const gc = values.gc ?? "generational";
  if (gc !== "generational" && gc !== "marksweep" && gc !== "none") throw new UsageError(`unknown --gc '${gc}' (generational, marksweep or none)`);
  const entry = positionals[0];
  const out = values.output ?? entry.replace(/\.ts$/, "") + ".wasm";
  const t0 = performance.now();
  // The translator (ts-morph, binaryen) loads only for this command: `rts run` starts fast.
  const { translate } = await import("./driver.ts");
  const { wasm, timings } = await translate(entry, {
    optimize: optLevel ? Number(optLevel[2]) : 2,
    dump: dump as Stage | null,
    dumpFilter: values["dump-filter"] ?? null,
    log: (l) => console.log(l),
    watPath: values.wat,
    gc,
    gcStress: values["gc-stress"] ?? false,
    maxHeap: parseSize(values["max-heap"] ?? "0"),
    jit: values.jit ?? false,
  });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, wasm);
  if (!values.quiet) {
    for (const [stage, ms] of timings) console.error(`  ${stage.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms`);
    console.error(`rts: wrote ${out} (${wasm.length} bytes) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  }
  return 0;
}

async function runCommand(args: string[]): Promise<number> {
  const wasm = wasmRunArgs(args);
  if (wasm) return runWasm(wasm);
  // Everything else: a .ts program, help, or an error to report.
  let engine = "node";
  let i = 0;
  for (; i < args.length && args[i].startsWith("-"); i++) {
    if (args[i] === "--engine") engine = args[++i] ?? "";
    else if (args[i].startsWith("--engine=")) engine = args[i].slice("--engine=".length);
    else if (args[i] === "-h" || args[i] === "--help") {
      console.log(RUN_HELP);
      return 0;
    } else throw new UsageError(`unknown option ${args[i]} for run\n\n${RUN_HELP}`);
  }
  const program = args[i];
  if (!program) throw new UsageError(`run needs a program\n\n${RUN_HELP}`);
  if (program.endsWith(".ts")) return runUntranslated(program, args.slice(i + 1));
  if (!fs.existsSync(program)) throw new UsageError(`no such file: ${program}`);
  if (engine !== "node" && engine !== "wasmtime") throw new UsageError(`unknown engine '${engine}' (node or wasmtime)`);
  throw new UsageError(`not a .ts program nor a .wasm module: ${program}`);
}
