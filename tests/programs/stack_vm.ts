// A small stack-based bytecode VM (the kind of program rts is for): a class with an Int32Array
// program, a number[] stack, a dispatch loop of if/else chains, jumps, calls and locals.
const PUSH = 0;
const ADD = 1;
const SUB = 2;
const MUL = 3;
const LT = 4;
const JMP = 5;
const JZ = 6;
const LOAD = 7;
const STORE = 8;
const PRINT = 9;
const HALT = 10;
const DUP = 11;
const DIV = 12;

class VM {
  stack: number[] = [];
  locals: number[] = [0, 0, 0, 0];
  pc = 0;
  steps = 0;

  constructor(public code: Int32Array) {}

  pop(): number {
    const v = this.stack[this.stack.length - 1];
    this.stack.pop();
    return v;
  }

  run(): number {
    const code = this.code;
    while (true) {
      const op = code[this.pc];
      this.steps++;
      if (op === PUSH) {
        this.stack.push(code[this.pc + 1]);
        this.pc += 2;
      } else if (op === ADD) {
        const b = this.pop();
        this.stack.push(this.pop() + b);
        this.pc++;
      } else if (op === SUB) {
        const b = this.pop();
        this.stack.push(this.pop() - b);
        this.pc++;
      } else if (op === MUL) {
        const b = this.pop();
        this.stack.push(this.pop() * b);
        this.pc++;
      } else if (op === DIV) {
        const b = this.pop();
        this.stack.push(this.pop() / b);
        this.pc++;
      } else if (op === LT) {
        const b = this.pop();
        this.stack.push(this.pop() < b ? 1 : 0);
        this.pc++;
      } else if (op === JMP) {
        this.pc = code[this.pc + 1];
      } else if (op === JZ) {
        if (this.pop() === 0) this.pc = code[this.pc + 1];
        else this.pc += 2;
      } else if (op === LOAD) {
        this.stack.push(this.locals[code[this.pc + 1]]);
        this.pc += 2;
      } else if (op === STORE) {
        this.locals[code[this.pc + 1]] = this.pop();
        this.pc += 2;
      } else if (op === DUP) {
        const v = this.pop();
        this.stack.push(v);
        this.stack.push(v);
        this.pc++;
      } else if (op === PRINT) {
        console.log("out:", this.pop());
        this.pc++;
      } else if (op === HALT) {
        return this.stack.length;
      } else {
        console.log("bad opcode", op, "at", this.pc);
        return -1;
      }
    }
  }
}

function assemble(words: number[]): Int32Array {
  const code = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) code[i] = words[i];
  return code;
}

export function main(argv: string[]): number {
  const vm1 = new VM(assemble([PUSH, 2, PUSH, 3, PUSH, 4, MUL, ADD, PRINT, PUSH, 7, PUSH, 2, DIV, PRINT, HALT])); // 2+3*4, 7/2
  console.log("left on stack", vm1.run(), "steps", vm1.steps);
  // factorial of 10 with a loop: l0 = n, l1 = acc
  const fact = assemble([
    PUSH, 10, STORE, 0, PUSH, 1, STORE, 1,
    LOAD, 0, PUSH, 1, LT, JZ, 19, JMP, 35,
    0, 0,
    LOAD, 1, LOAD, 0, MUL, STORE, 1, LOAD, 0, PUSH, 1, SUB, STORE, 0, JMP, 8,
    LOAD, 1, PRINT, HALT,
  ]);
  const vm2 = new VM(fact);
  console.log("left on stack", vm2.run(), "steps", vm2.steps);
  // sum of 0..99999 counting down: l0 = i, l1 = sum
  const sum = assemble([
    PUSH, 100000, STORE, 0, PUSH, 0, STORE, 1,
    LOAD, 0, JZ, 31,
    LOAD, 0, PUSH, 1, SUB, DUP, STORE, 0, LOAD, 1, ADD, STORE, 1, JMP, 8,
    0, 0, 0, 0,
    LOAD, 1, PRINT, HALT,
  ]);
  const vm3 = new VM(sum);
  console.log("left on stack", vm3.run(), "steps", vm3.steps);
  const bad = new VM(assemble([PUSH, 1, 99]));
  console.log("bad program", bad.run());
  return 0;
}
