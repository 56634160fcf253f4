// The bytecode: one Int32Array of opcodes, each followed by its operand if it has one.
// The stack holds 64-bit integers; an array value is a handle (1 + its index in the VM's
// array table; 0 is "no array", the value of a variable never assigned).

/** Push consts[operand]. */
export const CONST = 0;
/** Push vars[operand]. */
export const LOAD = 1;
/** Pop into vars[operand]. */
export const STORE = 2;
// Pop b, pop a, push a OP b.
export const ADD = 3;
export const SUB = 4;
export const MUL = 5;
/** Integer division truncating toward zero; division by zero is an error. */
export const DIV = 6;
/** Remainder with the sign of the dividend. */
export const MOD = 7;
export const LT = 8;
export const LE = 9;
export const GT = 10;
export const GE = 11;
export const EQ = 12;
export const NE = 13;
/** Pop a, push -a. */
export const NEG = 14;
/** Pop a, push 1 if a is 0, else 0. */
export const NOT = 15;
/** pc = operand. */
export const JUMP = 16;
/** Pop a; if a is 0, pc = operand. */
export const JUMP_IF_FALSE = 17;
/** Pop n, push a new array of n zeros. */
export const NEW_ARRAY = 18;
/** Pop index, pop array, push array[index]. */
export const GET_ITEM = 19;
/** Pop value, pop index, pop array; array[index] = value. */
export const SET_ITEM = 20;
/** Pop array, push its length. */
export const LENGTH = 21;
/** Pop a, append it to the output line. */
export const PRINT_NUMBER = 22;
/** Append strings[operand] to the output line. */
export const PRINT_STRING = 23;
/** End the output line. */
export const PRINT_END = 24;
export const HALT = 25;

export const NAMES = [
  "const", "load", "store", "add", "sub", "mul", "div", "mod", "lt", "le", "gt", "ge", "eq", "ne", "neg", "not",
  "jump", "jump_if_false", "new_array", "get_item", "set_item", "length", "print_number", "print_string", "print_end",
  "halt",
];

export function hasOperand(op: number): boolean {
  return op === CONST || op === LOAD || op === STORE || op === JUMP || op === JUMP_IF_FALSE || op === PRINT_STRING;
}
