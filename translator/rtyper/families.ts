// Call families at the low level: every function of a family is called through the same
// Wasm function type (call_indirect checks it), so before the graphs are lowered each
// member's graph gets the family's signature: unused inputs for parameters it does not
// declare (JS lets a callback ignore trailing arguments), and the family's result type.
import { Variable } from "../flowgraph/model.ts";
import { FunctionDesc } from "../frontend/program.ts";
import { FuncFamily, isUndefinedOnly } from "../annotator/model.ts";
import { LLType } from "./lltype.ts";
import { lltypeOf } from "./lltype-of.ts";

export interface Signature {
  params: LLType[];
  result: LLType;
}

/** The family roots of the program's function values. */
export function familyRoots(families: Map<FunctionDesc, FuncFamily>): FuncFamily[] {
  return [...new Set([...families.values()].map((f) => f.find()))];
}

export function unifySignatures(roots: FuncFamily[], annotated: Set<FunctionDesc>): void {
  for (const fam of roots) {
    for (const m of fam.members) {
      if (!annotated.has(m)) continue; // made but never called: never in the table
      const inputs = m.graph.startblock.inputargs;
      for (let i = inputs.length - 1; i < fam.params.length; i++) {
        const unused = new Variable("unused");
        unused.annotation = fam.params[i];
        inputs.push(unused);
      }
      m.graph.getReturnVar().annotation = fam.result;
    }
  }
}

/** The Wasm-level signature of a family's functions after the closure object (void: none). */
export function familySignature(fam: FuncFamily): Signature {
  return {
    params: fam.params.map((p) => lltypeOf(p)),
    result: isUndefinedOnly(fam.result) ? "void" : lltypeOf(fam.result),
  };
}
