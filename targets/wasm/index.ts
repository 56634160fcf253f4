// The Wasm backend's public entry: a low-level program -> a standalone WASI command
// module (`_start`, exported `memory`), optimized by binaryen, with a name section.
import binaryen from "binaryen";
import * as fs from "node:fs";
import { Constant, Value } from "../../translator/flowgraph/model.ts";
import { FunctionDesc, ImportedFunction, runtimeFunction } from "../../translator/frontend/program.ts";
import { LowLevelProgram } from "../../translator/rtyper/index.ts";
import { GcRoots } from "../../translator/transform/gcroots.ts";
import { JitCodes } from "../../translator/jit/index.ts";
import { JIT_RUNTIME, JitData, layOutJitCodes } from "./jitdata.ts";
import { addJitCall } from "./jitcall.ts";
import { buildFunction, typeOfValue, wasmType } from "./functions.ts";
import { DataSegment, DATA_BASE, EXC_TRACE, GLOBALS, PAGE_SIZE, SHADOW_STACK_BASE } from "./memory.ts";
import { FIRST_CLASS_TYPEID, LIST, TYPEID } from "../../translator/rtyper/lltype.ts";
import { FUNCTION_TABLE, JIT_COLLECT, JIT_COMPILE, JIT_INFO_GLOBAL, JIT_SUBMIT, ModuleContext, OpEmitter } from "./ops.ts";

export type GcKind = "none" | "marksweep" | "generational";
/** rlib's gcMode() for each collector. */
const GC_MODES: Record<GcKind, number> = { none: 0, marksweep: 1, generational: 2 };

export interface BackendOptions {
  /** binaryen optimization level (0 = none). */
  optimize: number;
  /** The memory manager: "none" never frees; "marksweep" and "generational" collect (rlib/gc/). */
  gc: GcKind;
  /** Collect at every allocation (to test the GC). */
  gcStress: boolean;
  /** The heap limit in bytes (0: none); RTS_MAX_HEAP overrides it at run time. */
  maxHeap: number;
  /** Also write the module as WebAssembly text here (before optimization). */
  watPath?: string;
  /** Import the host's trace compiler (rts_jit.compile). */
  jit: boolean;
}

/** Parameter types of the WASI functions rlib imports (i64 where WASI passes 64-bit values). */
const WASI_PARAMS: Record<string, ("i32" | "i64")[]> = {
  fd_write: ["i32", "i32", "i32", "i32"],
  fd_read: ["i32", "i32", "i32", "i32"],
  fd_close: ["i32"],
  path_open: ["i32", "i32", "i32", "i32", "i32", "i64", "i64", "i32", "i32"],
  proc_exit: ["i32"],
  args_sizes_get: ["i32", "i32"],
  args_get: ["i32", "i32"],
  clock_time_get: ["i32", "i64", "i32"],
  environ_sizes_get: ["i32", "i32"],
  environ_get: ["i32", "i32"],
};

/** The largest function (in binaryen's nodes) that binaryen always inlines (see emitWasm). */
const ALWAYS_INLINE_MAX_SIZE = 8;

/** `jitcodes` (with --jit) go to the data segment, see jitdata.ts. */
export function emitWasm(ll: LowLevelProgram, gcRoots: GcRoots, opts: BackendOptions, jitcodes: JitCodes | null = null): Uint8Array {
  const m = new binaryen.Module();
  m.setFeatures(binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt | binaryen.Features.NontrappingFPToInt | binaryen.Features.SignExt | binaryen.Features.MutableGlobals);
  // Memory instructions refer to the memory when they are created, so the memory (and with
  // it the data segment) is laid out before any code: every prebuilt object is collected first.
  const data = new DataSegment((obj) => ll.shapeOfPrebuilt(obj));
  collectPrebuilt(ll, data);
  const dataEnd = data.end;
  const typeInfo = data.typeInfoTable(pointerOffsets(ll));
  const names = uniqueNames(ll.functions);
  const imports = new Map<string, ImportedFunction>();
  const table = new Map<FunctionDesc, number>();
  const ctx: ModuleContext = {
    m,
    data,
    generational: opts.gc === "generational",
    jit: opts.jit,
    functionName: (fn) => {
      const n = names.get(fn);
      if (!n) throw new Error(`function ${fn.name} was not annotated`);
      return n;
    },
    runtimeName: (name) => ctx.functionName(runtimeFunction(ll.program, name)),
    importName: (fn) => {
      imports.set(fn.name, fn);
      return `${fn.module}.${fn.name}`;
    },
    importSignature: (fn) => wasiSignature(fn),
    tableIndex: (fn) => {
      // A closure whose function is never called was not translated: it gets no slot
      // (an index past the table's end, which no call uses).
      if (!names.has(fn)) return 0xffffffff;
      if (!table.has(fn)) table.set(fn, table.size);
      return table.get(fn)!;
    },
  };
  const jit = jitcodes ? layOutJitCodes(jitcodes, data, jitTableIndex(ctx), JIT_RUNTIME.map((name) => runtimeFunction(ll.program, name))) : null;
  data.freeze();
  const heapBase = align(data.end, 16);
  const pages = Math.ceil((heapBase + 1024 * 1024) / PAGE_SIZE);
  m.setMemory(pages, 65536, "memory", [{ offset: m.i32.const(DATA_BASE), data: data.contents(), passive: false }]);
  const emitter = new OpEmitter(ctx);
  for (const fn of ll.functions) {
    const f = buildFunction(m, fn.graph, emitter, gcRoots.slots.get(fn.graph) ?? null, gcRoots.liveAcross, opts.gc === "generational");
    m.addFunction(names.get(fn)!, f.params, f.result, f.vars, f.body);
  }
  for (const fn of imports.values()) {
    const sig = wasiSignature(fn);
    m.addFunctionImport(`${fn.module}.${fn.name}`, fn.module, fn.name, binaryen.createType(sig.params), sig.result);
  }
  // With --jit the host adds compiled traces to the table, after the closures and the
  // functions that jitcodes call.
  m.addTable(FUNCTION_TABLE, table.size, table.size + (opts.jit ? MAX_TRACES : 0));
  m.addActiveElementSegment(FUNCTION_TABLE, "closures", [...table.keys()].map((fn) => names.get(fn)!), m.i32.const(0));
  addStart(m, ll, ctx, opts.jit);
  if (opts.jit) addJitImport(m);
  if (jit) addJitExports(m, jit);
  if (jitcodes) addJitCall(m, jitcodes, ctx.functionName);
  addRecordFrame(m);
  const i32 = (v: number) => m.i32.const(v);
  m.addGlobal(GLOBALS.heapBase, binaryen.i64, false, m.i64.const(BigInt(heapBase)));
  m.addGlobal(GLOBALS.dataEnd, binaryen.i32, false, i32(dataEnd));
  m.addGlobal(GLOBALS.typeInfo, binaryen.i32, false, i32(typeInfo));
  m.addGlobal(GLOBALS.shadowStackPointer, binaryen.i32, true, i32(SHADOW_STACK_BASE));
  m.addGlobal(GLOBALS.gcMode, binaryen.i32, false, i32(GC_MODES[opts.gc]));
  m.addGlobal(GLOBALS.gcStress, binaryen.i32, false, i32(opts.gcStress ? 1 : 0));
  m.addGlobal(GLOBALS.maxHeap, binaryen.i64, false, m.i64.const(BigInt(opts.maxHeap)));
  m.addGlobal(GLOBALS.exception, binaryen.i32, true, i32(0));
  if (opts.jit) {
    // Compiled traces import these (the hosts' rts_jit.compile passes them as env.sp, env.exc).
    m.addGlobalExport(GLOBALS.shadowStackPointer, "rts_jit_sp");
    m.addGlobalExport(GLOBALS.exception, "rts_jit_exc");
  }
  if (opts.watPath) fs.writeFileSync(opts.watPath, m.emitText());
  if (!m.validate()) throw new Error("backend produced an invalid module");
  // Debug info keeps the function names (the name section), which traps report.
  binaryen.setDebugInfo(true);
  if (opts.optimize > 0) {
    binaryen.setOptimizeLevel(opts.optimize);
    binaryen.setShrinkLevel(0);
    // binaryen inlines functions of up to 2 nodes at -O2: not the runtime's accessors (a
    // collector state word, a word of the jitcode tables), which its allocation and the
    // meta-interpreter call through chains of three or four. Up to 8: BF mandelbrot with
    // --jit ~11% faster (its ~100 K resumes in the blackhole), the module 0.4% larger, no
    // slower to translate; 12 inlines much more (the Scheme VM's module 6% larger, its
    // translation ~40% slower) for no more.
    binaryen.setAlwaysInlineMaxSize(ALWAYS_INLINE_MAX_SIZE);
    // Lets binaryen fold `ptr + C` into a load's offset (field and element accesses). The
    // two differ only when ptr + C wraps past 4 GiB, which no valid object address does;
    // the runtime state in low memory is only reached through constant addresses.
    binaryen.setLowMemoryUnused(true);
    if (opts.jit) keepJitCallsOutOfLine(m, ctx);
    m.optimize();
  }
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

/** `_start`: the runtime's start, the program's startup function, argv from WASI, main(argv),
 *  then the runtime's exit with main's result, or the report of an exception main let
 *  through; with --jit, the JIT's statistics first (RTS_JITSTATS). */
function addStart(m: binaryen.Module, ll: LowLevelProgram, ctx: ModuleContext, jit: boolean): void {
  const main = ll.program.main;
  const startup = ll.program.startup;
  // The collector first, then the JIT's parameters (the startup code may run the portal),
  // the program's startup function, and argv last (see programArgs).
  const before = [m.call(ctx.runtimeName("startProgram"), [], binaryen.none)];
  if (jit) before.push(m.call(ctx.runtimeName("jitStart"), [], binaryen.none));
  if (startup) before.push(m.call(ctx.functionName(startup), [], binaryen.none));
  const argv = m.block(null, [...before, m.call(ctx.runtimeName("programArgs"), [], binaryen.i32)], binaryen.i32);
  const retType = typeOfValue(main.graph.getReturnVar());
  const call = m.call(ctx.functionName(main), [argv], wasmType(retType));
  let code: binaryen.ExpressionRef;
  if (retType === "i64") code = m.i32.wrap(call);
  else if (retType === "f64") code = m.i32.wrap(m.i64.trunc_s_sat.f64(call));
  else code = m.block(null, [retType === "void" ? call : m.drop(call), m.i32.const(0)], binaryen.i32);
  const exc = () => m.global.get(GLOBALS.exception, binaryen.i32);
  // The report runs with no exception pending (its own calls test for one).
  m.addFunction("_start", binaryen.none, binaryen.none, [binaryen.i32, binaryen.i32], m.block(null, [
    m.local.set(0, code),
    m.local.set(1, exc()),
    m.global.set(GLOBALS.exception, m.i32.const(0)),
    m.if(m.local.get(1, binaryen.i32), m.call(ctx.runtimeName("reportUncaught"), [m.local.get(1, binaryen.i32)], binaryen.none)),
    ...(jit ? [m.call(ctx.runtimeName("jitExit"), [], binaryen.none)] : []),
    m.call(ctx.runtimeName("exitProgram"), [m.i64.extend_s(m.local.get(0, binaryen.i32))], binaryen.none),
  ]));
  m.addFunctionExport("_start", "_start");
}

/** The JIT's entry from the portal, its parameters and its report at exit each have one
 *  caller, which binaryen would inline: the interpreter's loop function (and _start) would
 *  carry the whole meta-interpreter, which an engine compiles before the first instruction
 *  runs (V8: 4x the loop function's code and compile time) and allocates registers around.
 *  Out of line, none is compiled until it is called (jitEnter: once a loop is hot). */
function keepJitCallsOutOfLine(m: binaryen.Module, ctx: ModuleContext): void {
  for (const name of ["jitEnter", "jitParams", "jitReport"]) {
    binaryen.setPassArgument("no-inline", ctx.runtimeName(name));
    m.runPasses(["no-inline"]);
  }
  binaryen.setPassArgument("no-inline", null);
}

/** `rts_jit.compile(bytes, length, values, count) -> table index`: the host compiles a
 *  trace's Wasm module against this module's memory and function table, with the `count`
 *  i32s at `values` as its relocations (rlib/lowlevel.ts jitCompile). `rts_jit.submit(bytes,
 *  length, values, count, doneWord) -> ticket` starts compiling one in the background (and
 *  stores the ticket at the address `doneWord` once compiled) and `rts_jit.collect(ticket) ->
 *  table index` (0: not compiled yet) finishes it (rlib/jitrt/compiled.ts). Exported too, so that
 *  the optimizer keeps the imports while no code calls them yet, and so that a host sees at
 *  once that the module needs a JIT host. */
function addJitImport(m: binaryen.Module): void {
  const bytes = binaryen.createType([binaryen.i32, binaryen.i32, binaryen.i32, binaryen.i32]);
  m.addFunctionImport(JIT_COMPILE, "rts_jit", "compile", bytes, binaryen.i32);
  m.addFunctionExport(JIT_COMPILE, "rts_jit_compile");
  const submitted = binaryen.createType([binaryen.i32, binaryen.i32, binaryen.i32, binaryen.i32, binaryen.i32]);
  m.addFunctionImport(JIT_SUBMIT, "rts_jit", "submit", submitted, binaryen.i32);
  m.addFunctionExport(JIT_SUBMIT, "rts_jit_submit");
  m.addFunctionImport(JIT_COLLECT, "rts_jit", "collect", binaryen.i32, binaryen.i32);
  m.addFunctionExport(JIT_COLLECT, "rts_jit_collect");
}

/** Traces the host may add to the function table (rts_jit.compile grows it by one per trace). */
const MAX_TRACES = 1 << 16;

/** The function table slot of a function a jitcode calls (shared with closures). WASI
 *  imports are called only from rlib, which the tracer never follows. */
function jitTableIndex(ctx: ModuleContext): (fn: FunctionDesc | ImportedFunction) => number {
  return (fn) => {
    if (fn instanceof ImportedFunction) throw new Error(`jit data: a jitcode calls the import ${fn.name} directly`);
    return ctx.tableIndex(fn);
  };
}

/** The function table, for the host to add traces to, and the jitcode info address. */
function addJitExports(m: binaryen.Module, jit: JitData): void {
  m.addTableExport(FUNCTION_TABLE, "rts_jit_table");
  m.addGlobal(JIT_INFO_GLOBAL, binaryen.i32, false, m.i32.const(jit.info));
  m.addGlobalExport(JIT_INFO_GLOBAL, "rts_jit_info");
}

/** Adds a function name (a string pointer) to the pending exception's stack trace. */
function addRecordFrame(m: binaryen.Module): void {
  const count = () => m.i32.load(0, 4, m.i32.const(EXC_TRACE.base));
  const slot = m.i32.add(m.i32.const(EXC_TRACE.base + 4), m.i32.mul(count(), m.i32.const(4)));
  m.addFunction(EXC_TRACE.recordFunction, binaryen.createType([binaryen.i32]), binaryen.none, [], m.if(
    m.i32.lt_u(count(), m.i32.const(EXC_TRACE.frames)),
    m.block(null, [
      m.i32.store(0, 4, slot, m.local.get(0, binaryen.i32)),
      m.i32.store(0, 4, m.i32.const(EXC_TRACE.base), m.i32.add(count(), m.i32.const(1))),
    ]),
  ));
}

/** Lays out every prebuilt object (string literal, module-level object) the code refers to. */
function collectPrebuilt(ll: LowLevelProgram, data: DataSegment): void {
  const visit = (v: Value) => {
    if (v instanceof Constant && v.concretetype === "ptr") data.pointer(v.value);
  };
  for (const fn of ll.functions) {
    for (const b of fn.graph.blocks()) {
      for (const op of b.operations) {
        op.args.forEach(visit);
        if (op.opname === "trap") data.string((op.args[0] as Constant).value as string);
      }
      for (const l of b.exits) l.args.forEach(visit);
    }
  }
}

/** Where the GC pointers are in each type id's objects (indexed by type id). */
function pointerOffsets(ll: LowLevelProgram): (number[] | "items")[] {
  const table: (number[] | "items")[] = [];
  for (let id = 0; id < FIRST_CLASS_TYPEID; id++) table.push([]);
  table[TYPEID.list] = [LIST.items];
  table[TYPEID.listItemsPtr] = "items";
  for (const layout of ll.layouts.all()) {
    table[layout.typeid] = [...layout.fields.values()].filter((f) => f.type === "ptr").map((f) => f.offset);
  }
  for (let id = 0; id < table.length; id++) table[id] ??= [];
  return table;
}

function wasiSignature(fn: ImportedFunction): { params: binaryen.Type[]; result: binaryen.Type } {
  const params = WASI_PARAMS[fn.name];
  if (!params) throw new Error(`unknown WASI import ${fn.name}`);
  return {
    params: params.map((p) => (p === "i64" ? binaryen.i64 : binaryen.i32)),
    result: fn.returnsValue ? binaryen.i32 : binaryen.none,
  };
}

function uniqueNames(fns: FunctionDesc[]): Map<FunctionDesc, string> {
  const out = new Map<FunctionDesc, string>();
  const used = new Set<string>();
  for (const fn of fns) {
    let name = fn.name;
    for (let i = 2; used.has(name); i++) name = `${fn.name}#${i}`;
    used.add(name);
    out.set(fn, name);
  }
  return out;
}

function align(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}
