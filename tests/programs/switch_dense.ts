// Dense integer switches (compiled to a br_table): negative and shifted ranges, values far
// outside the table (beyond 2^32, so a 32-bit index would wrap onto a case), duplicate cases
// (the first wins), fallthrough between table cases, and an opcode dispatch loop.
function name(n: number): string {
  switch (n) {
    case -2: return "minus two";
    case -1: return "minus one";
    case 0: return "zero";
    case 1: return "one";
    case 2:
    case 3: return "two or three";
    case 5: return "five";
    default: return "other";
  }
}

function shifted(n: number): number {
  let r = 0;
  switch (n) {
    case 100: r += 1;
    case 101: r += 10;
    case 102: r += 100; break;
    case 104: r = 7; break;
    case 101: r = -1; break; // never taken: 101 matched above
  }
  return r;
}

const PUSH = 0, ADD = 1, MUL = 2, DUP = 3, SWAP = 4, DROP = 5, JNZ = 6, DEC = 7, PRINT = 8, HALT = 9;

function run(code: number[]): number {
  const stack: number[] = [];
  let pc = 0;
  let steps = 0;
  for (;;) {
    steps++;
    const op = code[pc++];
    switch (op) {
      case PUSH: stack.push(code[pc++]); break;
      case ADD: { const b = stack.pop()!; const a = stack.pop()!; stack.push(a + b); break; }
      case MUL: { const b = stack.pop()!; const a = stack.pop()!; stack.push(a * b); break; }
      case DUP: { const a = stack.pop()!; stack.push(a); stack.push(a); break; }
      case SWAP: { const b = stack.pop()!; const a = stack.pop()!; stack.push(b); stack.push(a); break; }
      case DROP: stack.pop(); break;
      case JNZ: { const t = code[pc++]; if (stack[stack.length - 1] !== 0) pc = t; break; }
      case DEC: stack.push(stack.pop()! - 1); break;
      case PRINT: console.log("top", stack[stack.length - 1]); break;
      case HALT: return steps;
      default:
        console.log("bad op", op);
        return -1;
    }
  }
}

export function main(argv: string[]): number {
  for (let i = -4; i < 8; i++) console.log(i, name(i));
  const far = [4294967296, 4294967297, 4294967295, -4294967296, -4294967297, 9007199254740991, -9007199254740991];
  for (const x of far) console.log(x, name(x), shifted(x + 100));
  for (let i = 98; i < 106; i++) console.log(i, shifted(i));
  const stackOps = [PUSH, 3, PUSH, 4, SWAP, DUP, MUL, ADD, PRINT, PUSH, 2, MUL, PRINT, DROP, HALT];
  console.log("steps", run(stackOps));
  const loop = [PUSH, 1, PUSH, 10, DUP, PRINT, DROP, DEC, JNZ, 4, PRINT, HALT];
  console.log("steps", run(loop));
  console.log("bad", run([PUSH, 1, 42]));
  return 0;
}
