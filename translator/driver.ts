// The translation pipeline, stage by stage: frontend -> annotator -> rtyper -> backend.
// Each stage's output can be printed (`rts translate --dump=STAGE`); timings are recorded.
import { annotate } from "./annotator/index.ts";
import { describe, SomeValue } from "./annotator/model.ts";
import { printGraph } from "./flowgraph/printer.ts";
import { Graph } from "./flowgraph/model.ts";
import { buildProgram } from "./frontend/index.ts";
import { FunctionDesc } from "./frontend/program.ts";
import { rtype } from "./rtyper/index.ts";
import { emitWasm, GcKind } from "../targets/wasm/index.ts";
import { codewrite, printJitCodes } from "./jit/index.ts";
import { findGcRoots } from "./transform/gcroots.ts";
import { mergeSwitches } from "./transform/switches.ts";
import { transformExceptions } from "./transform/exceptions.ts";
import { weaveJitEntry } from "./transform/jitentry.ts";
import { Stage } from "./stages.ts";


export interface TranslateOptions {
  optimize: number;
  /** Print each function's graph after this stage (to `log`). */
  dump: Stage | null;
  /** Only dump functions whose name contains this. */
  dumpFilter: string | null;
  log: (line: string) => void;
  /** Write the unoptimized module as WebAssembly text here too. */
  watPath?: string;
  gc: GcKind;
  gcStress: boolean;
  /** Heap limit in bytes (0: none). */
  maxHeap: number;
  /** Generate the meta-tracing JIT (the module then imports rts_jit.compile, submit and collect). */
  jit?: boolean;
}

export interface TranslateResult {
  wasm: Uint8Array;
  timings: [string, number][];
}

export async function translate(entry: string, opts: TranslateOptions): Promise<TranslateResult> {
  const timings: [string, number][] = [];
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    timings.push([name, performance.now() - t0]);
    return r;
  };
  const program = await timed("frontend", () => buildProgram(entry, opts.jit ?? false));
  if (opts.dump === "flow") dump([...program.functions, ...program.classes.map((c) => c.ctor)], opts, () => null);
  const annotated = await timed("annotate", () => annotate(program));
  if (opts.dump === "annotate") dump(annotated.functions, opts, (v) => (v.annotation ? describe(v.annotation as SomeValue) : null));
  const ll = await timed("rtype", () => rtype(annotated));
  if (opts.dump === "rtype") dump(ll.functions, opts, (v) => (v.concretetype as string) ?? null);
  await timed("transform", () => {
    for (const fn of ll.functions) if (fn.graph) mergeSwitches(fn.graph);
    transformExceptions(ll.program, ll.functions);
  });
  if (opts.dump === "transform") dump(ll.functions, opts, (v) => (v.concretetype as string) ?? null);
  const jitcodes = opts.jit ? await timed("codewriter", () => codewrite(ll.functions)) : null;
  if (jitcodes && opts.dump === "jitcode") opts.log(printJitCodes(jitcodes, opts.dumpFilter));
  if (jitcodes) {
    ll.functions.push(...jitcodes.helpers);
    weaveJitEntry(ll, jitcodes.enterSites);
  }
  const roots = await timed("gc roots", () => findGcRoots(ll.functions));
  const backendOpts = { optimize: opts.optimize, watPath: opts.watPath, gc: opts.gc, gcStress: opts.gcStress, maxHeap: opts.maxHeap, jit: opts.jit ?? false };
  const wasm = await timed("backend", () => emitWasm(ll, roots, backendOpts, jitcodes));
  return { wasm, timings };
}

function dump(fns: FunctionDesc[], opts: TranslateOptions, typeName: Parameters<typeof printGraph>[1]): void {
  const seen = new Set<Graph>();
  for (const fn of fns) {
    if (!fn.graph || seen.has(fn.graph)) continue;
    seen.add(fn.graph);
    if (opts.dumpFilter && !fn.name.includes(opts.dumpFilter)) continue;
    opts.log(printGraph(fn.graph, typeName));
  }
}
