// Issue 5's "nothing in translator/ or rlib/ mentions Brainfuck": the JIT is generated from
// any interpreter, so the translator and the runtime library name none (not even in a
// comment: an example there belongs to the interpreter's own code or the docs).
import { test } from "uvu";
import * as assert from "uvu/assert";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./harness.ts";

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(p));
    else if (entry.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

test("no file in translator/ or rlib/ names Brainfuck (or BF) or another interpreter of interpreters/", () => {
  const names = /\bBF\b|brainfuck|\bScheme\b|stackvm/i;
  const hits: string[] = [];
  for (const dir of ["translator", "rlib"]) {
    for (const file of sources(path.join(ROOT, dir))) {
      fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
        if (names.test(line)) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  assert.equal(hits, []);
});

test.run();
