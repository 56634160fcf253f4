// The garbage collector (rlib/gc/marksweep.ts) under stress: every corpus program translated
// with --gc-stress (a full collection at every allocation) must still print exactly what it
// prints untranslated. Any root the translator failed to keep shows up as corrupted output.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, runNodeHost, runUntranslated, translateProgram } from "./harness.ts";

const dir = path.join(ROOT, "tests", "programs");
const programs = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();

for (const file of programs) {
  test(`${file} under --gc-stress`, async () => {
    const entry = path.join(dir, file);
    const wasm = await translateProgram(entry, `${path.basename(file, ".ts")}-stress`, { gcStress: true });
    const expected = runUntranslated(entry);
    const r = runNodeHost(wasm);
    assert.is(r.stdout, expected.stdout);
    assert.is(r.status, expected.status);
    assert.is(r.stderr, "");
  });
}

test.run();
