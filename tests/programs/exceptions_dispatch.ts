// Exceptions from virtual methods, getters, constructors and field initializers; a prebuilt
// error thrown many times; try inside catch and finally; a small stack machine that reports
// errors through a hierarchy; allocation in handlers (run under --gc-stress too).
abstract class Shape {
  abstract area(): number;
  get label(): string {
    return "shape " + this.area();
  }
}

class Square extends Shape {
  constructor(public side: number) {
    super();
    if (side < 0) throw new RangeError("negative side " + side);
  }
  area(): number {
    return this.side * this.side;
  }
}

class Broken extends Shape {
  area(): number {
    throw new Error("broken area");
  }
}

class VMError extends Error {
  constructor(public code: number, message: string) {
    super(message);
    this.name = "VMError";
  }
}

class StackUnderflow extends VMError {
  constructor(public pc: number) {
    super(1, "stack underflow at " + pc);
  }
}

class BadOp extends VMError {
  constructor(public op: string) {
    super(2, "bad op " + op);
  }
}

class Machine {
  stack: number[] = [];
  trace: string[] = [];
  pop(pc: number): number {
    if (this.stack.length === 0) throw new StackUnderflow(pc);
    return this.stack.pop()!;
  }
  run(code: string): number {
    this.stack = [];
    for (let pc = 0; pc < code.length; pc++) {
      const c = code.charAt(pc);
      if (c >= "0" && c <= "9") this.stack.push(c.charCodeAt(0) - 48);
      else if (c === "+") this.stack.push(this.pop(pc) + this.pop(pc));
      else if (c === "*") this.stack.push(this.pop(pc) * this.pop(pc));
      else throw new BadOp(c);
    }
    return this.pop(code.length);
  }
}

class Holder {
  value: number = compute(this.seed());
  seed(): number {
    return 5;
  }
}

function compute(n: number): number {
  if (n > 3) throw new Error("field initializer failed");
  return n;
}

const SHARED = new VMError(99, "shared");

function throwShared(i: number): number {
  if (i % 2 === 1) throw SHARED;
  return i;
}

export function main(argv: string[]): number {
  const shapes: Shape[] = [new Square(3), new Broken(), new Square(1)];
  for (const s of shapes) {
    try {
      console.log(s.label);
    } catch (e) {
      console.log("caught", (e as Error).message);
    }
  }
  for (const side of [2, -1]) {
    try {
      console.log("square", new Square(side).area());
    } catch (e) {
      console.log(e instanceof RangeError, (e as Error).name, (e as Error).message);
    }
  }
  try {
    console.log(new Holder().value);
  } catch (e) {
    console.log("holder:", (e as Error).message);
  }
  const m = new Machine();
  for (const prog of ["12+3*", "1+", "22*2*2*", "9x", "", "34+*"]) {
    try {
      console.log(prog, "=", m.run(prog));
    } catch (e) {
      if (e instanceof StackUnderflow) console.log(prog, "underflow", e.pc, e.code);
      else if (e instanceof VMError) console.log(prog, e.name, e.code, e.message);
      else throw e;
    }
  }
  let shared = 0;
  for (let i = 0; i < 50; i++) {
    try {
      shared += throwShared(i);
    } catch (e) {
      if (e === SHARED) shared += 1000;
    }
  }
  console.log("shared", shared, SHARED.message);
  const notes: string[] = [];
  for (let i = 0; i < 30; i++) {
    try {
      try {
        if (i % 3 === 0) throw new BadOp("op" + i);
        notes.push("ok" + i);
      } catch (e) {
        notes.push("inner " + (e as Error).message);
        if (i % 2 === 0) throw new Error("again " + i);
      } finally {
        try {
          if (i % 5 === 0) throw new Error("in finally " + i);
        } catch (e) {
          notes.push((e as Error).message);
        }
      }
    } catch (e) {
      notes.push("outer " + (e as Error).message);
    }
  }
  console.log(notes.join(","));
  return 0;
}
