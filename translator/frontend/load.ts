// Loads the program's sources with ts-morph and the TypeScript checker, and turns
// TypeScript's own errors into RTS diagnostics (a program must type-check to be translated).
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Project, ts } from "ts-morph";
import { RtsError, RtsErrors } from "../diagnostics/diagnostic.ts";
import { locAt } from "./loc.ts";
import { RLIB_DIR } from "../paths.ts";

export interface LoadedSources {
  program: ts.Program;
  checker: ts.TypeChecker;
  entry: ts.SourceFile;
  /** rlib/runtime.ts: the helpers the translator's later stages call; with --jit also
   *  rlib/jitrt/entry.ts, the meta-interpreter's entry from the interpreter's loop. */
  runtime: ts.SourceFile[];
  /** rlib modules implementing JS library functions in RTS: math.ts (Math, fdlibm), mathbits.ts,
   *  strmethods.ts and strcase.ts (string methods), numconv.ts (parseInt, toString(radix)...), errors.ts
   *  (Error, TypeError, RangeError), collections.ts (Map and Set), tuples.ts (tuples). */
  library: Map<string, ts.SourceFile>;
}

const LIBRARY_MODULES = ["math", "mathbits", "random", "strmethods", "strcase", "numconv", "arrays", "errors", "collections", "tuples"];

export function loadSources(entryPath: string, jit: boolean): LoadedSources {
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      lib: ["lib.es2022.d.ts"],
      types: [],
      paths: { "rts/rlib/*": [path.join(RLIB_DIR, "*")] },
    },
  });
  const abs = path.resolve(entryPath);
  const entrySf = project.addSourceFileAtPathIfExists(abs);
  if (!entrySf) throw new RtsError(null, `cannot read ${entryPath}`);
  const runtimeSfs = ["runtime.ts", ...(jit ? ["jitrt/entry.ts"] : [])].map((f) => project.addSourceFileAtPath(path.join(RLIB_DIR, f)));
  const librarySfs = LIBRARY_MODULES.map((name) => [name, project.addSourceFileAtPath(path.join(RLIB_DIR, `${name}.ts`))] as const);
  project.addSourceFileAtPath(path.join(path.dirname(fileURLToPath(import.meta.url)), "globals.d.ts"));
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  reportTypeErrors(program);
  return {
    program,
    checker: program.getTypeChecker(),
    entry: program.getSourceFile(entrySf.getFilePath())!,
    runtime: runtimeSfs.map((sf) => program.getSourceFile(sf.getFilePath())!),
    library: new Map(librarySfs.map(([name, sf]) => [name, program.getSourceFile(sf.getFilePath())!])),
  };
}

/** TypeScript's errors in the program's own files (.d.ts files and rlib are trusted: the
 *  repository's type-check test covers rlib, and checking it again costs a second). */
function reportTypeErrors(program: ts.Program): void {
  const diags = program
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile && !path.resolve(sf.fileName).startsWith(RLIB_DIR + path.sep))
    .flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)])
    .filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diags.length === 0) return;
  throw new RtsErrors(
    diags.map((d) => {
      const msg = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      const loc = d.file && d.start !== undefined ? locAt(d.file, d.start, d.length ?? 1) : null;
      const syntax = d.code >= 1000 && d.code < 2000;
      return new RtsError(loc, msg, syntax ? "fix the syntax error" : "RTS programs must type-check under `strict`; fix the TypeScript error first");
    }),
  );
}

