// The rtyper's public entry: lowers every annotated graph to low-level operations.
import { FunctionDesc, Program } from "../frontend/program.ts";
import { AnnotatedProgram } from "../annotator/index.ts";
import { Layouts } from "./layouts.ts";
import { removeRedundantInputs } from "../flowgraph/simplify.ts";
import { RTyper } from "./rtyper.ts";

export interface LowLevelProgram {
  program: Program;
  functions: FunctionDesc[];
  layouts: Layouts;
}

export function rtype(ap: AnnotatedProgram): LowLevelProgram {
  const layouts = new Layouts(ap.classdefs);
  const rt = new RTyper(ap, layouts);
  for (const fn of ap.functions) rt.rtypeGraph(fn.graph);
  // The low-level graphs leave block-local form: values flow directly to the blocks they
  // dominate, instead of through block inputs (fewer copies in the generated code).
  for (const fn of ap.functions) removeRedundantInputs(fn.graph);
  return { program: ap.program, functions: ap.functions, layouts };
}
