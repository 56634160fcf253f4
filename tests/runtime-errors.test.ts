// Programs that fail at run time exit non-zero with a clear message, in every mode. An
// exception that leaves main is reported with the same text in every mode; for the other
// failures, untranslated, Node's own error is the message, and both hosts print the same line.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { ROOT, runOnBothHosts, runUntranslated, translateProgram } from "./harness.ts";

const dir = path.join(ROOT, "tests", "runtime-errors");

interface Case {
  file: string;
  /** stdout before the failure (the same in every mode). */
  stdout: string;
  /** The first stderr line of a translated run. */
  message: string;
  /** Whether JS itself throws here (else the untranslated run is not an error: see the file). */
  throwsInJs: boolean;
  /** An uncaught exception: the whole report is the same untranslated. */
  uncaught?: boolean;
}

const CASES: Case[] = [
  { file: "stack_overflow.ts", stdout: "before\n", message: "rts: runtime error: stack overflow", throwsInJs: true },
  { file: "null_field.ts", stdout: "1\n", message: "Uncaught TypeError: Cannot read properties of null (reading 'value')", throwsInJs: true, uncaught: true },
  { file: "uncaught_error.ts", stdout: "starting\ncleanup\n", message: "Uncaught ConfigError: missing key 'mode'", throwsInJs: true, uncaught: true },
  { file: "uncaught_deep.ts", stdout: "", message: "Uncaught RangeError: bottom reached", throwsInJs: true, uncaught: true },
  { file: "int_div_zero.ts", stdout: "3\n", message: "Uncaught Error: integer division by zero", throwsInJs: true, uncaught: true },
  { file: "uncaught_overflow.ts", stdout: "5559060566555523\n", message: "Uncaught OverflowError: integer overflow in mulOvf", throwsInJs: true, uncaught: true },
  { file: "pop_untyped_empty.ts", stdout: "0\n", message: "rts: runtime error: pop() on an empty array (RTS arrays do not hold undefined)", throwsInJs: false },
  { file: "index_out_of_range.ts", stdout: "3\n", message: "rts: runtime error: index 3 out of range for length 3", throwsInJs: false },
];

for (const c of CASES) {
  test(c.file, async () => {
    const entry = path.join(dir, c.file);
    const wasm = await translateProgram(entry);
    const u = c.throwsInJs ? runUntranslated(entry) : null;
    if (u) {
      assert.is(u.status, 1, "untranslated exit code");
      assert.is(u.stdout, c.stdout, "untranslated stdout");
    }
    for (const [host, r] of runOnBothHosts(wasm)) {
      assert.is(r.status, 1, `exit code on the ${host} host`);
      assert.is(r.stdout, c.stdout, `stdout on the ${host} host`);
      assert.is(r.stderr.split("\n")[0], c.message, `stderr on the ${host} host`);
      if (c.uncaught) assert.is(r.stderr, u!.stderr, `the report on the ${host} host`);
    }
  });
}

test.run();
