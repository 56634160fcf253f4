// The frontend's public entry: loads the program, runs module initialization, and builds
// the flow graph of every function reachable from `main` (plus the rlib runtime helpers).
// The Frontend that does it is one class split by topic into layers, one file each:
// library-lookup.ts (rlib functions and classes that stand for JS's library) <
// resolve-names.ts (what a name outside the function being built is) < declarations.ts
// (functions, classes and their instantiations, whose graphs it builds).
import { ts } from "ts-morph";
import { loadSources } from "./load.ts";
import { collectFunctionHints } from "./jithints.ts";
import { collectQuasiImmutableHints } from "./quasihints.ts";
import { collectVirtualizableHints } from "./vablehints.ts";
import { evaluateModules } from "./prebuilt.ts";
import { FunctionDesc, Program } from "./program.ts";
import { Frontend } from "./declarations.ts";

/** With `jit`, the meta-interpreter (rlib/jitrt/) is translated with the program. */
export async function buildProgram(entryPath: string, jit = false): Promise<Program> {
  const src = loadSources(entryPath, jit);
  const files = src.program.getSourceFiles().filter((f) => !f.isDeclarationFile);
  const moduleValues = await evaluateModules(files);
  const checker = src.program.getTypeChecker();
  const quasi = collectQuasiImmutableHints(files, checker);
  const vables = collectVirtualizableHints(files, checker, quasi);
  const fe = new Frontend(checker, moduleValues, src.library, collectFunctionHints(files, checker), quasi, vables);
  const main = fe.findMain(src.entry);
  const runtime = new Map<string, FunctionDesc>();
  for (const st of src.runtime.flatMap((sf) => [...sf.statements])) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) runtime.set(st.name.text, fe.functionFor(st));
  }
  const errorClass = fe.errorClass("Error");
  fe.drain();
  const startup = fe.prebuilt.rehashFunction();
  const classes = [...fe.classes.values()].flatMap((m) => [...m.values()]);
  const functions = [...fe.functions.values()].flatMap((m) => [...m.values()]);
  for (const fn of [...functions, ...classes.flatMap((c) => [...c.methods.values()])]) {
    fn.jitHints = (fn.decl && fe.functionHints.get(fn.decl)) || new Set();
  }
  return {
    main,
    startup,
    functions: [...functions, ...fe.values.all(), ...fe.specialized, ...(startup ? [startup] : [])],
    classes,
    jitDrivers: [...fe.jitDrivers.values()],
    runtime,
    errorClass,
    classOfPrebuilt: (obj) => fe.prebuilt.classOf(obj),
  };
}
