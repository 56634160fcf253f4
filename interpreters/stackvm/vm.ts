// The VM: one dispatch loop over the bytecode, with a value stack and the global variables
// in a Frame. Marked for the JIT as RPython interpreters are: the position in the program
// (pc and the code) is green, the rest of the state red; a backward jump (the end of a while
// body) is where a guest loop closes, so it is where the JIT may enter. The frame is
// virtualizable: a trace keeps the stack's and the variables' items in registers (the stack
// pointer is promoted, so that every item's index is a constant in a trace).
import { elidable, JitDriver, promote, virtualizable } from "../../rlib/jit.ts";
import { write } from "../../rlib/os.ts";
import { intDiv, intMod } from "../../rlib/rarith.ts";
import { Code } from "./compiler.ts";
import { VmError } from "./errors.ts";
import * as op from "./opcodes.ts";

/** The program's arrays; a handle is 1 + the index here (0 is "no array"). */
class Arrays {
  items: number[][] = [];

  create(n: number, line: number): number {
    if (n < 0) throw new VmError(`array length ${n} is negative`, line);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(0);
    this.items.push(a);
    return this.items.length;
  }

  get(handle: number, line: number): number[] {
    if (handle < 1 || handle > this.items.length) throw new VmError(`${handle} is not an array`, line);
    return this.items[handle - 1];
  }
}

/** Output, written in chunks. */
export class Output {
  private buffer = "";

  add(s: string): void {
    this.buffer += s;
    if (this.buffer.length >= 4096) this.flush();
  }

  flush(): void {
    if (this.buffer.length > 0) write(1, this.buffer);
    this.buffer = "";
  }
}

/** The instruction word at pc: the code never changes, so with pc and code constant in a
 *  trace the JIT folds this read. */
function fetch(code: Code, pc: number): number {
  return code.ops[pc];
}
elidable(fetch);

/** Constant k of the program, and the source line of the instruction at pc: the compiled
 *  program never changes, so these fold too. */
function constantAt(code: Code, k: number): number {
  return code.consts[k];
}
elidable(constantAt);

function lineAt(code: Code, pc: number): number {
  return code.lines[pc];
}
elidable(lineAt);

function checkIndex(a: number[], i: number, line: number): void {
  if (i < 0 || i >= a.length) throw new VmError(`index ${i} out of range for an array of length ${a.length}`, line);
}

/** The value stack (its depth at each instruction is known to the compiler, which sizes it)
 *  and the variables. Only the loop below reads and writes them. */
class Frame {
  readonly stack: number[] = [];
  readonly vars: number[] = [];

  constructor(code: Code) {
    for (let i = 0; i < code.stackSize; i++) this.stack.push(0);
    for (let i = 0; i < code.varNames.length; i++) this.vars.push(0);
  }
}
virtualizable(Frame, "stack[*]", "vars[*]");

const driver = new JitDriver({ greens: ["pc", "code"], reds: ["sp", "frame", "arrays", "out"], virtualizables: ["frame"] });

export function run(code: Code, out: Output): void {
  const frame = new Frame(code);
  const arrays = new Arrays();
  let sp = 0;
  let pc = 0;
  while (true) {
    driver.jitMergePoint({ pc, code, sp, frame, arrays, out });
    // The stack's depth is the same at every run of an instruction.
    sp = promote(sp);
    const stack = frame.stack;
    const vars = frame.vars;
    const opcode = fetch(code, pc);
    switch (opcode) {
      case op.CONST:
        stack[sp] = constantAt(code, fetch(code, pc + 1));
        sp++;
        pc += 2;
        break;
      case op.LOAD:
        stack[sp] = vars[fetch(code, pc + 1)];
        sp++;
        pc += 2;
        break;
      case op.STORE:
        sp--;
        vars[fetch(code, pc + 1)] = stack[sp];
        pc += 2;
        break;
      case op.NEG:
        stack[sp - 1] = 0 - stack[sp - 1];
        pc++;
        break;
      case op.NOT:
        stack[sp - 1] = stack[sp - 1] === 0 ? 1 : 0;
        pc++;
        break;
      case op.JUMP: {
        const target = fetch(code, pc + 1);
        if (target < pc) {
          pc = target;
          driver.canEnterJit({ pc, code, sp, frame, arrays, out });
        } else {
          pc = target;
        }
        break;
      }
      case op.JUMP_IF_FALSE:
        sp--;
        if (stack[sp] === 0) pc = fetch(code, pc + 1);
        else pc += 2;
        break;
      case op.NEW_ARRAY:
        stack[sp - 1] = arrays.create(stack[sp - 1], lineAt(code, pc));
        pc++;
        break;
      case op.GET_ITEM: {
        sp--;
        const a = arrays.get(stack[sp - 1], lineAt(code, pc));
        const i = stack[sp];
        checkIndex(a, i, lineAt(code, pc));
        stack[sp - 1] = a[i];
        pc++;
        break;
      }
      case op.SET_ITEM: {
        sp -= 3;
        const a = arrays.get(stack[sp], lineAt(code, pc));
        const i = stack[sp + 1];
        checkIndex(a, i, lineAt(code, pc));
        a[i] = stack[sp + 2];
        pc++;
        break;
      }
      case op.LENGTH:
        stack[sp - 1] = arrays.get(stack[sp - 1], lineAt(code, pc)).length;
        pc++;
        break;
      case op.PRINT_NUMBER:
        sp--;
        out.add(`${stack[sp]}`);
        pc++;
        break;
      case op.PRINT_STRING:
        out.add(code.strings[fetch(code, pc + 1)]);
        pc += 2;
        break;
      case op.PRINT_END:
        out.add("\n");
        pc++;
        break;
      case op.HALT:
        return;
      default: {
        // Binary operators: pop b, pop a, push a OP b.
        sp--;
        const b = stack[sp];
        const a = stack[sp - 1];
        stack[sp - 1] = binary(opcode, a, b, lineAt(code, pc));
        pc++;
      }
    }
  }
}

function binary(opcode: number, a: number, b: number, line: number): number {
  switch (opcode) {
    case op.ADD: return a + b;
    case op.SUB: return a - b;
    case op.MUL: return a * b;
    case op.DIV:
      if (b === 0) throw new VmError("division by zero", line);
      return intDiv(a, b);
    case op.MOD:
      if (b === 0) throw new VmError("division by zero", line);
      return intMod(a, b);
    case op.LT: return a < b ? 1 : 0;
    case op.LE: return a <= b ? 1 : 0;
    case op.GT: return a > b ? 1 : 0;
    case op.GE: return a >= b ? 1 : 0;
    case op.EQ: return a === b ? 1 : 0;
    case op.NE: return a !== b ? 1 : 0;
  }
  throw new VmError(`bad opcode ${opcode}`, line);
}
