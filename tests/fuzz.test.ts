// Property test: random RTS programs print the same untranslated, on the Node host and on the
// wasmtime host. A quarter of the cases compute with arrays, strings and classes
// (tests/fuzz/gendata.ts), the others with numbers, booleans, strings, closures and
// exceptions (tests/fuzz/gen.ts). Cases are batched (~50 per program) because a
// translation takes seconds; on a difference the first differing case is reported with its
// source, so that it can be reproduced as a program of its own.
//
//   RTS_FUZZ_CASES=2000 RTS_FUZZ_SEED=123 node tests/run.mjs 'fuzz\.test\.ts$'
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { type RunResult, runNodeHost, runUntranslated, runWasmtimeHost, translateProgram, WORK } from "./harness.ts";
import { formatRtsError, RtsError, RtsErrors } from "../translator/diagnostics/diagnostic.ts";
import { caseArb, programSource, splitCases, standaloneCase } from "./fuzz/gen.ts";
import { dataCaseArb } from "./fuzz/gendata.ts";

const TOTAL = Number(process.env.RTS_FUZZ_CASES ?? 200);
const SEED = Number(process.env.RTS_FUZZ_SEED ?? 20261107);
const BATCH = Number(process.env.RTS_FUZZ_BATCH ?? 50);

const dir = path.join(WORK, "fuzz");
fs.mkdirSync(dir, { recursive: true });
const cases = fc.sample(fc.oneof({ arbitrary: caseArb, weight: 3 }, { arbitrary: dataCaseArb, weight: 1 }), { numRuns: TOTAL, seed: SEED });

function excerpt(lines: string[], at: number): string {
  const from = Math.max(0, at - 3);
  return lines.slice(from, at + 4).map((l, i) => `  ${from + i === at ? ">" : " "} ${l}`).join("\n") || "  (nothing)";
}

/** Whether `actual` is `expected` with some lines left out. */
function onlyLinesMissing(expected: string, actual: string): boolean {
  const e = expected.split("\n");
  const a = actual.split("\n");
  if (a.length >= e.length) return false;
  let i = 0;
  for (const line of a) {
    while (i < e.length && e[i] !== line) i++;
    if (i++ >= e.length) return false;
  }
  return true;
}

/** Describes the first case whose output differs between `expected` and `actual`. */
function firstDifference(batch: string[], first: number, expected: string, actual: string): string | null {
  const e = splitCases(expected);
  const a = splitCases(actual);
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    const el = e[i] ?? [];
    const al = a[i] ?? [];
    if (el.length === al.length && el.every((l, j) => l === al[j])) continue;
    if (i >= batch.length) return `the output differs after the last case\n--- expected ---\n${excerpt(el, 0)}\n--- actual ---\n${excerpt(al, 0)}`;
    let j = 0;
    while (j < el.length && j < al.length && el[j] === al[j]) j++;
    return [
      `case ${first + i} (seed ${SEED}, case ${i} of its batch) prints differently, line ${j + 1} of its output:`,
      `  expected: ${el[j] ?? "(no more lines)"}`,
      `  actual:   ${al[j] ?? "(no more lines)"}`,
      `--- expected ---`,
      excerpt(el, j),
      `--- actual ---`,
      excerpt(al, j),
      `--- the case as a program (RTS_FUZZ_SEED=${SEED}) ---`,
      standaloneCase(batch[i]),
    ].join("\n");
  }
  return null;
}

for (let first = 0; first < TOTAL; first += BATCH) {
  const batch = cases.slice(first, first + BATCH);
  const last = first + batch.length - 1;
  test(`fuzz cases ${first}..${last} (seed ${SEED})`, async () => {
    const layout = programSource(batch);
    const file = path.join(dir, `fuzz_${SEED}_${first}.ts`);
    fs.writeFileSync(file, layout.source);
    const caseAt = (line: number) => layout.lines.findIndex(([a, b]) => a <= line && line <= b);

    const expected = runUntranslated(file);
    if (expected.status !== 0 || expected.stderr !== "") {
      assert.unreachable(`generator bug: ${file} fails untranslated (seed ${SEED}), exit ${expected.status}\n${expected.stderr}`);
    }

    let wasm: string;
    try {
      wasm = await translateProgram(file, `fuzz_${SEED}_${first}`);
    } catch (e) {
      const errors = e instanceof RtsErrors ? e.errors : e instanceof RtsError ? [e] : [];
      const text = errors.length ? errors.slice(0, 5).map((x) => formatRtsError(x)).join("\n") : String((e as Error)?.stack ?? e);
      const line = errors.find((x) => x.loc)?.loc?.line;
      const i = line !== undefined ? caseAt(line) : -1;
      const where = i >= 0 ? `\n--- case ${first + i} as a program (RTS_FUZZ_SEED=${SEED}) ---\n${standaloneCase(batch[i])}` : "";
      assert.unreachable(`translation of ${file} failed (seed ${SEED}):\n${text}${where}`);
      return;
    }

    const hosts: [string, () => RunResult][] = [
      ["node", () => runNodeHost(wasm)],
      ["wasmtime", () => runWasmtimeHost(wasm)],
    ];
    for (const [host, run] of hosts) {
      const r = run();
      const diff = firstDifference(batch, first, expected.stdout, r.stdout);
      if (diff !== null || r.status !== expected.status || r.stderr !== "") {
        assert.unreachable(
          [
            `the ${host} host differs from the untranslated run (seed ${SEED}, program ${file}):`,
            `exit code ${r.status} (expected ${expected.status})`,
            r.stderr ? `stderr:\n${r.stderr.slice(0, 2000)}` : "",
            diff !== null && onlyLinesMissing(expected.stdout, r.stdout)
              ? "note: the output only lacks whole lines: the host may have dropped writes to stdout (fd_write failing with EAGAIN on a non-blocking pipe) rather than the program computing something else"
              : "",
            diff ?? "",
          ].filter((x) => x).join("\n"),
        );
      }
    }
  });
}

test.run();
