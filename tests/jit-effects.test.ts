// The codewriter's effect analysis (translator/jit/effects.ts) on hand-built low-level
// graphs: the fields a call of each function may write, through its direct calls
// (recursion too), and "any" (null) where a function writes raw memory, calls through a
// function value or calls the host; whether it may see or change an existing list.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Block, Constant, Graph, Link, Operation, Value, Variable } from "../translator/flowgraph/model.ts";
import { FunctionDesc, ImportedFunction } from "../translator/frontend/program.ts";
import { EffectAnalysis, FieldKey } from "../translator/jit/effects.ts";

function v(name: string, type: string): Variable {
  const x = new Variable(name);
  x.concretetype = type;
  return x;
}
function c(value: unknown, type: string): Constant {
  const k = new Constant(value);
  k.concretetype = type;
  return k;
}

/** A function of one block doing `ops(obj)` on its parameter obj. */
function fn(name: string, ops: (obj: Variable) => [string, Value[]][]): FunctionDesc {
  const f = new FunctionDesc(name, null, null);
  const obj = v("obj", "ptr");
  const start = new Block([obj]);
  for (const [opname, args] of ops(obj)) start.operations.push(new Operation(opname, args, v("r", "void")));
  f.graph = new Graph(name, start, null);
  const result = c(undefined, "void");
  start.closeWith([new Link([result], f.graph.returnblock)]);
  return f;
}

const show = (fields: FieldKey[] | null) => (fields === null ? "any" : fields.map((k) => `+${k.key()}`).join(", "));

test("effects: fields written directly and through direct calls, recursion; raw stores, indirect calls and the host write any", () => {
  const setFlag = fn("setFlag", (o) => [["setfield", [o, c(8, "i64"), c(1, "i32")]]]);
  const both = fn("both", (o) => [["direct_call", [c(setFlag, "void"), o]], ["setfield", [o, c(16, "i64"), o]], ["getfield", [o, c(24, "i64")]]]);
  const loop = fn("loop", (o) => [["direct_call", [c(both, "void"), o]], ["malloc", [c(40, "i64")]]]);
  loop.graph.startblock.operations.push(new Operation("direct_call", [c(loop, "void"), loop.graph.startblock.inputargs[0]], v("r", "void")));
  const raw = fn("raw", (o) => [["store32", [c(64, "i64"), c(0, "i64")]]]);
  const callsRaw = fn("callsRaw", (o) => [["direct_call", [c(raw, "void"), o]]]);
  const indirect = fn("indirect", (o) => [["call_indirect", [o]]]);
  const reads = fn("reads", (o) => [["getfield", [o, c(8, "i64")]], ["list_append", [o, o]]]);
  const effects = new EffectAnalysis();
  assert.is(show(effects.fieldsWritten(setFlag)), "+8 i32");
  assert.is(show(effects.fieldsWritten(both)), "+16 ptr, +8 i32");
  assert.is(show(effects.fieldsWritten(loop)), "+16 ptr, +8 i32");
  assert.is(show(effects.fieldsWritten(raw)), "any");
  assert.is(show(effects.fieldsWritten(callsRaw)), "any");
  assert.is(show(effects.fieldsWritten(indirect)), "any");
  assert.is(show(effects.fieldsWritten(reads)), "");
  assert.is(show(effects.fieldsWritten(new ImportedFunction("env", "write", false))), "any");
});

test("effects: an immutable field (setfield's last operand: a readonly field, written by constructors) is another field than a mutable one at the same offset and type", () => {
  const init = fn("init", (o) => [["setfield", [o, c(8, "i64"), c(1, "i64"), c(true, "void")]]]);
  const set = fn("set", (o) => [["setfield", [o, c(8, "i64"), c(2, "i64")]]]);
  const both = fn("both", (o) => [["direct_call", [c(init, "void"), o]], ["direct_call", [c(set, "void"), o]]]);
  const effects = new EffectAnalysis();
  assert.is(show(effects.fieldsWritten(init)), "+8 i64 immutable");
  assert.is(show(effects.fieldsWritten(set)), "+8 i64");
  assert.is(show(effects.fieldsWritten(both)), "+8 i64, +8 i64 immutable");
});

test("effects on lists: a list operation on an existing list, directly or through a call, or any raw write or host call; making a list is not one", () => {
  const pushes = fn("pushes", (o) => [["list_append", [o, o]]]);
  const callsPushes = fn("callsPushes", (o) => [["direct_call", [c(pushes, "void"), o]]]);
  const makes = fn("makes", (o) => [["list_new", [c(4, "i64"), c(0, "i64")]], ["list_init", [o, c(0, "i64"), o]], ["setfield", [o, c(8, "i64"), o]]]);
  const raw = fn("raw", (o) => [["store32", [c(64, "i64"), c(0, "i64")]]]);
  const effects = new EffectAnalysis();
  assert.is(effects.touchesLists(pushes), true);
  assert.is(effects.touchesLists(callsPushes), true);
  assert.is(effects.touchesLists(makes), false);
  assert.is(effects.touchesLists(raw), true);
  assert.is(effects.touchesLists(new ImportedFunction("env", "write", false)), true);
});

test.run();
