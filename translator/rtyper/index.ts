// The rtyper's public entry: lowers every annotated graph to low-level operations.
import { FunctionDesc, Program, TypedArrayKind } from "../frontend/program.ts";
import { AnnotatedProgram } from "../annotator/index.ts";
import { Layouts } from "./layouts.ts";
import { removeRedundantInputs } from "../flowgraph/simplify.ts";
import { RTyper } from "./rtyper.ts";
import { lltypeOf } from "./lltype-of.ts";
import { LLType, StructLayout } from "./lltype.ts";
import { familyRoots, unifySignatures } from "./families.ts";

/** The payloads of the `dispatch` and `call_indirect` operations, for the later stages. */
export { type DispatchCase, IndirectCall } from "./rtype-calls.ts";

/** How the backend lays out a prebuilt object in the data segment. */
export type PrebuiltShape =
  | { kind: "instance"; layout: StructLayout }
  | { kind: "list"; itemType: LLType }
  | { kind: "typed"; elem: TypedArrayKind };

export interface LowLevelProgram {
  program: Program;
  functions: FunctionDesc[];
  layouts: Layouts;
  shapeOfPrebuilt(obj: object): PrebuiltShape;
}

export function rtype(ap: AnnotatedProgram): LowLevelProgram {
  const layouts = new Layouts(ap.classdefs, ap.captures);
  unifySignatures(familyRoots(ap.families), new Set(ap.functions));
  const rt = new RTyper(ap, layouts);
  for (const fn of ap.functions) rt.rtypeGraph(fn);
  // The low-level graphs leave block-local form: values flow directly to the blocks they
  // dominate, instead of through block inputs (fewer copies in the generated code).
  for (const fn of ap.functions) removeRedundantInputs(fn.graph);
  const shapeOfPrebuilt = (obj: object): PrebuiltShape => {
    const a = ap.prebuilt.get(obj);
    if (a?.kind === "inst") return { kind: "instance", layout: layouts.ofClass(a.classdef.desc) };
    if (a?.kind === "list") return { kind: "list", itemType: lltypeOf(a.listdef.item) };
    if (a?.kind === "typed") return { kind: "typed", elem: a.elem };
    throw new Error(`prebuilt object was not annotated: ${obj.constructor?.name}`);
  };
  return { program: ap.program, functions: ap.functions, layouts, shapeOfPrebuilt };
}
