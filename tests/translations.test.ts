// The test suite's cache of translated modules (tests/support/translations.ts): a module comes
// from it only while the program's sources and the options are the ones it was translated
// from, and it is byte for byte the module a fresh translation gives.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { translate, type TranslateOptions } from "../translator/driver.ts";
import { DEFAULTS, ROOT } from "./harness.ts";
import { TranslationCache } from "./support/translations.ts";

// The cache keeps programs of the repository only: this one is written under build/.
fs.mkdirSync(path.join(ROOT, "build"), { recursive: true });
const dir = fs.mkdtempSync(path.join(ROOT, "build", "translations-test-"));
const cache = new TranslationCache(path.join(dir, "cache"));
const entry = path.join(dir, "main.ts");
const helper = path.join(dir, "helper.ts");
const OPTIONS: TranslateOptions = { ...DEFAULTS, optimize: 0 };

/** The cache's module, and whether it had to translate. */
async function cached(options: TranslateOptions = OPTIONS): Promise<{ wasm: Uint8Array; translated: boolean }> {
  let translated = false;
  const wasm = await cache.translation(entry, options, (e, o) => {
    translated = true;
    return translate(e, o);
  });
  return { wasm, translated };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function writeProgram(greeting: string): void {
  fs.writeFileSync(entry, 'import { greeting } from "./helper.ts";\nexport function main(argv: string[]): number {\n  console.log(greeting());\n  return 0;\n}\n');
  fs.writeFileSync(helper, `export function greeting(): string {\n  return ${JSON.stringify(greeting)};\n}\n`);
}

test("a module is translated once, then taken from the cache, the same bytes as a fresh translation", async () => {
  writeProgram("hello");
  const first = await cached();
  assert.ok(first.translated);
  const second = await cached();
  assert.not.ok(second.translated);
  assert.ok(sameBytes(second.wasm, first.wasm));
  assert.ok(sameBytes(second.wasm, (await translate(entry, OPTIONS)).wasm));
});

test("an edited imported module, other options: translated again", async () => {
  writeProgram("hello");
  const before = await cached();
  writeProgram("bonjour");
  const edited = await cached();
  assert.ok(edited.translated, "the imported module changed");
  assert.not.ok(sameBytes(edited.wasm, before.wasm));
  assert.ok(sameBytes(edited.wasm, (await translate(entry, OPTIONS)).wasm));
  assert.not.ok((await cached()).translated);
  assert.ok((await cached({ ...OPTIONS, gcStress: true })).translated, "--gc-stress");
  assert.ok((await cached({ ...OPTIONS, optimize: 1 })).translated, "-O1");
  assert.not.ok((await cached({ ...OPTIONS, gcStress: true })).translated);
  assert.not.ok((await cached({ ...OPTIONS, jit: false })).translated, "jit unset is jit: false");
});

test("a translation that dumps its graphs is never taken from the cache", async () => {
  writeProgram("hello");
  await cached();
  const lines: string[] = [];
  const dumping = { ...OPTIONS, dump: "flow" as const, log: (l: string) => lines.push(l) };
  assert.ok((await cached(dumping)).translated);
  assert.ok(lines.length > 0);
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test.run();
