// The backbone: every program in tests/programs runs untranslated on Node and translated on
// the Node and wasmtime hosts, and must print the same and exit the same in all three.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, runNodeHost, runUntranslated, runWasmtimeHost, translateProgram } from "./harness.ts";

const dir = path.join(ROOT, "tests", "programs");
const programs = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();

test("the corpus has at least 30 programs", () => {
  assert.ok(programs.length >= 30, `only ${programs.length}`);
});

for (const file of programs) {
  test(file, async () => {
    const entry = path.join(dir, file);
    const wasm = await translateProgram(entry);
    const expected = runUntranslated(entry);
    assert.is(expected.stderr, "", "the untranslated run wrote to stderr");
    for (const [host, r] of [["node", runNodeHost(wasm)], ["wasmtime", runWasmtimeHost(wasm)]] as const) {
      assert.is(r.stdout, expected.stdout, `stdout on the ${host} host`);
      assert.is(r.status, expected.status, `exit code on the ${host} host`);
      assert.is(r.stderr, "", `stderr on the ${host} host`);
    }
  });
}

test.run();
