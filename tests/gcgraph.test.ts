// Property test of the collectors: random object graphs (tests/fuzz/graphgen.ts) built,
// mutated and dropped; the translated program must print the same checksums of the
// reachable graph as the untranslated one, under --gc-stress (a minor collection at every
// allocation, a major one every 16) and, on wasmtime, with ordinary collections.
//
//   RTS_GCGRAPH_CASES=20 RTS_GCGRAPH_SEED=7 node tests/run.mjs gcgraph
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { runNodeHost, runUntranslated, runWasmtimeHost, translateProgram, WORK } from "./harness.ts";
import { graphProgramArb } from "./fuzz/graphgen.ts";

const CASES = Number(process.env.RTS_GCGRAPH_CASES ?? 3);
const SEED = Number(process.env.RTS_GCGRAPH_SEED ?? 20261125);

const dir = path.join(WORK, "gcgraph");
fs.mkdirSync(dir, { recursive: true });

fc.sample(graphProgramArb, { numRuns: CASES, seed: SEED }).forEach((source, i) => {
  test(`random object graph ${i} (seed ${SEED})`, async () => {
    const entry = path.join(dir, `graph${i}.ts`);
    fs.writeFileSync(entry, source);
    const expected = runUntranslated(entry);
    assert.is(expected.status, 0, expected.stderr);
    const where = `(the program is ${entry})`;
    const stressed = runNodeHost(await translateProgram(entry, `graph${i}-stress`, { gcStress: true }));
    assert.is(stressed.stdout, expected.stdout, `under --gc-stress ${where}`);
    assert.is(stressed.stderr, "", where);
    const plain = runWasmtimeHost(await translateProgram(entry, `graph${i}`));
    assert.is(plain.stdout, expected.stdout, `on wasmtime ${where}`);
    assert.is(plain.stderr, "", where);
  });
});

test.run();
