// Readonly fields in traces: the JIT reads an immutable field of a constant object once, when
// it traces (rlib/jitrt/dataops.ts getField, rlib/jitrt/opt/immutable.ts). A small bytecode
// loop whose code object (a green: constant in its trace) has readonly fields: a list, an
// int, a float, a box whose readonly value is then constant too, a closure whose captured
// value is immutable too. Next to them, fields of the same constant objects that change
// while the loop runs and must be read every time: a mutable field at the same offset and
// type as a readonly one (Cell.value, Box.value), and a readonly field a subclass
// redeclares without `readonly` and assigns (Loose.tag: then Base.tag is not immutable
// either, as a Base may be a Loose). A field read through a union of classes that
// declare it readonly and not (Fixed.v, Plain.v) is not immutable either: the objects are
// made in the trace (virtual), and the read must find what the constructor wrote.
import { JitDriver, JitParams } from "../../rlib/jit.ts";

class Box {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** Mutable: the loop counts in it. */
class Cell {
  value: number;
  constructor(value: number) {
    this.value = value;
  }
}

class Base {
  readonly tag: number;
  constructor(tag: number) {
    this.tag = tag;
  }
}

/** `tag` is no longer readonly here: bump assigns it, and a trace must see the new value. */
class Loose extends Base {
  tag: number = 10;
  bump(): void {
    this.tag++;
  }
}

class Fixed {
  readonly v: number;
  constructor(v: number) {
    this.v = v;
  }
}

class Plain {
  v: number;
  constructor(v: number) {
    this.v = v;
  }
}

class Code {
  constructor(
    readonly ops: number[],
    readonly step: Box,
    /** Read at a varying index: the boxes are not constants. */
    readonly boxes: Box[],
    readonly cell: Cell,
    readonly base: Base,
    readonly ratio: number,
    readonly scale: (x: number) => number,
  ) {}
}

const STEP = 0;
const BOX = 1;
const CELL = 2;
const TAG = 3;
const RATIO = 4;
const SCALE = 5;
const TEST = 6;

const params = new JitParams();
params.threshold = 3;
const driver = new JitDriver({ greens: ["pc", "code"], reds: ["i", "n", "acc", "facc"], params });

function scaler(k: number): (x: number) => number {
  return (x: number) => x * k;
}

class Result {
  constructor(
    readonly acc: number,
    readonly facc: number,
  ) {}
}

function run(code: Code, n: number): Result {
  let pc = 0;
  let i = 0;
  let acc = 0;
  let facc = 0.25;
  while (true) {
    driver.jitMergePoint({ pc, code, i, n, acc, facc });
    const op = code.ops[pc];
    if (op === STEP) {
      acc += code.step.value;
      if (code.step.value > 100) acc = -1;
    } else if (op === BOX) {
      acc += code.boxes[i % code.boxes.length].value;
    } else if (op === CELL) {
      acc += code.cell.value;
      if (i % 100 === 0) code.cell.value++;
    } else if (op === TAG) {
      const base = code.base;
      acc += base.tag;
      if (i % 250 === 0 && base instanceof Loose) base.bump();
    } else if (op === RATIO) {
      facc = facc * code.ratio + 1;
    } else if (op === SCALE) {
      const either: Fixed | Plain = i % 3 === 0 ? new Plain(i % 5) : new Fixed(i % 11);
      acc = acc + code.scale(i % 7) + either.v;
    } else if (op === TEST) {
      i++;
      if (i >= n) return new Result(acc, facc);
      pc = 0;
      driver.canEnterJit({ pc, code, i, n, acc, facc });
      continue;
    }
    pc++;
  }
}

function report(label: string, code: Code): void {
  const r = run(code, 20000);
  console.log(label, r.acc, r.facc, "cell", code.cell.value, "tag", code.base.tag);
}

export function main(argv: string[]): number {
  const ops = [STEP, BOX, CELL, TAG, RATIO, SCALE, TEST];
  const boxes = [new Box(1), new Box(-2), new Box(5)];
  const fixed = new Code(ops, new Box(7), boxes, new Cell(0), new Base(3), 0.5, scaler(3));
  const loose = new Loose(1);
  const changing = new Code(ops, new Box(11), boxes, new Cell(1000), loose, 0.75, scaler(-2));
  report("fixed", fixed);
  report("changing", changing);
  const again = run(fixed, 10);
  console.log("again", again.acc, again.facc, "cell", fixed.cell.value, "loose", loose.tag);
  return 0;
}
