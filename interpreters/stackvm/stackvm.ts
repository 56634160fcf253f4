// stackvm: a small imperative language (integer variables, arrays, while, if, print)
// compiled to stack bytecode and run by one dispatch loop with JIT hints.
//
//   stackvm.ts [--dis] program.svm
//
// --dis prints the bytecode instead of running it. See README.md for the language.
import { readFile, write } from "../../rlib/os.ts";
import { Code, compile } from "./compiler.ts";
import { CompileError, VmError } from "./errors.ts";
import { hasOperand, NAMES } from "./opcodes.ts";
import { Output, run } from "./vm.ts";

function disassemble(code: Code): string {
  let s = "";
  let pc = 0;
  while (pc < code.ops.length) {
    const opcode = code.ops[pc];
    s += `${pc}`.padStart(5) + `  line ${code.lines[pc]}`.padEnd(10) + `  ${NAMES[opcode]}`;
    if (hasOperand(opcode)) {
      const x = code.ops[pc + 1];
      if (NAMES[opcode] === "const") s += ` ${code.consts[x]}`;
      else if (NAMES[opcode] === "print_string") s += ` "${code.strings[x]}"`;
      else if (NAMES[opcode] === "load" || NAMES[opcode] === "store") s += ` ${code.varNames[x]}`;
      else s += ` ${x}`;
      pc += 2;
    } else {
      pc++;
    }
    s += "\n";
  }
  return s;
}

export function main(argv: string[]): number {
  const dis = argv.length > 0 && argv[0] === "--dis";
  if (argv.length !== (dis ? 2 : 1)) {
    write(2, "usage: stackvm [--dis] program.svm\n");
    return 2;
  }
  const path = argv[argv.length - 1];
  const src = readFile(path);
  if (src === null) {
    write(2, `stackvm: cannot read ${path}\n`);
    return 1;
  }
  let code: Code;
  try {
    code = compile(src);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    write(2, `stackvm: ${path}:${e.line}:${e.col}: ${e.message}\n`);
    return 1;
  }
  if (dis) {
    write(1, disassemble(code));
    return 0;
  }
  const out = new Output();
  try {
    run(code, out);
  } catch (e) {
    if (!(e instanceof VmError)) throw e;
    out.flush();
    write(2, `stackvm: ${path}:${e.line}: ${e.message}\n`);
    return 1;
  }
  out.flush();
  return 0;
}
