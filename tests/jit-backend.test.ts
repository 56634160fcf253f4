// The Wasm trace backend against the reference trace evaluator on random loop traces of int
// and float operations with guards (tests/jit/random_traces.ts runs both, and the trace
// optimized then compiled, translated with --jit, on both hosts). Traces are generated here
// with fast-check, in batches per run.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, runNodeHost, runWasmtimeHost, translateProgram } from "./harness.ts";

const RUNS = Number(process.env.RTS_PROPERTY_RUNS ?? 3);
const BATCH = 25;

const INT_BINARY = [
  "int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_lshift", "int_rshift",
  "int32_and", "int32_or", "int32_xor", "int32_lshift", "int32_rshift", "int32_urshift",
];
const INT_COMPARE = ["int_lt", "int_le", "int_gt", "int_ge", "int_eq", "int_ne"];
const FLOAT_BINARY = ["float_add", "float_sub", "float_mul", "float_truediv"];
const FLOAT_COMPARE = ["float_lt", "float_le", "float_eq"];
const FLOAT_UNARY = ["float_neg", "float_abs"];
const GUARDS = ["guard_true", "guard_false", "guard_value"];

interface OpSpec {
  kind: number;
  name: number;
  a: number;
  b: number;
  int: number;
  float: number;
}

const intValue = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer(), fc.constantFrom(2 ** 40, -(2 ** 50), 2 ** 53 - 1));
const floatValue = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const opSpec: fc.Arbitrary<OpSpec> = fc.record({
  kind: fc.nat(19),
  name: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  int: intValue,
  float: floatValue,
});
const traceSpec = fc.record({
  limit: fc.integer({ min: 1, max: 20 }),
  ints: fc.array(intValue, { maxLength: 3 }),
  floats: fc.array(floatValue, { maxLength: 3 }),
  ops: fc.array(opSpec, { maxLength: 24 }),
  jump: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
});
type TraceSpec = typeof traceSpec extends fc.Arbitrary<infer T> ? T : never;

const floatText = (x: number) => x.toExponential();

/** The line random_traces.ts reads: operands name a value of the right type (or a constant). */
function line(spec: TraceSpec): string {
  const types: string[] = ["i", ...spec.ints.map(() => "i"), ...spec.floats.map(() => "f"), "i"];
  const pick = (type: string, n: number, op: OpSpec): string => {
    const of = types.flatMap((t, i) => (t === type ? [i] : []));
    if (of.length === 0 || n % 4 === 3) return type === "i" ? `c${op.int}` : `c${floatText(op.float)}`;
    return `v${of[n % of.length]}`;
  };
  const ops: string[] = [];
  for (const op of spec.ops) {
    if (op.kind < 6) {
      const name = INT_BINARY[op.name % INT_BINARY.length];
      const shift = name.endsWith("shift") && op.b % 2 === 0;
      ops.push(`${name} ${pick("i", op.a, op)} ${shift ? `c${op.b % 64}` : pick("i", op.b, op)}`);
      types.push("i");
    } else if (op.kind < 10) {
      ops.push(`${INT_COMPARE[op.name % INT_COMPARE.length]} ${pick("i", op.a, op)} ${pick("i", op.b, op)}`);
      types.push("i");
    } else if (op.kind < 13) {
      ops.push(`${FLOAT_BINARY[op.name % FLOAT_BINARY.length]} ${pick("f", op.a, op)} ${pick("f", op.b, op)}`);
      types.push("f");
    } else if (op.kind < 15) {
      if (op.name % 3 === 0) ops.push(`cast_int_to_float ${pick("i", op.a, op)}`);
      else ops.push(`${FLOAT_UNARY[op.name % FLOAT_UNARY.length]} ${pick("f", op.a, op)}`);
      types.push("f");
    } else if (op.kind < 18) {
      if (op.name % 2 === 0) ops.push(`${FLOAT_COMPARE[(op.name >> 1) % FLOAT_COMPARE.length]} ${pick("f", op.a, op)} ${pick("f", op.b, op)}`);
      else ops.push(`same_as_i ${pick("i", op.a, op)}`);
      types.push("i");
    } else {
      const guard = GUARDS[op.name % GUARDS.length];
      ops.push(`${guard} ${pick("i", op.a, op)}${guard === "guard_value" ? ` c${op.int}` : ""}`);
    }
  }
  const labelTypes = types.slice(1, 1 + spec.ints.length + spec.floats.length);
  const jump = labelTypes.map((t, i) => {
    const of = types.flatMap((u, k) => (u === t ? [k] : []));
    return `v${of[spec.jump[i % spec.jump.length] % of.length]}`;
  });
  return `${spec.limit} ${spec.ints.join(" ")};${spec.floats.map(floatText).join(" ")};${ops.join(" ")};${jump.join(" ")}`;
}

test("random loop traces: compiled, and optimized and compiled (both hosts), as the reference evaluator", async () => {
  const wasm = await translateProgram(path.join(ROOT, "tests", "jit", "random_traces.ts"), "random_traces-jit", { jit: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rts-jit-backend-"));
  const file = path.join(dir, "traces.txt");
  try {
    fc.assert(
      fc.property(fc.array(traceSpec, { minLength: 1, maxLength: BATCH }), (specs) => {
        fs.writeFileSync(file, specs.map(line).join("\n") + "\n");
        const node = runNodeHost(wasm, [file]);
        const wasmtime = runWasmtimeHost(wasm, [file]);
        assert.is(node.stderr, "");
        assert.is(node.status, 0);
        const lines = node.stdout.trimEnd().split("\n");
        assert.is(lines.length, specs.length);
        for (const l of lines) assert.ok(l.startsWith("ok "), l);
        assert.is(wasmtime.stdout, node.stdout, "the same exits on wasmtime");
        assert.is(wasmtime.status, 0);
      }),
      { numRuns: RUNS },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
