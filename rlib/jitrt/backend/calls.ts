// Residual calls: `call_indirect` through the main module's function table with the exact
// Wasm signature of the call descriptor. The callee may collect, and the generational
// collector moves objects: the refs the trace still needs after the call are spilled to the
// shadow stack (above its top, which is then raised so the collector sees and updates them)
// and reloaded after it, as translator/transform/gcroots.ts does for the main module.
import { int } from "../../types.ts";
import { fatal } from "../../runtime.ts";
import { descrWord, LL_F64, LL_I32, LL_VOID } from "../jitcodes.ts";
import { ResOp, TYPE_VOID, Value } from "../resop.ts";
import { FuncType, FunctionCode, GLOBAL_SP } from "./function.ts";
import {
  CALL_INDIRECT, DROP, F64, GLOBAL_GET, GLOBAL_SET, I32, I32_ADD, I32_LOAD, I32_STORE, I64, I64_EXTEND_I32_U, LOCAL_GET,
  LOCAL_SET,
} from "./wasm.ts";

/** Words of a call descriptor (jitdata.ts): table slot, elidable, result type, argument
 *  count, then the argument types (low-level type codes), then the fields the callee may
 *  write and whether it may touch lists (the optimizer's, jitdescrs.ts). */
const CALL_SLOT = 1;
const CALL_RESULT = 3;
const CALL_NARGS = 4;
const CALL_ARGS = 5;

function wasmTypeOf(ll: int): int {
  if (ll === LL_F64) return F64;
  if (ll === LL_I32 || ll > LL_F64) return I32;
  return I64;
}

/** A call_i/r/f/n operation at position `at`: its arguments in the callee's parameter order. */
export function residualCall(f: FunctionCode, op: ResOp, at: int): void {
  const d = op.descr;
  const nargs = descrWord(d, CALL_NARGS);
  if (nargs !== op.args.length) fatal(`jit backend: a call with ${op.args.length} arguments to a function of ${nargs}`);
  const params: int[] = [];
  for (let k = 0; k < nargs; k++) params.push(wasmTypeOf(descrWord(d, CALL_ARGS + k)));
  const result = descrWord(d, CALL_RESULT);
  const results: int[] = [];
  if (result !== LL_VOID) results.push(wasmTypeOf(result));
  if (op.type !== TYPE_VOID && result === LL_VOID) fatal("jit backend: a call that returns nothing gives a value");
  const live = f.refsLiveAcross(at);
  spill(f, live);
  for (let k = 0; k < nargs; k++) {
    if (descrWord(d, CALL_ARGS + k) === LL_I32) f.push32(op.args[k]);
    else f.push(op.args[k]);
  }
  f.i32Const(descrWord(d, CALL_SLOT));
  f.instr(CALL_INDIRECT, f.typeIndex(new FuncType(params, results)));
  f.byte(0);
  if (result === LL_I32) f.byte(I64_EXTEND_I32_U);
  if (op.type !== TYPE_VOID) f.setLocal(op);
  else if (result !== LL_VOID) f.byte(DROP);
  reload(f, live);
}

/** Stores `live` above the shadow stack's top and raises it over them (the collector then
 *  updates them). */
export function spill(f: FunctionCode, live: Value[]): void {
  if (live.length === 0) return;
  f.instr(GLOBAL_GET, GLOBAL_SP);
  f.instr(LOCAL_SET, f.spillBase);
  for (let k = 0; k < live.length; k++) {
    f.instr(LOCAL_GET, f.spillBase);
    f.push(live[k]);
    f.memoryAccess(I32_STORE, 2, 4 * k);
  }
  f.instr(LOCAL_GET, f.spillBase);
  f.i32Const(4 * live.length);
  f.byte(I32_ADD);
  f.instr(GLOBAL_SET, GLOBAL_SP);
}

/** Reloads what spill stored (moved objects' new addresses) and lowers the top again. */
export function reload(f: FunctionCode, live: Value[]): void {
  if (live.length === 0) return;
  for (let k = 0; k < live.length; k++) {
    f.instr(LOCAL_GET, f.spillBase);
    f.memoryAccess(I32_LOAD, 2, 4 * k);
    f.setLocal(live[k]);
  }
  f.instr(LOCAL_GET, f.spillBase);
  f.instr(GLOBAL_SET, GLOBAL_SP);
}
