// The whole repository type-checks under tsconfig.json (strict), as `tsc --noEmit` would;
// TypeScript comes with ts-morph, so this is the project's type checker.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { Project, ts } from "ts-morph";
import { ROOT } from "./harness.ts";

test("tsconfig.json: no type errors", () => {
  const project = new Project({ tsConfigFilePath: path.join(ROOT, "tsconfig.json") });
  const diags = project.getPreEmitDiagnostics().map((d) => {
    const sf = d.getSourceFile();
    const where = sf ? `${path.relative(ROOT, sf.getFilePath())}:${d.getLineNumber()}` : "";
    return `${where} TS${d.getCode()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, " ")}`;
  });
  assert.equal(diags, []);
});

test.run();
