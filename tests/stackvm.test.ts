// The stack bytecode VM (interpreters/stackvm/) in every mode: untranslated, translated on
// the Node and wasmtime hosts, and translated with --jit (on Node tracing everything,
// threshold 1; on wasmtime at threshold 1000): every example against its expected output,
// and the compile-time and run-time errors with their messages and exit codes.
import { suite, Test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, wasmtimeHost, runCommand, type RunResult, translateProgram } from "./harness.ts";
import { bundleProgram } from "../targets/hosts/untranslated.ts";
import { Scratch } from "./support/scratch.ts";

const dir = path.join(ROOT, "interpreters", "stackvm");
const examples = path.join(dir, "examples");
const source = path.join(dir, "stackvm.ts");
const scratch = new Scratch("stackvm");

type Mode = "untranslated" | "node" | "wasmtime" | "node --jit" | "wasmtime --jit";

const wasms = new Map<string, Promise<string>>();
function translated(jit: boolean): Promise<string> {
  const key = jit ? "jit" : "plain";
  if (!wasms.has(key)) wasms.set(key, translateProgram(source, `stackvm-${key}`, { jit }));
  return wasms.get(key)!;
}

/** The command that runs the VM in a mode, and the environment it needs. */
async function command(mode: Mode): Promise<{ cmd: string[]; env: Record<string, string> }> {
  const node = path.join(ROOT, "targets/hosts/node-main.mjs");
  switch (mode) {
    case "untranslated":
      return { cmd: [process.execPath, bundleProgram(source, scratch.path("stackvm.mjs"))], env: {} };
    case "node":
      return { cmd: [process.execPath, node, await translated(false)], env: {} };
    case "wasmtime":
      return { cmd: [...wasmtimeHost(), await translated(false)], env: {} };
    case "node --jit":
      return { cmd: [process.execPath, node, await translated(true)], env: { RTS_JIT: "threshold=1" } };
    case "wasmtime --jit":
      return { cmd: [...wasmtimeHost(), await translated(true)], env: { RTS_JIT: "threshold=1000" } };
  }
}

const names = fs.readdirSync(examples).filter((f) => f.endsWith(".svm")).map((f) => f.slice(0, -4)).sort();

/** The tests of one mode; `errors` false leaves out the error cases (for the --jit modes,
 *  where they run no loop the JIT could change). */
function register(t: Test, run: (args: string[]) => RunResult, errors: boolean): void {
  t("the examples have expected outputs", () => {
    assert.ok(names.length >= 4, `found ${names.join(", ")}`);
    for (const name of names) assert.ok(fs.existsSync(path.join(examples, `${name}.out`)), `${name}.out is missing`);
  });

  for (const name of names) {
    t(`example ${name}`, () => {
      const r = run([path.join(examples, `${name}.svm`)]);
      assert.is(r.stderr, "");
      assert.is(r.status, 0);
      assert.fixture(r.stdout, fs.readFileSync(path.join(examples, `${name}.out`), "utf8"));
    });
  }

  t("operators: precedence, short circuits, integer division and remainder, negation", () => {
    const p = scratch.program("ops.svm", [
      "print 1 + 2 * 3 - 4, (1 + 2) * 3, 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7 % -3, - - 5, !0, !7;",
      "print 1 < 2, 2 <= 1, 3 > 2, 2 >= 3, 4 == 4, 4 != 4, (1 < 2) == 1;",
      "a = array(2);",
      "print 0 && a[5], 1 || a[5], 2 && 3, 0 || 0, 0 || 4;", // a[5] is never evaluated
      "x = 3000000000; print x * x, 0 - x * 1000;",
      "if (x > 1 && x < 2) { print \"no\"; } else if (x == 3000000000) { print \"yes\"; } else { print \"no\"; }",
    ].join("\n"));
    const r = run([p]);
    assert.is(r.stderr, "");
    assert.is(r.stdout, [
      "3 9 3 -3 1 -1 1 5 1 0",
      "1 0 1 0 1 0 1",
      "0 1 1 0 1",
      "9000000000000000000 -3000000000000",
      "yes",
      "",
    ].join("\n"));
  });

  t("arrays are handles: shared by assignment, with lengths", () => {
    const p = scratch.program("arrays.svm", "a = array(3); b = a; b[1] = 42; c = array(len(a) + 1); print a[1], len(c), a, c;");
    assert.is(run([p]).stdout, "42 4 1 2\n");
  });

  t("--dis prints the bytecode", () => {
    const r = run(["--dis", scratch.program("dis.svm", "i = 0;\nwhile (i < 3) { i = i + 1; }\nprint \"i\", i;\n")]);
    assert.is(r.status, 0);
    assert.fixture(r.stdout, [
      "    0  line 1    const 0",
      "    2  line 1    store i",
      "    4  line 2    load i",
      "    6  line 2    const 3",
      "    8  line 2    lt",
      "    9  line 2    jump_if_false 20",
      "   11  line 2    load i",
      "   13  line 2    const 1",
      "   15  line 2    add",
      "   16  line 2    store i",
      "   18  line 2    jump 4",
      "   20  line 3    print_string \"i\"",
      "   22  line 3    print_string \" \"",
      "   24  line 3    load i",
      "   26  line 3    print_number",
      "   27  line 3    print_end",
      "   28  line 4    halt",
      "",
    ].join("\n"));
  });

  // ---- Errors: the output printed before a run-time error is kept.

  t("a run-time error in a hot loop: the output before it is kept", () => {
    const file = scratch.program("index.svm", "a = array(300);\ni = 0;\nwhile (i < 1000) {\n  a[i] = i;\n  if (i % 100 == 0) { print a[i]; }\n  i = i + 1;\n}\n");
    const r = run([file]);
    assert.is(r.status, 1);
    assert.is(r.stdout, "0\n100\n200\n");
    assert.is(r.stderr, `stackvm: ${file}:4: index 300 out of range for an array of length 300\n`);
  });

  if (!errors) return;
  const cases: [string, string, string][] = [
    ["syntax.svm", "x = (1 + 2;\n", "syntax.svm:1:11: expected ')', found ';'"],
    ["char.svm", "x = 1;\nx = x @ 2;\n", "char.svm:2:7: unexpected character '@'"],
    ["unassigned.svm", "x = 1;\nprint x + y;\n", "unassigned.svm:2:11: variable 'y' is never assigned"],
    ["statement.svm", "print 1;\n42;\n", "statement.svm:2:1: expected a statement, found '42'"],
    ["block.svm", "while (1) {\n  x = 1;\n", "block.svm:3:1: expected '}', found end of input"],
    ["chain.svm", "print 1 < 2 == 1;\n", "chain.svm:1:13: expected ';', found '=='"], // comparisons do not chain
    ["string.svm", "print \"abc;\n", "string.svm:1:7: unterminated string"],
    ["divzero.svm", "print 1;\nx = 0;\nprint 5 / x;\n", "divzero.svm:3: division by zero"],
    ["modzero.svm", "x = 0;\nprint 5 % x;\n", "modzero.svm:2: division by zero"],
    ["negindex.svm", "a = array(3);\nprint a[0 - 1];\n", "negindex.svm:2: index -1 out of range for an array of length 3"],
    ["notarray.svm", "x = 5;\nprint x[0];\n", "notarray.svm:2: 5 is not an array"],
    ["neglen.svm", "a = array(0 - 2);\n", "neglen.svm:1: array length -2 is negative"],
  ];
  for (const [name, text, message] of cases) {
    t(`error: ${name}`, () => {
      const file = scratch.program(name, text);
      const r = run([file]);
      assert.is(r.status, 1);
      assert.is(r.stderr, `stackvm: ${scratch.path(message)}\n`);
      assert.is(r.stdout, name === "divzero.svm" ? "1\n" : "");
    });
  }

  t("a program file that cannot be read, and wrong usage", () => {
    const missing = scratch.path("missing.svm");
    const r = run([missing]);
    assert.is(r.status, 1);
    assert.is(r.stderr, `stackvm: cannot read ${missing}\n`);
    for (const args of [[], ["a.svm", "b.svm"], ["--dis"]]) {
      const u = run(args);
      assert.is(u.status, 2);
      assert.is(u.stderr, "usage: stackvm [--dis] program.svm\n");
    }
  });
}

for (const mode of ["untranslated", "node", "wasmtime", "node --jit", "wasmtime --jit"] as const) {
  const t = suite(`stackvm ${mode}`);
  let cmd: string[] = [];
  let env: Record<string, string> = {};
  t.before(async () => {
    ({ cmd, env } = await command(mode));
  });
  register(t, (args) => runCommand(cmd[0], [...cmd.slice(1), ...args], { env }), !mode.endsWith("--jit"));
  t.run();
}
