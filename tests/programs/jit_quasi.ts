// Quasi-immutable fields in traces (rlib/jitrt/quasiimmut.ts): a trace reads a
// quasi-immutable field of a constant object once, as a constant, and every write of the
// field invalidates the traces that did. A small bytecode loop whose code object (a green)
// names globals whose fields are quasi-immutable: an int and a ref (a handler whose
// readonly factor is then constant too). The loop's own REDEFINE instruction writes them
// every `every` iterations (the write runs in the blackhole, and the loop compiled with the
// old values must not run on: it is traced again, until the global has invalidated traces
// too often and is read as an ordinary field), and main writes another global between runs
// (the compiled loop that read it as a constant is entered again afterwards and must see the
// new values). A HOT global is written on every iteration: tracing a loop that reads it
// aborts (the trace invalidated itself) until the JIT reads it as an ordinary field.
// Without the invalidation, every sum after the first write would be wrong.
import { JitDriver, JitParams, quasiImmutable } from "../../rlib/jit.ts";

class Handler {
  constructor(readonly factor: number) {}
}

class Global {
  value: number;
  handler: Handler;
  constructor(value: number, handler: Handler) {
    this.value = value;
    this.handler = handler;
  }
}

quasiImmutable(Global, "value", "handler");

class Code {
  constructor(
    readonly ops: number[],
    readonly g: Global,
    readonly hot: Global,
    /** How often REDEFINE writes g (0: never). */
    readonly every: number,
  ) {}
}

const ADD = 0;
const SCALE = 1;
const HOT = 2;
const REDEFINE = 3;
const TEST = 4;

const params = new JitParams();
params.threshold = 3;
const driver = new JitDriver({ greens: ["pc", "code"], reds: ["i", "n", "acc"], params });

function run(code: Code, n: number): number {
  let pc = 0;
  let i = 0;
  let acc = 0;
  while (true) {
    driver.jitMergePoint({ pc, code, i, n, acc });
    const op = code.ops[pc];
    if (op === ADD) {
      acc += code.g.value;
    } else if (op === SCALE) {
      acc += code.g.handler.factor * 2;
    } else if (op === HOT) {
      acc += code.hot.value;
      code.hot.value = code.hot.value + 1;
    } else if (op === REDEFINE) {
      if (code.every > 0 && i % code.every === code.every - 1) {
        code.g.value = code.g.value + 1;
        code.g.handler = new Handler(code.g.handler.factor + 10);
      }
    } else if (op === TEST) {
      i++;
      if (i >= n) return acc;
      pc = 0;
      driver.canEnterJit({ pc, code, i, n, acc });
      continue;
    }
    pc++;
  }
}

function report(label: string, code: Code, n: number): void {
  const acc = run(code, n);
  console.log(label, acc, "g", code.g.value, code.g.handler.factor, "hot", code.hot.value);
}

export function main(argv: string[]): number {
  const g = new Global(5, new Handler(3));
  const quiet = new Global(7, new Handler(2));
  const hot = new Global(0, new Handler(1));
  const redefining = new Code([ADD, SCALE, REDEFINE, TEST], g, hot, 5000);
  report("redefining", redefining, 20000);
  g.value = 100;
  g.handler = new Handler(-7);
  report("after a write", redefining, 20000);
  const still = new Code([ADD, SCALE, TEST], quiet, hot, 0);
  report("still", still, 20000);
  // Written by the interpreter between runs: the loop compiled for `still` read them as
  // constants; it is entered again and must see the new values.
  quiet.value = -1;
  report("still, written", still, 20000);
  quiet.handler = new Handler(4);
  report("still, written again", still, 20000);
  report("hot", new Code([ADD, HOT, TEST], g, hot, 0), 20000);
  report("hot again", new Code([HOT, SCALE, TEST], g, hot, 0), 20000);
  return 0;
}
