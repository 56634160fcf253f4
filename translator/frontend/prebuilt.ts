// Initialization at translation time (DESIGN.md 3.2): the program's modules are bundled
// with esbuild and run on Node; afterwards every module-level binding's value is read
// back, and becomes a prebuilt constant of the translated program. Module init code may
// therefore use all of TypeScript; only code reachable from `main` must be RTS.
import * as esbuild from "esbuild";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import { RtsError } from "../diagnostics/diagnostic.ts";

const EXPORT_NAME = "__rts_bindings";

/** The top-level declarations of a file that have a run-time value. */
function valueDeclarations(sf: ts.SourceFile): ts.NamedDeclaration[] {
  const out: ts.NamedDeclaration[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && !hasDeclareModifier(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push(d);
    } else if (ts.isClassDeclaration(st) && st.name && !hasDeclareModifier(st)) {
      out.push(st);
    } else if (ts.isFunctionDeclaration(st) && st.name && st.body) {
      out.push(st); // to recognize `const g = f` (the same function object) as f
    }
  }
  return out;
}

function hasDeclareModifier(n: ts.Node): boolean {
  return !!ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}

/** Runs every module's top-level code once; returns each module-level binding's value. */
export async function evaluateModules(files: readonly ts.SourceFile[]): Promise<Map<ts.Node, unknown>> {
  const declsByFile = new Map<string, ts.NamedDeclaration[]>();
  for (const sf of files) declsByFile.set(path.resolve(sf.fileName), valueDeclarations(sf));
  const entry = files.map((sf, i) => `export * as m${i} from ${JSON.stringify(path.resolve(sf.fileName))};`).join("\n");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rts-init-"));
  const out = path.join(dir, "init.mjs");
  try {
    await esbuild.build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts", sourcefile: "rts-init.ts" },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: out,
      logLevel: "silent",
      plugins: [
        {
          name: "rts-expose-bindings",
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, (args) => {
              const decls = declsByFile.get(path.resolve(args.path));
              const source = fs.readFileSync(args.path, "utf8");
              if (!decls) return { contents: source, loader: "ts" };
              const getters = decls.map((d) => `get ${d.name!.getText()}() { return ${d.name!.getText()}; }`);
              return { contents: `${source}\nexport const ${EXPORT_NAME} = { ${getters.join(", ")} };\n`, loader: "ts" };
            });
          },
        },
      ],
    });
    let mod: Record<string, Record<string, Record<string, unknown>>>;
    try {
      mod = await import(pathToFileURL(out).href);
    } catch (err) {
      throw new RtsError(null, `module initialization failed: ${(err as Error).message}`,
        "module top-level code runs at translation time and must not throw");
    }
    const values = new Map<ts.Node, unknown>();
    files.forEach((sf, i) => {
      const bindings = mod[`m${i}`]?.[EXPORT_NAME];
      for (const d of declsByFile.get(path.resolve(sf.fileName))!) values.set(d, bindings?.[d.name!.getText()]);
    });
    return values;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
