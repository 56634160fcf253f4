// The hosts that run translated modules (targets/hosts/): small WASI modules written in
// WebAssembly text run on the Node host and on the wasmtime host, each in a child process so that
// stdio and exit codes are real. Both hosts must give the same stdout and exit code.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { runWasmNode } from "../targets/hosts/node-host.mjs";
import { runWasmWasmtime } from "../targets/hosts/wasmtime.mjs";
import { wasmRunArgs } from "../targets/hosts/run-wasm.mjs";
import { python, wasmtimeHost } from "./support/python.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NODE_MAIN = path.join(ROOT, "targets/hosts/node-main.mjs");
const WASMTIME_HOST = path.join(ROOT, "targets/hosts/wasmtime_host.py");
// The interpreter and its -S, then the script.
const [PYTHON, ...WASMTIME_HOST_ARGS] = wasmtimeHost();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rts-hosts-"));

// Every module imports these (unused imports are harmless) and gets the helpers below.
const WASI_IMPORTS: Record<string, string> = {
  fd_write: "(param i32 i32 i32 i32) (result i32)",
  fd_read: "(param i32 i32 i32 i32) (result i32)",
  path_open: "(param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)",
  fd_prestat_get: "(param i32 i32) (result i32)",
  fd_prestat_dir_name: "(param i32 i32 i32) (result i32)",
  args_sizes_get: "(param i32 i32) (result i32)",
  args_get: "(param i32 i32) (result i32)",
  environ_sizes_get: "(param i32 i32) (result i32)",
  proc_exit: "(param i32)",
};

// Memory: [0,16) iovec and results, [64,1024) argv pointers, [1024,4096) strings,
// [4096,8192) argv bytes, [8192,16384) read buffer.
const HELPERS = `
  (memory (export "memory") 1)
  (data (i32.const 1024) "\\n")
  (func $write (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func $newline (call $write (i32.const 1) (i32.const 1024) (i32.const 1)))
  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $n))
  (func $argc (result i32)
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (drop (call $args_get (i32.const 64) (i32.const 4096)))
    (i32.load (i32.const 0)))
  (func $argv (param $i i32) (result i32)
    (i32.load (i32.add (i32.const 64) (i32.mul (local.get $i) (i32.const 4)))))
  (func $copy_to_stdout (param $fd i32) (local $n i32)
    (loop $more
      (i32.store (i32.const 0) (i32.const 8192))
      (i32.store (i32.const 4) (i32.const 8192))
      (drop (call $fd_read (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
      (local.set $n (i32.load (i32.const 8)))
      (if (local.get $n) (then (call $write (i32.const 1) (i32.const 8192) (local.get $n)) (br $more)))))
`;

// binaryen is an ES module with top-level await, which `uvu -r tsx` cannot require: import it
// dynamically, once, before the tests. The modules are built then; tests refer to them by path.
const sources: { file: string; text: string }[] = [];

/** Declares a module built from WebAssembly text `body` (plus imports and helpers); returns its path. */
function wasmModule(name: string, body: string, extraImports = ""): string {
  const imports = Object.entries(WASI_IMPORTS)
    .map(([f, sig]) => `(import "wasi_snapshot_preview1" "${f}" (func $${f} ${sig}))`)
    .join("\n");
  const file = path.join(dir, `${name}.wasm`);
  sources.push({ file, text: `(module ${imports} ${extraImports} ${HELPERS} ${body})` });
  return file;
}

test.before(async () => {
  const { default: binaryen } = await import("binaryen");
  binaryen.setDebugInfo(true); // keep the name section: trap reports name the functions
  const traceModule = binaryen.parseText(TRACE);
  traceModule.setFeatures(binaryen.Features.MutableGlobals);
  const trace = traceModule.emitBinary();
  traceModule.dispose();
  const escaped = [...trace].map((b) => `\\${b.toString(16).padStart(2, "0")}`).join("");
  for (const { file, text } of sources) {
    const m = binaryen.parseText(text.replace("%TRACE_BYTES%", escaped).replace("%TRACE_LENGTH%", String(trace.length)));
    m.setFeatures(binaryen.Features.MutableGlobals); // the JIT modules' exported rts_jit_sp and rts_jit_exc
    assert.ok(m.validate(), `${file}: invalid module`);
    fs.writeFileSync(file, m.emitBinary());
    m.dispose();
  }
});

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

function spawn(command: string, argv: string[], cwd: string, input: string): Run {
  const r = spawnSync(command, argv, { cwd, input, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Runs `wasm` on both hosts; asserts they agree on stdout and exit code. */
function runBoth(wasm: string, args: string[] = [], { cwd = dir, input = "" } = {}) {
  const node = spawn(process.execPath, [NODE_MAIN, wasm, ...args], cwd, input);
  const wasmtime = spawn(PYTHON, [...WASMTIME_HOST_ARGS, wasm, ...args], cwd, input);
  assert.is(wasmtime.stdout, node.stdout, "stdout differs between the hosts");
  assert.is(wasmtime.status, node.status, "exit code differs between the hosts");
  return { node, wasmtime };
}

// ---- the test modules ----

const hello = wasmModule("hello", `
  (data (i32.const 2048) "hello\\n")
  (func (export "_start")
    (call $write (i32.const 1) (i32.const 2048) (i32.const 6))
    (call $proc_exit (i32.const 3)))`);

const returns = wasmModule("returns", `(func (export "_start"))`);

// Prints argv, one argument a line.
const echoArgs = wasmModule("echo-args", `
  (func (export "_start") (local $i i32) (local $n i32) (local $p i32)
    (local.set $n (call $argc))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $p (call $argv (local.get $i)))
      (call $write (i32.const 1) (local.get $p) (call $strlen (local.get $p)))
      (call $newline)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next))))`);

// Prints the name of each preopened directory from fd 3 up to the first fd that is not one.
const prestats = wasmModule("prestats", `
  (func (export "_start") (local $fd i32) (local $len i32)
    (local.set $fd (i32.const 3))
    (block $done (loop $next
      (br_if $done (call $fd_prestat_get (local.get $fd) (i32.const 16)))
      (local.set $len (i32.load (i32.const 20)))
      (drop (call $fd_prestat_dir_name (local.get $fd) (i32.const 2048) (local.get $len)))
      (call $write (i32.const 1) (i32.const 2048) (local.get $len))
      (call $newline)
      (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
      (br $next))))`);

// Prints the file named by argv[1] as rlib/wasi.ts opens it: absolute paths through fd 4 without
// their leading "/", relative ones through fd 3. Exits 2 when path_open fails.
const cat = wasmModule("cat", `
  (func (export "_start") (local $path i32) (local $len i32) (local $dir i32)
    (drop (call $argc))
    (local.set $path (call $argv (i32.const 1)))
    (local.set $len (call $strlen (local.get $path)))
    (local.set $dir (i32.const 3))
    (if (i32.eq (i32.load8_u (local.get $path)) (i32.const 47))
      (then
        (local.set $dir (i32.const 4))
        (local.set $path (i32.add (local.get $path) (i32.const 1)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))))
    (if (call $path_open (local.get $dir) (i32.const 1) (local.get $path) (local.get $len)
                         (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 16))
      (then (call $proc_exit (i32.const 2))))
    (call $copy_to_stdout (i32.load (i32.const 16))))`);

const catStdin = wasmModule("stdin", `(func (export "_start") (call $copy_to_stdout (i32.const 0)))`);

const trap = wasmModule("trap", `
  (data (i32.const 2048) "before\\n")
  (func $explode (unreachable))
  (func $interpret (call $explode))
  (func $_start (export "_start")
    (call $write (i32.const 1) (i32.const 2048) (i32.const 7))
    (call $interpret))`);

const recurse = wasmModule("recurse", `
  (func $recurse (param $n i32) (result i32) (i32.add (call $recurse (local.get $n)) (i32.const 1)))
  (func (export "_start") (drop (call $recurse (i32.const 0))))`);

// Exits 0 when a 500,000-deep recursion comes back with the right count.
const deep = wasmModule("deep", `
  (func $depth (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1)))))))
  (func (export "_start")
    (call $proc_exit (i32.ne (call $depth (i32.const 500000)) (i32.const 500000))))`);

const foreignImport = wasmModule("foreign-import", `
  (func (export "_start") (drop (call $missing (i32.const 0) (i32.const 0))))`,
  `(import "env" "missing" (func $missing (param i32 i32) (result i32)))`);

// A trace module as the JIT backend makes them: it imports the main module's memory, table,
// shadow-stack pointer and pending exception, in that order, and exports "trace". Its bytes
// go into jitCompile's data segment (test.before).
const TRACE = `(module (import "env" "memory" (memory 1)) (import "env" "table" (table 1 funcref))
  (import "env" "sp" (global (mut i32))) (import "env" "exc" (global (mut i32))) (import "env" "r0" (global $r0 i32))
  (func (export "trace") (param i32) (result i32) (i32.add (i32.load (local.get 0)) (global.get $r0))))`;
// The trace's bytes, twice with other relocations: 7 (at 30004) and 9 (at 30008), added to
// what is at its argument's address (0 at 30000). The host compiles them (the second time,
// the same bytes: from its cache) into the table's next slots and calls them there: exits
// with trace1(30000) + 2 * trace2(30000) + 100 * (slot2 - slot1) = 7 + 18 + 100 = 125.
const JIT_START = `
  (table (export "rts_jit_table") 1 100 funcref)
  (global (export "rts_jit_sp") (mut i32) (i32.const 0))
  (global (export "rts_jit_exc") (mut i32) (i32.const 0))
  (type $trace (func (param i32) (result i32)))
  (data (i32.const 20000) "%TRACE_BYTES%")
  (func (export "_start") (local $first i32) (local $second i32)
    (i32.store (i32.const 30004) (i32.const 7))
    (i32.store (i32.const 30008) (i32.const 9))
    (local.set $first (call $slot (i32.const 30004)))
    (local.set $second (call $slot (i32.const 30008)))
    (call $proc_exit (i32.add (i32.add
      (call_indirect (type $trace) (i32.const 30000) (local.get $first))
      (i32.mul (call_indirect (type $trace) (i32.const 30000) (local.get $second)) (i32.const 2)))
      (i32.mul (i32.sub (local.get $second) (local.get $first)) (i32.const 100)))))`;
const jitCompile = wasmModule("jit-compile", `${JIT_START}
  (func $slot (param $relocation i32) (result i32)
    (call $compile (i32.const 20000) (i32.const %TRACE_LENGTH%) (local.get $relocation) (i32.const 1)))`,
  `(import "rts_jit" "compile" (func $compile (param i32 i32 i32 i32) (result i32)))`);

// The same through the background compiler: submits the trace, waits until the host has
// stored its ticket in the done word at 30100 (wasmtime compiles on another thread, Node at
// once), then collects it: exits with 125 (3: no ticket; 4: collect still gives 0).
const jitSubmit = wasmModule("jit-submit", `${JIT_START}
  (func $slot (param $relocation i32) (result i32) (local $ticket i32) (local $index i32)
    (local.set $ticket (call $submit (i32.const 20000) (i32.const %TRACE_LENGTH%) (local.get $relocation) (i32.const 1) (i32.const 30100)))
    (if (i32.le_s (local.get $ticket) (i32.const 0)) (then (call $proc_exit (i32.const 3))))
    (loop $wait (br_if $wait (i32.lt_s (i32.load (i32.const 30100)) (local.get $ticket))))
    (local.set $index (call $collect (local.get $ticket)))
    (if (i32.eqz (local.get $index)) (then (call $proc_exit (i32.const 4))))
    (local.get $index))`,
  `(import "rts_jit" "submit" (func $submit (param i32 i32 i32 i32 i32) (result i32)))
   (import "rts_jit" "collect" (func $collect (param i32) (result i32)))`);

const noStart = wasmModule("no-start", `(func (export "main"))`);

// Exits with the number of environment variables.
const envCount = wasmModule("env-count", `
  (func (export "_start")
    (drop (call $environ_sizes_get (i32.const 0) (i32.const 4)))
    (call $proc_exit (i32.load (i32.const 0))))`);

const note = path.join(dir, "data", "note.txt");
fs.mkdirSync(path.dirname(note));
fs.writeFileSync(note, "a note\nwith two lines\n");

// ---- the tests ----

test("stdout, the proc_exit code, and a clean stderr (no Node ExperimentalWarning)", () => {
  const { node, wasmtime } = runBoth(hello);
  assert.is(node.stdout, "hello\n");
  assert.is(node.status, 3);
  assert.is(node.stderr, "");
  assert.is(wasmtime.stderr, "");
});

test("_start returning means exit code 0", () => {
  assert.is(runBoth(returns).node.status, 0);
});

test("argv: the module's base name, then the arguments", () => {
  assert.is(runBoth(echoArgs, ["one", "two words", "é"]).node.stdout, "echo-args.wasm\none\ntwo words\né\n");
});

test("preopens: fd 3 is \".\", fd 4 is \"/\", and there are no others", () => {
  assert.is(runBoth(prestats).node.stdout, ".\n/\n");
});

test("a relative path opens through fd 3, from the current directory", () => {
  const { node } = runBoth(cat, ["data/note.txt"], { cwd: dir });
  assert.is(node.stdout, "a note\nwith two lines\n");
  assert.is(node.status, 0);
  assert.is(runBoth(cat, ["note.txt"], { cwd: path.dirname(note) }).node.stdout, "a note\nwith two lines\n");
});

test("an absolute path opens through fd 4", () => {
  assert.is(runBoth(cat, [note], { cwd: ROOT }).node.stdout, "a note\nwith two lines\n");
  assert.is(runBoth(cat, ["/no/such/file"]).node.status, 2);
});

test("stdin is the process's", () => {
  assert.is(runBoth(catStdin, [], { input: "some input\nline two\n" }).node.stdout, "some input\nline two\n");
});

test("a trap: one line, the Wasm functions on the stack, exit code 1", () => {
  const { node, wasmtime } = runBoth(trap);
  assert.is(node.stdout, "before\n");
  assert.is(node.status, 1);
  assert.is(node.stderr, "rts: runtime error: unreachable\n    at explode\n    at interpret\n    at _start\n");
  assert.is(wasmtime.stderr, node.stderr);
});

test("infinite recursion: a stack overflow report, exit code 1", () => {
  const { node, wasmtime } = runBoth(recurse);
  assert.is(node.status, 1);
  for (const { stderr } of [node, wasmtime]) {
    assert.match(stderr, /^rts: runtime error: stack overflow\n    at recurse \(repeated \d+ times\)\n/);
  }
});

test("deep recursion (500,000 frames) fits in the guest stack of both hosts", () => {
  assert.is(runBoth(deep).node.status, 0);
});

test("an import the host does not provide is reported, exit code 1", () => {
  const { node, wasmtime } = runBoth(foreignImport);
  assert.is(node.status, 1);
  assert.is(node.stderr, "rts: this module imports env.missing, which this host does not provide\n");
  assert.is(wasmtime.stderr, node.stderr);
});

test("rts_jit.compile, and submit then collect (in the background): a trace module shares the memory, takes its relocations and lands in the table", () => {
  for (const wasm of [jitCompile, jitSubmit]) {
    const { node, wasmtime } = runBoth(wasm);
    assert.is(node.stderr, "", wasm);
    assert.is(node.status, 125, wasm);
    assert.is(wasmtime.stderr, "", wasm);
    assert.is(wasmtime.status, 125, wasm);
  }
});

test("a module that is not a WASI command is reported, exit code 1", () => {
  const { node, wasmtime } = runBoth(noStart);
  assert.is(node.status, 1);
  assert.is(node.stderr, `rts: ${noStart} is not a WASI command: it must export _start and memory\n`);
  assert.is(wasmtime.stderr, node.stderr);
});

test("runWasmNode and runWasmWasmtime pass the environment given (none by default)", async () => {
  // Besides, the hosts pass on the RTS_ settings of their own environment (RTS_PYTHON,
  // when the one running the tests set it).
  const inherited = Object.keys(process.env).filter((k) => k.startsWith("RTS_")).length;
  const env = { RTS_TEST_A: "1", RTS_TEST_B: "x=y" };
  assert.is(await runWasmNode(envCount, [], { env }), 2 + inherited);
  assert.is(runWasmWasmtime(envCount, [], { env }), 2 + inherited);
  assert.is(await runWasmNode(envCount, []), inherited);
  assert.is(runWasmWasmtime(envCount, []), inherited);
});

test("the wasmtime host says how to install a missing wasmtime package", () => {
  // A venv without packages: a Python as on a machine without wasmtime, with or without -S.
  const venv = path.join(dir, "venv");
  const made = spawnSync(python(), ["-m", "venv", "--without-pip", venv], { encoding: "utf8" });
  assert.is(made.status, 0, made.stderr);
  for (const flags of [["-S"], []]) {
    const r = spawn(path.join(venv, "bin", "python3"), [...flags, WASMTIME_HOST, hello], dir, "");
    assert.is(r.status, 1);
    assert.match(r.stderr, /^rts: the wasmtime host needs the wasmtime Python package: pip install wasmtime==49\.0\.0\n$/);
  }
});

test("the wasmtime host refuses a wasmtime package of another major version", () => {
  // A package found first on the path (PYTHONPATH), whose library is never loaded.
  const site = path.join(dir, "other-wasmtime");
  const machine = process.arch === "x64" ? "x86_64" : process.arch === "arm64" ? "aarch64" : process.arch;
  const library = path.join(site, "wasmtime", `${process.platform}-${machine}`, process.platform === "darwin" ? "_libwasmtime.dylib" : "_libwasmtime.so");
  fs.mkdirSync(path.dirname(library), { recursive: true });
  fs.writeFileSync(library, "");
  fs.mkdirSync(path.join(site, "wasmtime-50.0.0.dist-info"));
  const r = spawnSync(PYTHON, [...WASMTIME_HOST_ARGS, hello], { env: { ...process.env, PYTHONPATH: site }, encoding: "utf8" });
  assert.is(r.status, 1);
  assert.is(r.stderr, "rts: the wasmtime host is written for wasmtime 49, not 50.0.0: pip install wasmtime==49.0.0\n");
});

test("the wasmtime host never imports the wasmtime package (its start-up took 50-80 ms)", () => {
  // -X importtime lists every module imported, one a line ("import time: ... | name").
  for (const flags of [["-S"], []]) {
    const r = spawnSync(PYTHON, [...flags, "-X", "importtime", WASMTIME_HOST, jitSubmit], { encoding: "utf8" });
    assert.is(r.status, 125, r.stderr);
    assert.match(r.stderr, /\| +wasmtime_capi$/m);
    assert.not.match(r.stderr, /\| +wasmtime(\.\w+)*$/m);
  }
});

test("RTS_TIMING=1: each host prints its phases on stderr, the run is unchanged", () => {
  const env = { ...process.env, RTS_TIMING: "1" };
  const phases = /^rts timing: .*compile.* ms, instantiate [\d.]+ ms, _start [\d.]+ ms.*, total [\d.]+ ms$/m;
  for (const [cmd, ...host] of [[process.execPath, NODE_MAIN], wasmtimeHost()]) {
    const r = spawnSync(cmd, [...host, hello], { env, encoding: "utf8" });
    assert.is(r.stdout, "hello\n");
    assert.is(r.status, 3);
    assert.match(r.stderr, phases, `${host}: ${r.stderr}`);
  }
});

test("RTS_PERF=perfmap: the wasmtime host has wasmtime write perf's map of the Wasm code (/tmp/perf-PID.map), the run unchanged; another value is refused", () => {
  const r = spawnSync(PYTHON, [...WASMTIME_HOST_ARGS, hello], { env: { ...process.env, RTS_PERF: "perfmap" }, encoding: "utf8" });
  assert.is(r.stdout, "hello\n");
  assert.is(r.status, 3);
  const map = path.join("/tmp", `perf-${r.pid}.map`);
  const entries = fs.readFileSync(map, "utf8");
  fs.rmSync(map);
  assert.match(entries, /^0x[0-9a-f]+ [0-9a-f]+ \S/m);
  const bad = spawnSync(PYTHON, [...WASMTIME_HOST_ARGS, hello], { env: { ...process.env, RTS_PERF: "perf" }, encoding: "utf8" });
  assert.is(bad.status, 1);
  assert.is(bad.stderr, "rts: RTS_PERF is perfmap or jitdump, not perf\n");
});

test("rts run prog.wasm runs on either engine (the plain-JS path, without tsx)", () => {
  const rts = path.join(ROOT, "bin/rts.mjs");
  for (const engine of [[], ["--engine", "node"], ["--engine=wasmtime"]]) {
    const r = spawnSync(process.execPath, [rts, "run", ...engine, echoArgs, "a", "--engine"], { encoding: "utf8" });
    assert.is(r.stdout, "echo-args.wasm\na\n--engine\n", engine.join(" "));
    assert.is(r.status, 0);
  }
  assert.equal(wasmRunArgs(["--engine", "wasmtime", hello, "x"]), { engine: "wasmtime", program: hello, args: ["x"] });
  // Left to the full CLI, which reports them: not a module, no such file, unknown engine or option.
  assert.is(wasmRunArgs(["prog.ts"]), null);
  assert.is(wasmRunArgs([path.join(dir, "missing.wasm")]), null);
  assert.is(wasmRunArgs(["--engine", "v8", hello]), null);
  assert.is(wasmRunArgs(["--help", hello]), null);
  const missing = spawnSync(process.execPath, [rts, "run", path.join(dir, "missing.wasm")], { encoding: "utf8" });
  assert.is(missing.status, 2);
  assert.match(missing.stderr, /no such file/);
});

test("the wasmtime host keeps a precompiled module per module, recompiles a bad entry, evicts old ones", () => {
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), "rts-cache-"));
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  const cacheDir = path.join(cacheHome, "rts", "wasmtime");
  const run = () => spawnSync(PYTHON, [...WASMTIME_HOST_ARGS, hello], { env, encoding: "utf8" });
  try {
    assert.is(run().stdout, "hello\n");
    const entries = fs.readdirSync(cacheDir);
    assert.is(entries.length, 1);
    assert.match(entries[0], /^[0-9a-f]{64}\.cwasm$/);
    assert.is(run().stdout, "hello\n");
    const entry = path.join(cacheDir, entries[0]);
    fs.writeFileSync(entry, "not a precompiled module");
    const again = run();
    assert.is(again.stdout, "hello\n");
    assert.is(again.status, 3);
    assert.is.not(fs.readFileSync(entry, "utf8").slice(0, 24), "not a precompiled module");
    // Past 512 MiB, the least recently used entries go (a sparse file stands for old ones).
    const stale = path.join(cacheDir, `${"0".repeat(64)}.cwasm`);
    fs.closeSync(fs.openSync(stale, "w"));
    fs.truncateSync(stale, 600 << 20);
    fs.utimesSync(stale, 0, 0);
    assert.is(spawnSync(PYTHON, [...WASMTIME_HOST_ARGS, returns], { env }).status, 0);
    assert.not.ok(fs.existsSync(stale));
    assert.ok(fs.existsSync(entry));
    assert.is(fs.readdirSync(cacheDir).length, 2);
  } finally {
    fs.rmSync(cacheHome, { recursive: true, force: true });
  }
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test.run();
