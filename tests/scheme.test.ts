// The Scheme interpreter (interpreters/scheme/scheme.ts) in every mode (untranslated on Node,
// translated on the Node host and on the wasmtime host): every example against its expected
// output (made with Guile, see interpreters/scheme/README.md), the error examples against
// their expected stderr, the REPL, exit codes and usage errors; and translated with --jit,
// where every example must give the same results at thresholds 1 (every loop traced at
// its first backward jump) and 1000, on both hosts, also under --gc-stress.
import { suite, Test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, wasmtimeHost, runCommand, type RunResult, translateProgram } from "./harness.ts";
import { bundleProgram } from "../targets/hosts/untranslated.ts";
import { Scratch } from "./support/scratch.ts";

const dir = path.join(ROOT, "interpreters", "scheme");
const examples = path.join(dir, "examples");
const source = path.join(dir, "scheme.ts");
const scratch = new Scratch("scheme");

type Mode = "untranslated" | "node" | "wasmtime" | "gc-stress" | "jit node" | "jit wasmtime" | "jit gc-stress";

const wasms = new Map<string, Promise<string>>();
function translated(key: "plain" | "stress" | "jit" | "jit-stress"): Promise<string> {
  if (!wasms.has(key)) {
    const options = { gcStress: key.endsWith("stress"), jit: key.startsWith("jit") };
    wasms.set(key, translateProgram(source, `scheme-${key}`, options));
  }
  return wasms.get(key)!;
}

async function command(mode: Mode): Promise<string[]> {
  if (mode === "untranslated") return [process.execPath, "--stack-size=2000", bundleProgram(source, scratch.path("scheme.mjs"))];
  const key = mode === "gc-stress" ? "stress" : mode === "jit gc-stress" ? "jit-stress" : mode.startsWith("jit") ? "jit" : "plain";
  const wasm = await translated(key);
  if (mode.endsWith("wasmtime")) return [...wasmtimeHost(), wasm];
  return [process.execPath, path.join(ROOT, "targets/hosts/node-main.mjs"), wasm];
}

const names = fs.readdirSync(examples).filter((f) => f.endsWith(".scm")).map((f) => f.slice(0, -4)).sort();

/** Runs one example and checks stdout, stderr and the exit status against the files. */
function checkExample(run: (args: string[], stdin?: string) => RunResult, name: string): void {
  const r = run([path.join(examples, `${name}.scm`)]);
  const errFile = path.join(examples, `${name}.err`);
  if (fs.existsSync(errFile)) {
    assert.is(r.stderr, fs.readFileSync(errFile, "utf8"));
    assert.is(r.status, 1);
  } else {
    assert.is(r.stderr, "");
    assert.is(r.status, 0);
  }
  assert.is(r.stdout, fs.readFileSync(path.join(examples, `${name}.out`), "utf8"));
}

function register(t: Test, run: (args: string[], stdin?: string) => RunResult): void {
  t("every example has an expected output", () => {
    assert.ok(names.length >= 20, `found ${names.join(", ")}`);
    for (const name of names) assert.ok(fs.existsSync(path.join(examples, `${name}.out`)), `${name}.out is missing`);
  });

  for (const name of names) t(`example ${name}`, () => checkExample(run, name));

  t("the REPL prints values, reports errors and goes on", () => {
    const input = [
      "(define x 5)", "(+ x 1)", '"str"', "(car x)", '(display "hi")', "(newline)",
      "(list x 'a #\\b 1.5)", "(undefined-thing)", "(if)", "(* x x)", "(define (f) (g))", "(f)", "'done",
    ].join("\n");
    const r = run([], input);
    assert.is(r.status, 0);
    assert.is(r.stdout, '6\n"str"\nhi\n(5 a #\\b 1.5)\n25\ndone\n');
    assert.is(r.stderr, [
      "error: car: expected a pair, got 5", "  in expression (car x)",
      "error: unbound variable: undefined-thing",
      "error: bad if: (if)",
      "error: unbound variable: g", "  in procedure f", "",
    ].join("\n"));
  });

  t("the REPL stops at a reader error, keeping what it printed", () => {
    const r = run([], "(+ 1 2)\n(display \"x\"\n");
    assert.is(r.stdout, "3\n");
    assert.is(r.stderr, "error: syntax error on line 2: a list that starts here is not closed (missing ')')\n");
    assert.is(r.status, 0);
  });

  t("(exit n) stops with that exit code after flushing the output", () => {
    const r = run([scratch.program("exit.scm", '(display "bye")\n(newline)\n(exit 3)\n(display "not reached")\n')]);
    assert.is(r.stdout, "bye\n");
    assert.is(r.stderr, "");
    assert.is(r.status, 3);
    assert.is(run([scratch.program("exit0.scm", "(exit)")]).status, 0);
    assert.is(run([scratch.program("exitf.scm", "(exit #f)")]).status, 1);
  });

  t("--disassemble prints the bytecode of each top-level form", () => {
    const r = run(["--disassemble", scratch.program("dis.scm", "(define (inc x) (+ x 1))\n(display (inc 41))\n")]);
    assert.is(r.status, 0);
    assert.ok(r.stdout.includes("code inc: params 1, slots 1\n"), r.stdout);
    assert.ok(r.stdout.includes("ADD 0 0 1    ; +\n"), r.stdout);
    assert.ok(r.stdout.endsWith("42"), r.stdout);
  });

  t("a program file that cannot be read", () => {
    const missing = scratch.path("no-such-program.scm");
    const r = run([missing]);
    assert.is(r.status, 1);
    assert.is(r.stderr, `scheme: cannot read ${missing}\n`);
  });

  t("wrong usage", () => {
    const r = run(["a.scm", "b.scm"]);
    assert.is(r.status, 2);
    assert.is(r.stderr, "usage: scheme [--disassemble] [program.scm]\n");
  });
}

function runner(cmd: string[], env: Record<string, string> = {}): (args: string[], stdin?: string) => RunResult {
  return (args, stdin) => runCommand(cmd[0], [...cmd.slice(1), ...args], { stdin, env });
}

for (const mode of ["untranslated", "node", "wasmtime"] as const) {
  const t = suite(`scheme ${mode}`);
  let cmd: string[] = [];
  t.before(async () => {
    cmd = await command(mode);
  });
  register(t, (args, stdin) => runner(cmd)(args, stdin));
  t.run();
}

// Under --gc-stress (a collection at every allocation) the small examples, which between
// them use every kind of value and the frames of calls, closures and apply.
const stress = suite("scheme gc-stress");
let stressCmd: string[] = [];
stress.before(async () => {
  stressCmd = await command("gc-stress");
});
for (const name of ["special-forms", "text", "error-car"]) stress(`example ${name}`, () => checkExample(runner(stressCmd), name));
stress.run();

// The prelude is compiled by module initialization, so the translated VM starts with it
// prebuilt: printing "hi" takes ~24k Wasm operations (wasmtime's fuel, independent of the
// machine's load), where compiling the prelude at start took 1.9 million.
const startup = suite("scheme start-up");
startup("(display \"hi\") executes under 100k Wasm operations (the prelude is prebuilt)", async () => {
  const cmd = await command("wasmtime");
  const r = runCommand(cmd[0], [...cmd.slice(1), scratch.program("hi.scm", '(display "hi")')], { env: { RTS_FUEL: "1" } });
  assert.is(r.stdout, "hi");
  const ops = Number(/rts: (\d+) Wasm operations executed/.exec(r.stderr)?.[1]);
  assert.ok(ops > 0 && ops < 100_000, r.stderr);
});
startup.run();

// With --jit: every example at both thresholds on both hosts.
for (const mode of ["jit node", "jit wasmtime"] as const) {
  for (const threshold of ["1", "1000"]) {
    const t = suite(`scheme ${mode} threshold=${threshold}`);
    let cmd: string[] = [];
    t.before(async () => {
      cmd = await command(mode);
    });
    for (const name of names) t(`example ${name}`, () => checkExample(runner(cmd, { RTS_JIT: `threshold=${threshold}` }), name));
    t.run();
  }
}

// Issue 6's numeric loop: with --jit, the named-let sum's loop (the one that runs) allocates
// nothing: its Env and fixnums are unrolled into the loop's state (rlib/jitrt/opt/peel.ts).
const noAlloc = suite("scheme jit: the sum loop allocates nothing");
noAlloc("the trace log's hottest loop has no allocation after its label", async () => {
  const cmd = await command("jit wasmtime");
  const program = scratch.program("sum.scm", "(define (sum-to n) (let loop ((i 0) (acc 0)) (if (> i n) acc (loop (+ i 1) (+ acc i)))))\n(display (sum-to 200000))\n");
  const log = scratch.path("sum.log");
  fs.rmSync(log, { force: true });
  // async=0: which loops the log has must not depend on the compiler's timing.
  const r = runner(cmd, { RTS_JIT: "async=0", RTS_JITLOG: log })([program]);
  assert.is(r.stdout, "20000100000");
  const sections = fs.readFileSync(log, "utf8").split(/^(?=# )/m);
  // "# runs": "loop N: R runs, I iterations" per loop; the one with the most iterations.
  const runs = [...sections.find((x) => x.startsWith("# runs"))!.matchAll(/^loop (\d+): \d+ runs, (\d+) iterations$/gm)];
  const hottest = runs.sort((a, b) => Number(b[2]) - Number(a[2]))[0];
  assert.ok(Number(hottest[2]) > 100_000, sections.find((x) => x.startsWith("# runs")));
  const optimized = sections.find((x) => x.startsWith(`# loop ${hottest[1]} (optimized)`))!.split("\n");
  const labels = optimized.flatMap((l, i) => (l.startsWith("label(") ? [i] : []));
  assert.is(labels.length, 2, optimized.join("\n"));
  const loop = optimized.slice(labels[1]);
  assert.is(loop.filter((l) => /^p\d+ = new\(/.test(l)).length, 0, optimized.join("\n"));
});
noAlloc.run();

// Tracing, compiled loops and the blackhole while objects move at every allocation.
const jitStress = suite("scheme jit gc-stress");
let jitStressCmd: string[] = [];
jitStress.before(async () => {
  jitStressCmd = await command("jit gc-stress");
});
for (const name of ["special-forms", "error-car"]) {
  jitStress(`example ${name}`, () => checkExample(runner(jitStressCmd, { RTS_JIT: "threshold=1" }), name));
}
jitStress.run();
