// `rts translate --jit`: the module imports the host's trace compiler (rts_jit.compile).
// The hosts do not compile traces yet, and must say so clearly instead of running.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, runNodeHost, runWasmtimeHost, translateProgram } from "./harness.ts";

const program = path.join(ROOT, "tests", "programs", "jit_hints.ts");

test("a --jit module imports rts_jit.compile; a host without it says so and exits 1", async () => {
  const wasm = await translateProgram(program, "jit_hints-jit", { jit: true });
  for (const [host, r] of [["node", runNodeHost(wasm)], ["wasmtime", runWasmtimeHost(wasm)]] as const) {
    assert.is(r.status, 1, `exit code on the ${host} host`);
    assert.is(r.stdout, "", `stdout on the ${host} host`);
    assert.is(r.stderr.trim(),
      "rts: this module imports rts_jit.compile, which this host does not provide (the module was translated with --jit; this host cannot compile traces yet)",
      `stderr on the ${host} host`);
  }
});

test("without --jit the module does not mention rts_jit", async () => {
  const wasm = await translateProgram(program, "jit_hints-nojit");
  assert.not.ok(fs.readFileSync(wasm).includes("rts_jit"));
});

test.run();
