// A trace's Wasm module: it imports the main module's memory and function table (the hosts'
// rts_jit.compile supplies them as env.memory and env.table) and exports its one function
// as "trace".
import { ByteBuffer } from "./bytes.ts";
import {
  EXTERNAL_FUNC, EXTERNAL_MEMORY, EXTERNAL_TABLE, FUNC_TYPE, FUNCREF, I32, SECTION_CODE, SECTION_EXPORT, SECTION_FUNCTION,
  SECTION_IMPORT, SECTION_TYPE,
} from "./wasm.ts";
import { int } from "../../types.ts";

function section(out: ByteBuffer, id: int, content: ByteBuffer): void {
  out.byte(id);
  out.sized(content);
}

/** The module around one function of type (i32, i32) -> i32 with this body. */
export function traceModule(body: ByteBuffer): ByteBuffer {
  const out = new ByteBuffer();
  for (const b of [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]) out.byte(b);

  const types = new ByteBuffer();
  types.u32(1);
  types.byte(FUNC_TYPE);
  types.u32(2);
  types.byte(I32);
  types.byte(I32);
  types.u32(1);
  types.byte(I32);
  section(out, SECTION_TYPE, types);

  // Minimum sizes 0: any memory and table satisfy them.
  const imports = new ByteBuffer();
  imports.u32(2);
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
  code.sized(body);
  section(out, SECTION_CODE, code);
  return out;
}
