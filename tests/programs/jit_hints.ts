// A small bytecode VM with every JIT hint of rlib/jit.ts: without --jit they change nothing.
import { dontLookInside, elidable, JitDriver, JitParams, promote, unrollSafe } from "../../rlib/jit.ts";

const PUSH = 0;
const ADD = 1;
const DUP = 2;
const JUMP_IF_POS = 3;
const DEC = 4;
const PRINT = 5;
const HALT = 6;

class Code {
  constructor(
    public ops: Int32Array,
    public args: Int32Array,
  ) {}
  argAt(pc: number): number {
    return this.args[pc];
  }
}

class Stack {
  items: number[] = [];
  push(v: number): void {
    this.items.push(v);
  }
  pop(): number {
    return this.items.pop()!;
  }
  peek(): number {
    return this.items[this.items.length - 1];
  }
}

function opAt(code: Code, pc: number): number {
  return code.ops[pc];
}
elidable(opAt);
elidable(Code.prototype.argAt);

function sumTo(n: number): number {
  let s = 0;
  for (let i = 1; i <= n; i++) s += i;
  return s;
}
unrollSafe(sumTo);

function report(label: string, v: number): void {
  console.log(label, v);
}
dontLookInside(report);

const params = new JitParams();
params.threshold = 3;
const driver = new JitDriver({ greens: ["pc", "code"], reds: ["stack", "steps"], params });

function run(code: Code, stack: Stack): number {
  let pc = 0;
  let steps = 0;
  while (true) {
    driver.jitMergePoint({ pc, code, stack, steps });
    steps++;
    const op = opAt(code, pc);
    if (op === PUSH) {
      stack.push(code.argAt(pc));
    } else if (op === ADD) {
      stack.push(stack.pop() + stack.pop());
    } else if (op === DUP) {
      stack.push(stack.peek());
    } else if (op === DEC) {
      stack.push(stack.pop() - 1);
    } else if (op === PRINT) {
      report("top", stack.peek());
    } else if (op === JUMP_IF_POS) {
      if (stack.pop() > 0) {
        pc = code.argAt(pc);
        driver.canEnterJit({ pc, code, stack, steps });
        continue;
      }
    } else if (op === HALT) {
      return steps;
    }
    pc = promote(pc + 1);
  }
}

// counter = 5; do { print; counter-- } while (counter > 0)
const PROGRAM = new Code(new Int32Array([PUSH, PRINT, DEC, DUP, JUMP_IF_POS, HALT]), new Int32Array([5, 0, 0, 0, 1, 0]));

export function main(argv: string[]): number {
  const stack = new Stack();
  const steps = run(PROGRAM, stack);
  console.log("steps", steps, "left", stack.items.length, "sum", sumTo(10));
  console.log("promoted", promote(41) + 1, promote("s") + "!");
  return 0;
}
