// The state shared by the interpreter loop and the primitives: the operand stack, the error
// raised by the running primitive, and buffered standard output.
import type { int } from "../../rlib/types.ts";
import { write } from "../../rlib/os.ts";
import { Value, UNSPECIFIED } from "./values.ts";
import { toWriteString } from "./printer.ts";

const OUT_CHUNK = 8192;

export class Runtime {
  /** The operand stack: every expression pushes its value; calls take their arguments here. */
  readonly stack: Value[] = [];
  /** True while a Scheme error is being raised (checked after every primitive). */
  failed: boolean = false;
  /** The message of the error being raised. */
  error: string = "";
  /** Written with (exit n): the program stops with this code. -1 while running. */
  exitCode: int = -1;
  private readonly out: string[] = [];
  private outSize: int = 0;

  /** Raises a Scheme error; returns a placeholder value the caller returns at once. */
  fail(message: string): Value {
    if (!this.failed) this.error = message;
    this.failed = true;
    return UNSPECIFIED;
  }

  clearError(): void {
    this.failed = false;
    this.error = "";
  }

  /** Raises "NAME: expected WHAT, got VALUE". */
  wrongType(name: string, what: string, got: Value): Value {
    return this.fail(`${name}: expected ${what}, got ${toWriteString(got)}`);
  }

  arg(base: int, i: int): Value {
    return this.stack[base + i];
  }

  print(s: string): void {
    this.out.push(s);
    this.outSize += s.length;
    if (this.outSize >= OUT_CHUNK) this.flush();
  }

  flush(): void {
    if (this.out.length === 0) return;
    write(1, this.out.join(""));
    while (this.out.length > 0) this.out.pop();
    this.outSize = 0;
  }
}
