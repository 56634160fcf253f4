// The bytecode: each instruction is an opcode followed by its operands in the code's
// Int32Array. Every expression leaves exactly one value on the operand stack; a call's
// arguments are pushed left to right, then the procedure.
import type { int } from "../../rlib/types.ts";
import { Code } from "./values.ts";
import { toWriteString } from "./printer.ts";

/** CONST k: push consts[k]. */
export const CONST = 0;
/** LOCAL slot: push the slot of the current frame. */
export const LOCAL = 1;
/** OUTER depth slot: push a slot of the frame `depth` levels out. */
export const OUTER = 2;
/** STORE_LOCAL slot: pop into the slot of the current frame. */
export const STORE_LOCAL = 3;
/** STORE_OUTER depth slot. */
export const STORE_OUTER = 4;
/** GLOBAL k: push the global cell of the symbol syms[k] (an error while unbound). */
export const GLOBAL = 5;
/** STORE_GLOBAL k: pop into a global that must already be defined (set!). */
export const STORE_GLOBAL = 6;
/** DEFINE_GLOBAL k: pop into the global cell. */
export const DEFINE_GLOBAL = 7;
/** POP: drop the top value. */
export const POP = 8;
/** JUMP target. */
export const JUMP = 9;
/** JUMP_IF_FALSE target: pop; jump when it is #f. */
export const JUMP_IF_FALSE = 10;
/** AND_JUMP target: when the top is #f jump, keeping it; else pop it (for `and`). */
export const AND_JUMP = 11;
/** OR_JUMP target: when the top is not #f jump, keeping it; else pop it (for `or`, `cond`). */
export const OR_JUMP = 12;
/** CLOSURE k: push a closure of codes[k] over the current frame. */
export const CLOSURE = 13;
/** CALL argc e: pop the procedure and call it with the argc values below it; exprs[e] is
 *  the call's source. */
export const CALL = 14;
/** TAIL_CALL argc e: as CALL, replacing the current frame. */
export const TAIL_CALL = 15;
/** RETURN: pop the result and return it to the caller's frame. */
export const RETURN = 16;
/** PRIM_CALL argc k e tail: call the global syms[k]; when it still holds its built-in
 *  primitive, run that directly (no procedure lookup, no frame), else a CALL / TAIL_CALL. */
export const PRIM_CALL = 17;
// Arithmetic on two arguments with an inline fixnum path, operands as PRIM_CALL minus argc:
// ADD k e tail. The fallback is the generic primitive, or a call when the global changed.
export const ADD = 18;
export const SUB = 19;
export const MUL = 20;
export const NUM_EQ = 21;
export const LT = 22;
export const GT = 23;
export const LE = 24;
export const GE = 25;

const NAMES = ["CONST", "LOCAL", "OUTER", "STORE_LOCAL", "STORE_OUTER", "GLOBAL", "STORE_GLOBAL", "DEFINE_GLOBAL", "POP",
  "JUMP", "JUMP_IF_FALSE", "AND_JUMP", "OR_JUMP", "CLOSURE", "CALL", "TAIL_CALL", "RETURN", "PRIM_CALL",
  "ADD", "SUB", "MUL", "NUM_EQ", "LT", "GT", "LE", "GE"];
const OPERANDS = [1, 1, 2, 1, 2, 1, 1, 1, 0, 1, 1, 1, 1, 1, 2, 2, 0, 4, 3, 3, 3, 3, 3, 3, 3, 3];

/** The number of operands after an opcode. */
export function operandCount(op: int): int {
  return OPERANDS[op];
}

/** The code and every lambda nested in it, one instruction a line (the compiler's printer). */
export function disassemble(code: Code, out: string[]): void {
  out.push(`code ${code.name === "" ? "<anonymous>" : code.name}: params ${code.nparams}${code.rest ? " + rest" : ""}, slots ${code.nslots}\n`);
  let pc = 0;
  while (pc < code.ops.length) {
    const op = code.ops[pc];
    let line = `  ${pc}: ${NAMES[op]}`;
    for (let i = 1; i <= OPERANDS[op]; i++) line += ` ${code.ops[pc + i]}`;
    if (op === CONST) line += `    ; ${toWriteString(code.consts[code.ops[pc + 1]])}`;
    if (op === GLOBAL || op === STORE_GLOBAL || op === DEFINE_GLOBAL || op >= ADD) line += `    ; ${code.syms[code.ops[pc + 1]].name}`;
    if (op === PRIM_CALL) line += `    ; ${code.syms[code.ops[pc + 2]].name}`;
    out.push(line + "\n");
    pc += 1 + OPERANDS[op];
  }
  for (let i = 0; i < code.codes.length; i++) disassemble(code.codes[i], out);
}
