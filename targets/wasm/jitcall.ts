// The function through which rlib/jitrt makes the residual calls of jitcodes while it
// traces or blackholes (the lowlevel.ts intrinsic jitCall): `__jit_call(descr, buf)`
// selects the call descriptor with a br_table, loads the arguments from 8-byte slots at
// `buf` (ints as i64, booleans and refs in the low word, floats as f64), calls the function
// directly, and writes the result to the first slot the same way (booleans and refs
// zero-extended to i64).
import binaryen from "binaryen";
import { FunctionDesc } from "../../translator/frontend/program.ts";
import { JitCodes } from "../../translator/jit/index.ts";
import { CallDescr } from "../../translator/jit/descr.ts";
import { LLType } from "../../translator/rtyper/lltype.ts";
import { wasmType } from "./functions.ts";
import { JIT_CALL_FUNCTION } from "./ops.ts";

export function addJitCall(m: binaryen.Module, jc: JitCodes, functionName: (fn: FunctionDesc) => string): void {
  const buf = () => m.local.get(1, binaryen.i32);
  const load = (t: LLType, slot: number) => {
    if (t === "i64") return m.i64.load(8 * slot, 8, buf());
    if (t === "f64") return m.f64.load(8 * slot, 8, buf());
    return m.i32.load(8 * slot, 4, buf());
  };
  const store = (t: LLType, v: binaryen.ExpressionRef) => {
    if (t === "f64") return m.f64.store(0, 8, buf(), v);
    if (t === "i64") return m.i64.store(0, 8, buf(), v);
    return m.i64.store(0, 8, buf(), m.i64.extend_u(v));
  };
  const cases: { index: number; body: binaryen.ExpressionRef }[] = [];
  jc.descrs.forEach((d, index) => {
    if (!(d instanceof CallDescr) || !(d.fn instanceof FunctionDesc)) return;
    const call = m.call(functionName(d.fn), d.argTypes.map((t, i) => load(t, i)), wasmType(d.resultType));
    cases.push({ index, body: d.resultType === "void" ? call : store(d.resultType, call) });
  });
  // block $done { block $cN { ... block $c0 { br_table } case0; br $done } case1; br $done } ...
  const size = jc.descrs.length;
  const labels = Array.from({ length: size }, () => "skip");
  cases.forEach((c, k) => (labels[c.index] = `c${k}`));
  let inner = m.switch(labels, "skip", m.local.get(0, binaryen.i32));
  cases.forEach((c, k) => {
    inner = m.block(null, [m.block(`c${k}`, [inner]), c.body, m.br("done")]);
  });
  const body = m.block("done", [m.block("skip", [inner]), m.unreachable()]);
  m.addFunction(JIT_CALL_FUNCTION, binaryen.createType([binaryen.i32, binaryen.i32]), binaryen.none, [], body);
}
