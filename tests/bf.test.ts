// The Brainfuck interpreter (interpreters/bf/bf.ts) in every mode (untranslated on Node,
// translated on the Node host and on the wasmtime host): every example program against its
// expected output, and the error cases with their messages and exit codes.
import { suite, Test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, wasmtimeHost, translateProgram } from "./harness.ts";
import { bundleProgram } from "../targets/hosts/untranslated.ts";
import { Scratch } from "./support/scratch.ts";

const examples = path.join(ROOT, "interpreters", "bf", "examples");
const source = path.join(ROOT, "interpreters", "bf", "bf.ts");
const scratch = new Scratch("bf");

interface Result {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

type Mode = "untranslated" | "node" | "wasmtime";

/** The command that runs the interpreter in a mode (the .wasm is translated once, lazily). */
let wasm: string | null = null;
function command(mode: Mode): string[] {
  switch (mode) {
    case "untranslated":
      return [process.execPath, bundleProgram(source, scratch.path("bf.mjs"))];
    case "node":
      return [process.execPath, path.join(ROOT, "targets/hosts/node-main.mjs"), wasm!];
    case "wasmtime":
      return [...wasmtimeHost(), wasm!];
  }
}

function register(t: Test, run: (args: string[], stdin?: string) => Result): void {
  // ---- The examples: X.b with X.out, and X.in as the input file when there is one.

  const names = fs.readdirSync(examples).filter((f) => f.endsWith(".b")).map((f) => f.slice(0, -2)).sort();

  t("every example has an expected output", () => {
    assert.ok(names.length >= 6, `found ${names.join(", ")}`);
    for (const name of names) {
      assert.ok(fs.existsSync(path.join(examples, `${name}.out`)), `${name}.out is missing`);
    }
  });

  for (const name of names) {
    if (name === "mandelbrot") continue;
  t(`example ${name}`, () => {
      const args = [path.join(examples, `${name}.b`)];
      const input = path.join(examples, `${name}.in`);
      if (fs.existsSync(input)) args.push(input);
      const r = run(args);
      assert.is(r.stderr, "");
      assert.is(r.status, 0);
      const expected = fs.readFileSync(path.join(examples, `${name}.out`));
      assert.is(r.stdout.toString("utf8"), expected.toString("utf8"));
      assert.ok(r.stdout.equals(expected), "stdout bytes differ");
    });
  }

  t("example mandelbrot", () => {
    const r = run([path.join(examples, "mandelbrot.b")]);
    assert.is(r.stderr, "");
    assert.is(r.status, 0);
    assert.is(createHash("md5").update(r.stdout).digest("hex"), "5024283fa65866ddd347b877798e84d8");
    assert.ok(r.stdout.equals(fs.readFileSync(path.join(examples, "mandelbrot.out"))));
  });

  // ---- Input.

  t("input comes from stdin when no input file is given", () => {
    const r = run([path.join(examples, "rot13.b")], fs.readFileSync(path.join(examples, "rot13.in"), "utf8"));
    assert.is(r.status, 0);
    assert.ok(r.stdout.equals(fs.readFileSync(path.join(examples, "rot13.out"))));
  });

  t("stdin is not read by a program without `,`", () => {
    // The program has no input op, so whatever is on stdin is ignored.
    const r = run([path.join(examples, "hello.b")], "ignored");
    assert.is(r.status, 0);
    assert.is(r.stdout.toString(), "Hello World!\n");
  });

  t("`,` at end of input leaves the cell unchanged", () => {
    // cell = 50 ('2'); read (input "A" then EOF); print; read again at EOF; print.
    const p = scratch.program("eof.b", "+".repeat(50) + ",.,.");
    assert.is(run([p], "A").stdout.toString(), "AA");
    assert.is(run([p], "").stdout.toString(), "22");
  });

  // ---- Cells, output buffering, UTF-8.

  t("cells wrap modulo 256 both ways", () => {
    // 0 - 1 = 255, + 66 = 65 ('A'); then + 256 = 65 again, + 1 = 66 ('B').
    const p = scratch.program("wrap.b", "-" + "+".repeat(66) + "." + "+".repeat(257) + ".");
    const r = run([p]);
    assert.is(r.status, 0);
    assert.is(r.stdout.toString(), "AB");
  });

  t("long output is written in chunks, multi-byte UTF-8 across a chunk boundary", () => {
    // 'x' then 3000 times the two bytes of 'é' (C3 A9): the 4096-byte chunk boundary falls
    // between the two bytes of one 'é'.
    const text =
      "+".repeat(120) + "." +
      ">" + "+".repeat(0xc3) + ">" + "+".repeat(0xa9) +
      ">" + "+".repeat(50) + "[>" + "+".repeat(60) + "[<<<.>.>>-]<-]";
    const r = run([scratch.program("utf8.b", text)]);
    assert.is(r.status, 0);
    assert.is(r.stdout.toString("utf8"), "x" + "é".repeat(3000));
  });

  t("output bytes that are not UTF-8 come out as U+FFFD", () => {
    const r = run([scratch.program("bad-utf8.b", "-.[-]" + "+".repeat(0xc3) + ".[-]" + "+".repeat(65) + ".")]);
    assert.is(r.status, 0);
    assert.is(r.stdout.toString("utf8"), "\ufffd\ufffdA");
  });

  // ---- Errors.

  t("unmatched [ is reported with its offset", () => {
    const r = run([scratch.program("open.b", "++[>+<-]\n[[-]")]);
    assert.is(r.status, 1);
    assert.is(r.stderr, "bf: unmatched [ at offset 9\n");
    assert.is(r.stdout.length, 0);
  });

  t("unmatched ] is reported with its offset", () => {
    const r = run([scratch.program("close.b", "+[-]]+")]);
    assert.is(r.status, 1);
    assert.is(r.stderr, "bf: unmatched ] at offset 4\n");
  });

  t("a program file that cannot be read", () => {
    const missing = scratch.path("no-such-program.b");
    const r = run([missing]);
    assert.is(r.status, 1);
    assert.is(r.stderr, `bf: cannot read ${missing}\n`);
  });

  t("an input file that cannot be read", () => {
    const missing = scratch.path("no-such-input.txt");
    const r = run([path.join(examples, "cat.b"), missing]);
    assert.is(r.status, 1);
    assert.is(r.stderr, `bf: cannot read ${missing}\n`);
  });

  t("wrong usage", () => {
    for (const args of [[], ["a.b", "in.txt", "extra"]]) {
      const r = run(args);
      assert.is(r.status, 2);
      assert.is(r.stderr, "usage: bf program.b [input-file]\n");
    }
  });

  t("tape pointer below 0", () => {
    // The output before the error is still written.
    const r = run([scratch.program("left.b", "+".repeat(49) + ".<")]);
    assert.is(r.status, 1);
    assert.is(r.stdout.toString(), "1");
    assert.is(r.stderr, "bf: tape pointer out of range\n");
  });

  t("tape pointer past the end of the 30000 cells", () => {
    const r = run([scratch.program("right.b", "+[>+]")]);
    assert.is(r.status, 1);
    assert.is(r.stderr, "bf: tape pointer out of range\n");
  });

}

for (const mode of ["untranslated", "node", "wasmtime"] as const) {
  const t = suite(`bf ${mode}`);
  let cmd: string[] = [];
  t.before(async () => {
    if (mode !== "untranslated" && wasm === null) wasm = await translateProgram(source, "bf");
    cmd = command(mode);
  });
  register(t, (args, stdin = "") => {
    const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], { input: stdin, maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
  });
  t.run();
}
