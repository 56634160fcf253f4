// A Scheme interpreter (a practical R7RS-small subset) written in RTS.
//
//   scheme.ts [program.scm]
//
// With a file: runs it; an uncaught error prints a message on stderr and exits 1. Without:
// a REPL over standard input that prints each result (as `write` does) and reports errors
// without stopping. Pipeline: reader (text -> data) -> compiler (data -> bytecode, one Code
// per lambda) -> the interpreter loop (vm.ts). The prelude (library procedures written in
// Scheme) is loaded with the module, so translated it is prebuilt. See README.md.
import type { int } from "../../rlib/types.ts";
import { readFile, readStdin, write } from "../../rlib/os.ts";
import { Value, Code, Unspecified } from "./values.ts";
import { Reader } from "./reader.ts";
import { Compiler } from "./compiler.ts";
import { Machine } from "./vm.ts";
import { Runtime } from "./runtime.ts";
import { toWriteString } from "./printer.ts";
import { disassemble } from "./opcodes.ts";
import { PRELUDE } from "./prelude.ts";
import "./primitives.ts";

class Session {
  readonly rt = new Runtime();
  readonly machine = new Machine(this.rt);
  /** --disassemble: print each top-level form's bytecode before running it. */
  disassemble: boolean = false;

  /** Reports the pending error on stderr and clears it. */
  report(error: string): void {
    this.rt.flush();
    write(2, `${error}\n`);
  }

  /** Reads, compiles and runs every form of `src`. In a REPL (`repl`), prints each value
   *  and goes on after an error; else stops at the first. `library`: see Compiler.library.
   *  Returns the exit code. */
  runSource(src: string, repl: boolean, library: boolean): number {
    const reader = new Reader(src);
    const compiler = new Compiler(library);
    while (true) {
      const form = reader.next();
      if (form === null) break;
      const code = compiler.compileToplevel(form);
      if (compiler.error !== "") {
        this.report(`error: ${compiler.error}`);
        compiler.error = "";
        if (!repl) return 1;
        continue;
      }
      if (this.disassemble) {
        const out: string[] = [];
        disassemble(code, out);
        this.rt.print(out.join(""));
      }
      const value = this.runCode(code);
      if (this.rt.exitCode >= 0) return this.rt.exitCode;
      if (this.rt.failed) {
        this.reportRunError();
        if (!repl) return 1;
        continue;
      }
      if (repl && !(value instanceof Unspecified)) this.rt.print(`${toWriteString(value)}\n`);
    }
    if (reader.error !== "") {
      this.report(`error: ${reader.error}`);
      if (!repl) return 1;
    }
    return 0;
  }

  runCode(code: Code): Value {
    return this.machine.run(code);
  }

  reportRunError(): void {
    let msg = `error: ${this.rt.error}`;
    if (this.machine.errorExpr !== "") msg += `\n  in expression ${this.machine.errorExpr}`;
    if (this.machine.errorProc !== "") msg += `\n  in procedure ${this.machine.errorProc}`;
    this.rt.clearError();
    this.report(msg);
  }
}

/** The prelude is compiled and run when this module loads. Translated, that is at translation
 *  time: its procedures (closures in the global cells of their symbols) are prebuilt data, and
 *  the VM starts without compiling any Scheme. 0, or the status of the prelude's failure. */
const PRELUDE_STATUS: int = new Session().runSource(PRELUDE, false, true);

export function main(argv: string[]): number {
  const session = new Session();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--disassemble") session.disassemble = true;
    else args.push(argv[i]);
  }
  if (args.length > 1) {
    write(2, "usage: scheme [--disassemble] [program.scm]\n");
    return 2;
  }
  if (PRELUDE_STATUS !== 0) return 70;
  let status = 0;
  if (args.length === 1) {
    const src = readFile(args[0]);
    if (src === null) {
      write(2, `scheme: cannot read ${args[0]}\n`);
      return 1;
    }
    status = session.runSource(src, false, false);
  } else {
    status = session.runSource(readStdin(), true, false);
  }
  session.rt.flush();
  return status;
}
