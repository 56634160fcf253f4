// A two-pass assembler for a small stack machine (labels, forward references, constants),
// its disassembler, and the machine itself: the front end and back end of a bytecode VM.
enum Op {
  Push = 1,
  Load,
  Store,
  Add,
  Sub,
  Mul,
  Lt,
  Jmp,
  Jz,
  Print,
  Halt,
}

const NAMES = ["?", "push", "load", "store", "add", "sub", "mul", "lt", "jmp", "jz", "print", "halt"];

class AsmError extends Error {
  constructor(
    public line: number,
    msg: string,
  ) {
    super(`line ${line}: ${msg}`);
    this.name = "AsmError";
  }
}

function opcodeOf(name: string): number {
  const i = NAMES.indexOf(name);
  return i > 0 ? i : -1;
}

function hasOperand(op: number): boolean {
  return op === Op.Push || op === Op.Load || op === Op.Store || op === Op.Jmp || op === Op.Jz;
}

function assemble(src: string): Int32Array {
  const labels = new Map<string, number>();
  const words: number[] = [];
  const fixups: string[] = [];
  const fixupAt: number[] = [];
  const fixupLine: number[] = [];
  const lines = src.split("\n");
  for (let ln = 0; ln < lines.length; ln++) {
    let text = lines[ln];
    const hash = text.indexOf("#");
    if (hash >= 0) text = text.slice(0, hash);
    text = text.trim();
    if (text === "") continue;
    if (text.endsWith(":")) {
      const name = text.slice(0, -1);
      if (labels.has(name)) throw new AsmError(ln + 1, `label '${name}' defined twice`);
      labels.set(name, words.length);
      continue;
    }
    const parts = text.split(" ").filter((p) => p !== "");
    const op = opcodeOf(parts[0]);
    if (op < 0) throw new AsmError(ln + 1, `unknown instruction '${parts[0]}'`);
    words.push(op);
    if (hasOperand(op)) {
      if (parts.length !== 2) throw new AsmError(ln + 1, `${parts[0]} takes one operand`);
      const arg = parts[1];
      const c = arg.charCodeAt(0);
      if ((c >= 48 && c <= 57) || c === 45) {
        words.push(parseInt(arg));
      } else {
        fixups.push(arg);
        fixupAt.push(words.length);
        fixupLine.push(ln + 1);
        words.push(0);
      }
    } else if (parts.length !== 1) {
      throw new AsmError(ln + 1, `${parts[0]} takes no operand`);
    }
  }
  for (let i = 0; i < fixups.length; i++) {
    if (!labels.has(fixups[i])) throw new AsmError(fixupLine[i], `undefined label '${fixups[i]}'`);
    words[fixupAt[i]] = labels.get(fixups[i])!;
  }
  const code = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) code[i] = words[i];
  return code;
}

function disassemble(code: Int32Array): string[] {
  const out: string[] = [];
  let pc = 0;
  while (pc < code.length) {
    const op = code[pc];
    const text = hasOperand(op) ? `${NAMES[op]} ${code[pc + 1]}` : NAMES[op];
    out.push(`${String(pc).padStart(3, "0")}  ${text}`);
    pc += hasOperand(op) ? 2 : 1;
  }
  return out;
}

function run(code: Int32Array, out: string[]): number {
  const stack = new Int32Array(64);
  const vars = new Int32Array(8);
  let sp = 0;
  let pc = 0;
  let steps = 0;
  for (;;) {
    steps++;
    const op = code[pc++];
    switch (op) {
      case Op.Push:
        stack[sp++] = code[pc++];
        break;
      case Op.Load:
        stack[sp++] = vars[code[pc++]];
        break;
      case Op.Store:
        vars[code[pc++]] = stack[--sp];
        break;
      case Op.Add:
        sp--;
        stack[sp - 1] = stack[sp - 1] + stack[sp];
        break;
      case Op.Sub:
        sp--;
        stack[sp - 1] = stack[sp - 1] - stack[sp];
        break;
      case Op.Mul:
        sp--;
        stack[sp - 1] = Math.imul(stack[sp - 1], stack[sp]);
        break;
      case Op.Lt:
        sp--;
        stack[sp - 1] = stack[sp - 1] < stack[sp] ? 1 : 0;
        break;
      case Op.Jmp:
        pc = code[pc];
        break;
      case Op.Jz:
        pc = stack[--sp] === 0 ? code[pc] : pc + 1;
        break;
      case Op.Print:
        out.push(String(stack[--sp]));
        break;
      case Op.Halt:
        return steps;
      default:
        throw new Error(`bad opcode ${op} at ${pc - 1}`);
    }
  }
}

const PROGRAM = `
  # factorials of 1..12, printed; then a countdown
  push 1
  store 0      # i
  push 1
  store 1      # f
loop:
  load 0
  push 13
  lt
  jz done
  load 1
  load 0
  mul
  store 1
  load 1
  print
  load 0
  push 1
  add
  store 0
  jmp loop
done:
  halt
`;

export function main(argv: string[]): number {
  const code = assemble(PROGRAM);
  console.log("words", code.length);
  for (const line of disassemble(code)) console.log(line);
  const out: string[] = [];
  const steps = run(code, out);
  console.log(out.join(" "), "in", steps, "steps");
  const bad = ["push 1\nfrob\n", "jmp nowhere\nhalt", "x:\nx:\nhalt", "add 3", "push"];
  for (const src of bad) {
    try {
      assemble(src);
      console.log("assembled?");
    } catch (e) {
      if (e instanceof AsmError) console.log(e.name, e.line, e.message);
      else throw e;
    }
  }
  return 0;
}
