// Golden tests of the translator's diagnostics: each tests/diagnostics/X.ts is rejected, and
// the message (file:line:col, code frame, caret, hint) must equal X.expected exactly.
// RTS_UPDATE_GOLDEN=1 rewrites the .expected files (review the diff before committing).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULTS, ROOT } from "./harness.ts";
import { translate } from "../translator/driver.ts";
import { formatRtsError, RtsError, RtsErrors } from "../translator/diagnostics/diagnostic.ts";

const dir = path.join(ROOT, "tests", "diagnostics");
const cases = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();

async function diagnose(entry: string): Promise<string> {
  try {
    await translate(entry, { ...DEFAULTS, optimize: 0 });
  } catch (e) {
    if (e instanceof RtsError) return formatRtsError(e);
    if (e instanceof RtsErrors) return e.errors.map((x) => formatRtsError(x)).join("\n\n");
    throw e;
  }
  return "(translated without error)";
}

test("at least 10 diagnostics are pinned", () => {
  assert.ok(cases.length >= 10);
});

for (const file of cases) {
  test(file, async () => {
    const cwd = process.cwd();
    process.chdir(ROOT); // messages name files relative to the current directory
    try {
      const actual = (await diagnose(path.join(dir, file))) + "\n";
      const golden = path.join(dir, file.replace(/\.ts$/, ".expected"));
      if (process.env.RTS_UPDATE_GOLDEN) fs.writeFileSync(golden, actual);
      assert.fixture(actual, fs.readFileSync(golden, "utf8"));
    } finally {
      process.chdir(cwd);
    }
  });
}

test("a program file that does not exist", async () => {
  assert.is(await diagnose(path.join(dir, "no-such-program.ts")), `error RTS: cannot read ${path.join(dir, "no-such-program.ts")}`);
});

test("a program file that is not TypeScript", async () => {
  const readme = path.join(ROOT, "tests/programs/README.md");
  assert.is(
    await diagnose(readme),
    `error RTS: ${readme} is not a TypeScript file: an RTS program's entry module is a .ts file with \`export function main\``,
  );
});

test.run();
