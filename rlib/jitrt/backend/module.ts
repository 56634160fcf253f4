// A trace's Wasm module: it imports the main module's memory, function table, shadow-stack
// pointer and pending exception (the hosts' rts_jit.compile supplies them as env.memory,
// env.table, env.sp, env.exc), then its relocations (function.ts) as immutable i32 globals
// env.r0, env.r1, ... (compile's values), and exports its one function as "trace". Traces
// of the same shape are then byte for byte the same module, which the hosts compile once:
// compiling is most of the JIT's time on wasmtime, where each module costs Cranelift
// ~0.6 ms however small, and half of a long run's bridges are copies of others'.
import { int } from "../../types.ts";
import { ByteBuffer } from "./bytes.ts";
import { functionBody } from "./codegen.ts";
import { FunctionCode } from "./function.ts";
import {
  EXTERNAL_FUNC, EXTERNAL_GLOBAL, EXTERNAL_MEMORY, EXTERNAL_TABLE, FUNC_TYPE, FUNCREF, I32, IMMUTABLE, MUTABLE, SECTION_CODE, SECTION_EXPORT,
  SECTION_FUNCTION, SECTION_IMPORT, SECTION_TYPE,
} from "./wasm.ts";

function section(out: ByteBuffer, id: int, content: ByteBuffer): void {
  out.byte(id);
  out.sized(content);
}

function valueTypes(out: ByteBuffer, types: int[]): void {
  out.u32(types.length);
  for (const t of types) out.byte(t);
}

/** The module around the trace function (its type is the first of its types). */
export function traceModule(f: FunctionCode): ByteBuffer {
  const out = new ByteBuffer();
  for (const b of [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]) out.byte(b);

  const types = new ByteBuffer();
  types.u32(f.types.length);
  for (const t of f.types) {
    types.byte(FUNC_TYPE);
    valueTypes(types, t.params);
    valueTypes(types, t.results);
  }
  section(out, SECTION_TYPE, types);

  // Minimum sizes 0: any memory and table satisfy them. The globals in function.ts's order.
  const imports = new ByteBuffer();
  imports.u32(4 + f.relocations.length);
  imports.name("env");
  imports.name("memory");
  imports.byte(EXTERNAL_MEMORY);
  imports.byte(0);
  imports.u32(0);
  imports.name("env");
  imports.name("table");
  imports.byte(EXTERNAL_TABLE);
  imports.byte(FUNCREF);
  imports.byte(0);
  imports.u32(0);
  for (const name of ["sp", "exc"]) {
    imports.name("env");
    imports.name(name);
    imports.byte(EXTERNAL_GLOBAL);
    imports.byte(I32);
    imports.byte(MUTABLE);
  }
  for (let k = 0; k < f.relocations.length; k++) {
    imports.name("env");
    imports.name(`r${k}`);
    imports.byte(EXTERNAL_GLOBAL);
    imports.byte(I32);
    imports.byte(IMMUTABLE);
  }
  section(out, SECTION_IMPORT, imports);

  const functions = new ByteBuffer();
  functions.u32(1);
  functions.u32(0);
  section(out, SECTION_FUNCTION, functions);

  const exports = new ByteBuffer();
  exports.u32(1);
  exports.name("trace");
  exports.byte(EXTERNAL_FUNC);
  exports.u32(0);
  section(out, SECTION_EXPORT, exports);

  const code = new ByteBuffer();
  code.u32(1);
  code.sized(functionBody(f));
  section(out, SECTION_CODE, code);
  return out;
}
