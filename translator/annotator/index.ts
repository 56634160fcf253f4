// The annotator's public entry: infers the type of every value reachable from `main`
// and from the runtime helpers, and reports which functions and classes are used.
import { ts } from "ts-morph";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { ClassDesc, FunctionDesc, Program } from "../frontend/program.ts";
import { Annotator, Restart, Slot } from "./annotator.ts";
import { ClassDef, FuncFamily, ListDef, s_bool, s_float, s_int, s_str, SomeValue } from "./model.ts";

export interface AnnotatedProgram {
  program: Program;
  /** Every function that was annotated (called from somewhere reachable). */
  functions: FunctionDesc[];
  classdefs: Map<ClassDesc, ClassDef>;
  /** The annotation of each prebuilt object the program uses. */
  prebuilt: Map<object, SomeValue>;
  /** The call family of each function used as a value (merged families: use find()). */
  families: Map<FunctionDesc, FuncFamily>;
  /** The annotations of what each closure function captures. */
  captures: Map<FunctionDesc, Slot[]>;
}

export function annotate(program: Program): AnnotatedProgram {
  const forcedFloat = new Set<object>();
  for (;;) {
    const a = new Annotator(program, forcedFloat);
    try {
      const argvList = new ListDef();
      argvList.generalize(s_str);
      a.call(program.main, [{ kind: "list", listdef: argvList, nullable: false }], null);
      for (const fn of program.runtime.values()) a.call(fn, entryArguments(a, fn), null);
      if (program.startup) a.call(program.startup, [], null);
      a.complete();
      return { program, functions: [...a.funcs.keys()], classdefs: a.classdefs, prebuilt: a.prebuilt, families: a.families, captures: a.captures };
    } catch (e) {
      if (!(e instanceof Restart)) throw e;
      forgetAnnotations(program);
    }
  }
}

function forgetAnnotations(program: Program): void {
  const methods = program.classes.flatMap((c) => [c.ctor, ...c.methods.values()]);
  for (const fn of [...program.functions, ...methods]) {
    for (const b of fn.graph.blocks()) {
      for (const v of b.inputargs) v.annotation = undefined;
      for (const op of b.operations) {
        op.result.annotation = undefined;
        for (const a of op.args) a.annotation = undefined; // constants cache theirs
      }
      for (const l of b.exits) for (const a of l.args) a.annotation = undefined;
    }
    fn.graph.getReturnVar().annotation = undefined;
  }
}

/** The runtime helpers are called by generated code: their declared types are their annotations. */
function entryArguments(an: Annotator, fn: FunctionDesc): SomeValue[] {
  const decl = fn.decl as ts.FunctionDeclaration;
  return decl.parameters.map((p, i) => {
    const kind = fn.paramKinds[i];
    if (kind === "int") return s_int;
    if (kind === "float") return s_float;
    const t = p.type?.getText();
    if (t === "Error") return { kind: "inst", classdef: an.classdef(an.program.errorClass), nullable: false };
    if (t === "string") return s_str;
    if (t === "string | null" || t === "string | null | undefined") return { kind: "str", nullable: true };
    if (t === "boolean") return s_bool;
    throw new RtsError(fn.loc, `runtime helper ${fn.name}: parameter type ${t} must be string (| null | undefined), boolean, int, float or Error`);
  });
}
