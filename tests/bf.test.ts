// The Brainfuck interpreter (interpreters/bf/bf.ts) run untranslated: every example program
// against its expected output, and the error cases with their messages and exit codes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProgram } from "../targets/hosts/untranslated.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const examples = path.join(root, "interpreters", "bf", "examples");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rts-bf-test-"));
const bundle = bundleProgram(path.join(root, "interpreters", "bf", "bf.ts"), path.join(tmp, "bf.mjs"));

interface Result {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function bf(args: string[], stdin = ""): Result {
  const r = spawnSync(process.execPath, ["--stack-size=2000", bundle, ...args], {
    input: stdin,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}

/** Writes a Brainfuck program to a temporary file; returns its path. */
function program(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

// ---- The examples: X.b with X.out, and X.in as the input file when there is one.

const names = fs.readdirSync(examples).filter((f) => f.endsWith(".b")).map((f) => f.slice(0, -2)).sort();

test("every example has an expected output", () => {
  assert.ok(names.length >= 6, `found ${names.join(", ")}`);
  for (const name of names) {
    assert.ok(fs.existsSync(path.join(examples, `${name}.out`)), `${name}.out is missing`);
  }
});

for (const name of names) {
  if (name === "mandelbrot") continue;
  test(`example ${name}`, () => {
    const args = [path.join(examples, `${name}.b`)];
    const input = path.join(examples, `${name}.in`);
    if (fs.existsSync(input)) args.push(input);
    const r = bf(args);
    assert.is(r.stderr, "");
    assert.is(r.status, 0);
    const expected = fs.readFileSync(path.join(examples, `${name}.out`));
    assert.is(r.stdout.toString("utf8"), expected.toString("utf8"));
    assert.ok(r.stdout.equals(expected), "stdout bytes differ");
  });
}

test("example mandelbrot (slow untranslated: about 12 s)", () => {
  const r = bf([path.join(examples, "mandelbrot.b")]);
  assert.is(r.stderr, "");
  assert.is(r.status, 0);
  assert.is(createHash("md5").update(r.stdout).digest("hex"), "5024283fa65866ddd347b877798e84d8");
  assert.ok(r.stdout.equals(fs.readFileSync(path.join(examples, "mandelbrot.out"))));
});

// ---- Input.

test("input comes from stdin when no input file is given", () => {
  const r = bf([path.join(examples, "rot13.b")], fs.readFileSync(path.join(examples, "rot13.in"), "utf8"));
  assert.is(r.status, 0);
  assert.ok(r.stdout.equals(fs.readFileSync(path.join(examples, "rot13.out"))));
});

test("stdin is not read by a program without `,`", () => {
  // The program has no input op, so whatever is on stdin is ignored.
  const r = bf([path.join(examples, "hello.b")], "ignored");
  assert.is(r.status, 0);
  assert.is(r.stdout.toString(), "Hello World!\n");
});

test("`,` at end of input leaves the cell unchanged", () => {
  // cell = 50 ('2'); read (input "A" then EOF); print; read again at EOF; print.
  const p = program("eof.b", "+".repeat(50) + ",.,.");
  assert.is(bf([p], "A").stdout.toString(), "AA");
  assert.is(bf([p], "").stdout.toString(), "22");
});

// ---- Cells, output buffering, UTF-8.

test("cells wrap modulo 256 both ways", () => {
  // 0 - 1 = 255, + 66 = 65 ('A'); then + 256 = 65 again, + 1 = 66 ('B').
  const p = program("wrap.b", "-" + "+".repeat(66) + "." + "+".repeat(257) + ".");
  const r = bf([p]);
  assert.is(r.status, 0);
  assert.is(r.stdout.toString(), "AB");
});

test("long output is written in chunks, multi-byte UTF-8 across a chunk boundary", () => {
  // 'x' then 3000 times the two bytes of 'é' (C3 A9): the 4096-byte chunk boundary falls
  // between the two bytes of one 'é'.
  const text =
    "+".repeat(120) + "." +
    ">" + "+".repeat(0xc3) + ">" + "+".repeat(0xa9) +
    ">" + "+".repeat(50) + "[>" + "+".repeat(60) + "[<<<.>.>>-]<-]";
  const r = bf([program("utf8.b", text)]);
  assert.is(r.status, 0);
  assert.is(r.stdout.toString("utf8"), "x" + "é".repeat(3000));
});

test("output bytes that are not UTF-8 come out as U+FFFD", () => {
  const r = bf([program("bad-utf8.b", "-.[-]" + "+".repeat(0xc3) + ".[-]" + "+".repeat(65) + ".")]);
  assert.is(r.status, 0);
  assert.is(r.stdout.toString("utf8"), "\ufffd\ufffdA");
});

// ---- Errors.

test("unmatched [ is reported with its offset", () => {
  const r = bf([program("open.b", "++[>+<-]\n[[-]")]);
  assert.is(r.status, 1);
  assert.is(r.stderr, "bf: unmatched [ at offset 9\n");
  assert.is(r.stdout.length, 0);
});

test("unmatched ] is reported with its offset", () => {
  const r = bf([program("close.b", "+[-]]+")]);
  assert.is(r.status, 1);
  assert.is(r.stderr, "bf: unmatched ] at offset 4\n");
});

test("a program file that cannot be read", () => {
  const missing = path.join(tmp, "no-such-program.b");
  const r = bf([missing]);
  assert.is(r.status, 1);
  assert.is(r.stderr, `bf: cannot read ${missing}\n`);
});

test("an input file that cannot be read", () => {
  const missing = path.join(tmp, "no-such-input.txt");
  const r = bf([path.join(examples, "cat.b"), missing]);
  assert.is(r.status, 1);
  assert.is(r.stderr, `bf: cannot read ${missing}\n`);
});

test("wrong usage", () => {
  for (const args of [[], ["a.b", "in.txt", "extra"]]) {
    const r = bf(args);
    assert.is(r.status, 2);
    assert.is(r.stderr, "usage: bf program.b [input-file]\n");
  }
});

test("tape pointer below 0", () => {
  // The output before the error is still written.
  const r = bf([program("left.b", "+".repeat(49) + ".<")]);
  assert.is(r.status, 1);
  assert.is(r.stdout.toString(), "1");
  assert.is(r.stderr, "bf: tape pointer out of range\n");
});

test("tape pointer past the end of the 30000 cells", () => {
  const r = bf([program("right.b", "+[>+]")]);
  assert.is(r.status, 1);
  assert.is(r.stderr, "bf: tape pointer out of range\n");
});

test.after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

test.run();
