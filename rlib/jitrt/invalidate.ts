// The main module's call into the JIT runtime when a quasi-immutable field is written
// (translated with --jit only; targets/wasm/ops.ts compiles quasi_invalidate to a call of
// it when the field's hidden word is nonzero). Every top-level function here is a runtime
// helper.
import { int } from "../types.ts";
import { invalidate } from "./quasiimmut.ts";

export function jitInvalidate(k: int): void {
  invalidate(k);
}
