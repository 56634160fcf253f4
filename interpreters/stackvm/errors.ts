// The two ways a program can be wrong: the compiler rejects it (with its line and column), or
// the VM stops it while it runs (with the line of the failing instruction).

export class CompileError extends Error {
  constructor(message: string, public line: number, public col: number) {
    super(message);
    this.name = "CompileError";
  }
}

export class VmError extends Error {
  constructor(message: string, public line: number) {
    super(message);
    this.name = "VmError";
  }
}
