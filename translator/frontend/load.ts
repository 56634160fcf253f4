// Loads the program's sources with the TypeScript checker, and turns TypeScript's own errors
// into RTS diagnostics (a program must type-check to be translated).
//
// Parsed and bound source files are kept for the next translation in the same process (the
// test suites translate hundreds of programs in one process each): the ES library and rlib
// are parsed once, and TypeScript's binder skips a file it has bound already. A file is
// reused only while its text is the same (re-read at every translation), so editing a
// program between two translations is seen. Each translation still gets its own Program and
// type checker: TypeScript's language service shares source files between programs the
// same way.
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { RtsError, RtsErrors } from "../diagnostics/diagnostic.ts";
import { locAt } from "./loc.ts";
import { RLIB_DIR } from "../paths.ts";

export interface LoadedSources {
  program: ts.Program;
  checker: ts.TypeChecker;
  entry: ts.SourceFile;
  /** rlib/runtime.ts: the helpers the translator's later stages call; with --jit also
   *  rlib/jitrt/entry.ts, the meta-interpreter's entry from the interpreter's loop, and
   *  rlib/jitrt/invalidate.ts, called where a quasi-immutable field is written. */
  runtime: ts.SourceFile[];
  /** rlib modules implementing JS library functions in RTS: math.ts (Math, fdlibm), mathbits.ts,
   *  strmethods.ts and strcase.ts (string methods), numconv.ts (parseInt, toString(radix)...), errors.ts
   *  (Error, TypeError, RangeError), collections.ts (Map and Set), tuples.ts (tuples). */
  library: Map<string, ts.SourceFile>;
}

const LIBRARY_MODULES = ["math", "mathbits", "random", "strmethods", "strcase", "numconv", "arrays", "errors", "collections", "tuples"];
const GLOBALS = path.join(path.dirname(fileURLToPath(import.meta.url)), "globals.d.ts");

const COMPILER_OPTIONS: ts.CompilerOptions = {
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
};

/** Where the ES library's .d.ts files seem to be: ts-morph, which bundles TypeScript, has
 *  their text in memory (its typescript.js comes without the lib folder). */
const LIB_DIR = "/node_modules/typescript/lib";
let libTexts: Map<string, string> | null = null;

function libText(fileName: string): string | undefined {
  if (!libTexts) {
    const common = createRequire(createRequire(import.meta.url).resolve("ts-morph"))("@ts-morph/common");
    const files = common.getLibFiles() as { fileName: string; text: string }[];
    libTexts = new Map(files.map((f) => [path.posix.join(LIB_DIR, f.fileName), f.text]));
  }
  return libTexts.get(fileName);
}

/** Parsed (and, once a program used them, bound) source files by name, with their text. */
const parsed = new Map<string, { text: string; sf: ts.SourceFile }>();

function compilerHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const readFile = (fileName: string) => libText(fileName) ?? host.readFile(fileName);
  return {
    ...host,
    getDefaultLibLocation: () => LIB_DIR,
    getDefaultLibFileName: (options) => path.posix.join(LIB_DIR, ts.getDefaultLibFileName(options)),
    fileExists: (fileName) => libText(fileName) !== undefined || host.fileExists(fileName),
    readFile,
    getSourceFile: (fileName, languageVersion) => {
      const text = readFile(fileName);
      if (text === undefined) return undefined;
      const known = parsed.get(fileName);
      if (known && known.text === text) return known.sf;
      const sf = ts.createSourceFile(fileName, text, languageVersion, true);
      parsed.set(fileName, { text, sf });
      return sf;
    },
  };
}

export function loadSources(entryPath: string, jit: boolean): LoadedSources {
  const entry = path.resolve(entryPath);
  if (!fs.statSync(entry, { throwIfNoEntry: false })?.isFile()) throw new RtsError(null, `cannot read ${entryPath}`);
  if (!entry.endsWith(".ts") || entry.endsWith(".d.ts")) {
    throw new RtsError(null, `${entryPath} is not a TypeScript file: an RTS program's entry module is a .ts file with \`export function main\``);
  }
  const runtimeFiles = ["runtime.ts", ...(jit ? ["jitrt/entry.ts", "jitrt/invalidate.ts"] : [])].map((f) => path.join(RLIB_DIR, f));
  const libraryFiles = LIBRARY_MODULES.map((name) => path.join(RLIB_DIR, `${name}.ts`));
  const program = ts.createProgram({
    rootNames: [entry, ...runtimeFiles, ...libraryFiles, GLOBALS],
    options: COMPILER_OPTIONS,
    host: compilerHost(),
  });
  reportTypeErrors(program);
  const sourceFile = (file: string) => program.getSourceFile(file)!;
  return {
    program,
    checker: program.getTypeChecker(),
    entry: sourceFile(entry),
    runtime: runtimeFiles.map(sourceFile),
    library: new Map(LIBRARY_MODULES.map((name, i) => [name, sourceFile(libraryFiles[i])])),
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
