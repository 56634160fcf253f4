// The jitcode instructions the meta-interpreter knows (translator/jit/ emits them; the
// opcode table in the data segment names each opcode "name/argcodes", numbered per
// program). Each opcode is mapped once to one of the handlers below and its argcodes.
import { load16, load32 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { opcodeTable } from "./jitcodes.ts";

export const H_LIVE = 0;
export const H_GOTO = 1;
export const H_GOTO_IF_NOT = 2;
export const H_SWITCH = 3;
export const H_COPY = 4;
export const H_RETURN = 5;
export const H_GUARD_VALUE = 6;
export const H_MERGE_POINT = 7;
export const H_LOOP_HEADER = 8;
export const H_INLINE_CALL = 9;
export const H_RESIDUAL_CALL = 10;
export const H_GETFIELD = 11;
export const H_SETFIELD = 12;
export const H_GETARRAYITEM = 13;
export const H_SETARRAYITEM = 14;
export const H_INT_ADD = 15;
export const H_INT_SUB = 16;
export const H_INT_MUL = 17;
export const H_INT_LT = 18;
export const H_INT_LE = 19;
export const H_INT_GT = 20;
export const H_INT_GE = 21;
export const H_INT_EQ = 22;
export const H_FLOAT_ADD = 23;
export const H_FLOAT_SUB = 24;
export const H_FLOAT_MUL = 25;
export const H_FLOAT_DIV = 26;
export const H_FLOAT_LT = 27;
export const H_EXC_OCCURRED = 28;
export const H_EXC_FETCH = 29;
export const H_EXC_RAISE = 30;
export const H_UNKNOWN = 31;
// The handlers of dataops.ts's otherOp (every one above H_UNKNOWN).
export const H_INT32_AND = 32;
export const H_INT32_OR = 33;
export const H_INT32_XOR = 34;
export const H_INT32_LSHIFT = 35;
export const H_INT32_RSHIFT = 36;
export const H_INT32_URSHIFT = 37;
export const H_INT32_NOT = 38;
export const H_BOOL_NOT = 39;
export const H_INT_IS_TRUE = 40;
export const H_INT_NEG = 41;
export const H_PTR_EQ = 42;
export const H_PTR_IS_TRUE = 43;
export const H_PTR_IS_NULLISH = 44;
export const H_LENGTH = 45;
export const H_CAST_INT_TO_FLOAT = 46;
export const H_FLOAT_LE = 47;
export const H_FLOAT_GT = 48;
export const H_FLOAT_GE = 49;
export const H_FLOAT_EQ = 50;
export const H_FLOAT_NEG = 51;
export const H_FLOAT_ABS = 52;
export const H_BOOL_EQ = 53;
export const H_LIST_LENGTH = 54;
export const H_GETLISTITEM = 55;
export const H_SETLISTITEM = 56;
export const H_LIST_RESERVE = 57;
export const H_LIST_APPEND = 58;
export const H_LIST_POP = 59;
export const H_INSTANCEOF = 60;
export const H_NEW = 61;

/** "int_copy" and "float_copy" are one handler: the argcodes tell the kind. */
function handlerOf(name: string): int {
  if (name === "-live-") return H_LIVE;
  if (name === "goto") return H_GOTO;
  if (name === "goto_if_not") return H_GOTO_IF_NOT;
  if (name === "switch") return H_SWITCH;
  if (name === "int_copy" || name === "ref_copy" || name === "float_copy") return H_COPY;
  if (name === "int_return" || name === "ref_return" || name === "float_return" || name === "void_return") return H_RETURN;
  if (name === "int_guard_value" || name === "ref_guard_value" || name === "float_guard_value") return H_GUARD_VALUE;
  if (name === "jit_merge_point") return H_MERGE_POINT;
  if (name === "loop_header") return H_LOOP_HEADER;
  if (name.startsWith("inline_call_")) return H_INLINE_CALL;
  if (name.startsWith("residual_call_")) return H_RESIDUAL_CALL;
  if (name.startsWith("getfield_")) return H_GETFIELD;
  if (name.startsWith("setfield_")) return H_SETFIELD;
  if (name.startsWith("getarrayitem_")) return H_GETARRAYITEM;
  if (name.startsWith("setarrayitem_")) return H_SETARRAYITEM;
  if (name.startsWith("getlistitem_")) return H_GETLISTITEM;
  if (name.startsWith("setlistitem_")) return H_SETLISTITEM;
  if (name === "list_reserve") return H_LIST_RESERVE;
  if (name.startsWith("list_append_")) return H_LIST_APPEND;
  if (name.startsWith("list_pop_")) return H_LIST_POP;
  if (name === "int_add") return H_INT_ADD;
  if (name === "int_sub") return H_INT_SUB;
  if (name === "int_mul") return H_INT_MUL;
  if (name === "int_lt") return H_INT_LT;
  if (name === "int_le") return H_INT_LE;
  if (name === "int_gt") return H_INT_GT;
  if (name === "int_ge") return H_INT_GE;
  if (name === "int_eq") return H_INT_EQ;
  if (name === "float_add") return H_FLOAT_ADD;
  if (name === "float_sub") return H_FLOAT_SUB;
  if (name === "float_mul") return H_FLOAT_MUL;
  if (name === "float_div") return H_FLOAT_DIV;
  if (name === "float_lt") return H_FLOAT_LT;
  if (name === "exc_occurred") return H_EXC_OCCURRED;
  if (name === "exc_fetch") return H_EXC_FETCH;
  if (name === "exc_raise") return H_EXC_RAISE;
  if (name === "int32_and") return H_INT32_AND;
  if (name === "int32_or") return H_INT32_OR;
  if (name === "int32_xor") return H_INT32_XOR;
  if (name === "int32_lshift") return H_INT32_LSHIFT;
  if (name === "int32_rshift") return H_INT32_RSHIFT;
  if (name === "int32_urshift") return H_INT32_URSHIFT;
  if (name === "int32_not") return H_INT32_NOT;
  if (name === "bool_not") return H_BOOL_NOT;
  if (name === "bool_eq") return H_BOOL_EQ;
  if (name === "int_is_true") return H_INT_IS_TRUE;
  if (name === "int_neg") return H_INT_NEG;
  if (name === "ptr_eq") return H_PTR_EQ;
  if (name === "ptr_is_true") return H_PTR_IS_TRUE;
  if (name === "ptr_is_nullish") return H_PTR_IS_NULLISH;
  if (name === "str_len" || name === "typed_len") return H_LENGTH;
  if (name === "list_len") return H_LIST_LENGTH;
  if (name === "instanceof") return H_INSTANCEOF;
  if (name === "new") return H_NEW;
  if (name === "cast_int_to_float") return H_CAST_INT_TO_FLOAT;
  if (name === "float_le") return H_FLOAT_LE;
  if (name === "float_gt") return H_FLOAT_GT;
  if (name === "float_ge") return H_FLOAT_GE;
  if (name === "float_eq") return H_FLOAT_EQ;
  if (name === "float_neg") return H_FLOAT_NEG;
  if (name === "float_abs") return H_FLOAT_ABS;
  return H_UNKNOWN;
}

/** Per opcode: its handler, its argcodes, its name (for error messages). */
export class OpcodeTable {
  handlers: int[] = [];
  argcodes: string[] = [];
  names: string[] = [];
}

const STR_LENGTH = 8;
const STR_CHARS = 16;

/** Parses the opcode table string of the data segment. */
export function readOpcodes(): OpcodeTable {
  const t = new OpcodeTable();
  const s = opcodeTable();
  const n = load32(s + STR_LENGTH);
  let entry = "";
  for (let i = 0; i <= n; i++) {
    const c = i < n ? load16(s + STR_CHARS + 2 * i) : 10;
    if (c !== 10) {
      entry += String.fromCharCode(c);
      continue;
    }
    const slash = entry.lastIndexOf("/");
    const name = entry.substring(0, slash);
    t.names.push(name);
    t.handlers.push(handlerOf(name));
    t.argcodes.push(entry.substring(slash + 1));
    entry = "";
  }
  return t;
}
