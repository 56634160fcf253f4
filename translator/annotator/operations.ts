// The annotation rule of each high-level operation. Number rules keep JS semantics:
// an operation's result is an int only when JS would produce an integral value that i64
// represents exactly, never -0 (ints cannot hold it) and never NaN; otherwise a float.
import { ts } from "ts-morph";
import { Constant, Operation, Value, Variable } from "../flowgraph/model.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Builtin, ClassDesc, FieldDesc, FunctionDesc, ImportedFunction, TypedArrayKind } from "../frontend/program.ts";
import type { Annotator } from "./annotator.ts";
import {
  ClassDef, describe, ListDef, isNumber, membersOf, mzInt, mzUnion, s_bool, s_float, s_impossible, s_int, s_nonneg, s_none, s_str, SomeValue,
} from "./model.ts";

type Rule = (a: Annotator, op: Operation, args: SomeValue[]) => SomeValue;

function fail(op: Operation, msg: string, hint: string | null = null): never {
  throw new RtsError(op.loc, msg, hint);
}

function requireNumbers(op: Operation, args: SomeValue[], what: string): void {
  for (const x of args) {
    if (!isNumber(x)) fail(op, `${what} needs numbers, got ${args.map(describe).join(" and ")}`);
  }
}

function constValue(v: Value): number | null {
  return v instanceof Constant && typeof v.value === "number" ? v.value : null;
}

const isPositiveConst = (v: Value) => (constValue(v) ?? 0) > 0;

function arith(an: Annotator, op: Operation, args: SomeValue[]): SomeValue {
  const [a, b] = args;
  if (op.opname === "add" && (a.kind === "str" || b.kind === "str")) {
    for (const x of args) if (x.kind !== "str" && !isNumber(x) && x.kind !== "bool" && x.kind !== "none") {
      fail(op, `cannot concatenate ${describe(x)} to a string`, "format the value yourself first");
    }
    return s_str;
  }
  requireNumbers(op, args, `'${op.opname}'`);
  const asFloat = () => {
    an.observeAsFloat(a);
    an.observeAsFloat(b);
    return s_float;
  };
  if (a.kind !== "int" || b.kind !== "int" || an.forcedFloat.has(op)) return asFloat();
  const [x, y] = op.args;
  switch (op.opname) {
    case "add":
      // -0 + -0 is the only way to get -0.
      if (a.nonneg && b.nonneg) return s_nonneg;
      return mzInt(a.mz.size && b.mz.size ? mzUnion(a.mz, b.mz) : new Set());
    case "sub":
      return mzInt(a.mz); // -0 - 0
    case "mul":
      // -0 comes from 0 * negative: impossible when both are nonneg or one is a positive constant.
      if (a.nonneg && b.nonneg) return s_nonneg;
      if (isPositiveConst(x) || isPositiveConst(y)) return mzInt(mzUnion(a.mz, b.mz));
      return mzInt(mzUnion(new Set([op]), a.mz, b.mz));
    case "mod": {
      // A zero divisor gives NaN: only a nonzero constant divisor keeps the result an int.
      if ((constValue(y) ?? 0) === 0) return asFloat();
      return a.nonneg ? s_nonneg : mzInt(mzUnion(new Set([op]), a.mz));
    }
    case "pow":
      if (!b.nonneg) return asFloat();
      return a.nonneg ? s_nonneg : mzInt(a.mz);
    case "div":
      return asFloat();
  }
  throw new Error(`not arithmetic: ${op.opname}`);
}

function bitwise(op: Operation, args: SomeValue[]): SomeValue {
  requireNumbers(op, args, `'${op.opname}'`);
  if (op.opname === "urshift") return s_nonneg;
  if (op.opname === "and_") {
    const small = (v: Value) => {
      const c = constValue(v);
      return c !== null && c >= 0 && c < 2 ** 31;
    };
    if (small(op.args[0]) || small(op.args[1])) return s_nonneg;
  }
  return s_int;
}

function compare(op: Operation, args: SomeValue[]): SomeValue {
  const [a, b] = args;
  if (op.opname === "eq" || op.opname === "ne") return s_bool;
  if ((isNumber(a) && isNumber(b)) || (a.kind === "str" && b.kind === "str" && !a.nullable && !b.nullable)) return s_bool;
  return fail(op, `cannot compare ${describe(a)} with ${describe(b)} using '${op.opname}'`);
}

const RULES: Record<string, Rule> = {
  add: (a, op, args) => arith(a, op, args),
  sub: (a, op, args) => arith(a, op, args),
  mul: (a, op, args) => arith(a, op, args),
  div: (a, op, args) => arith(a, op, args),
  mod: (a, op, args) => arith(a, op, args),
  pow: (a, op, args) => arith(a, op, args),
  and_: (_a, op, args) => bitwise(op, args),
  or_: (_a, op, args) => bitwise(op, args),
  xor: (_a, op, args) => bitwise(op, args),
  lshift: (_a, op, args) => bitwise(op, args),
  rshift: (_a, op, args) => bitwise(op, args),
  urshift: (_a, op, args) => bitwise(op, args),
  invert: (_a, op, args) => bitwise(op, args),
  lt: (_a, op, args) => compare(op, args),
  le: (_a, op, args) => compare(op, args),
  gt: (_a, op, args) => compare(op, args),
  ge: (_a, op, args) => compare(op, args),
  eq: (_a, op, args) => compare(op, args),
  ne: (_a, op, args) => compare(op, args),
  neg: (a, op, [x]) => {
    requireNumbers(op, [x], "unary -");
    if (x.kind === "float" || a.forcedFloat.has(op)) return s_float;
    const c = constValue(op.args[0]);
    if (c !== null && c !== 0) return s_int; // -MAX: a nonzero constant cannot give -0
    return mzInt(mzUnion(new Set([op]), (x as { mz: ReadonlySet<object> }).mz)); // -0 when x is 0
  },
  pos: (_a, op, [x]) => {
    requireNumbers(op, [x], "unary +");
    return x;
  },
  bool: () => s_bool,
  not: () => s_bool,
  is_nullish: () => s_bool,
  str: () => s_str,
  instanceof: (a, op, [x]) => {
    if (x.kind !== "inst" && x.kind !== "none") fail(op, `instanceof needs an object, got ${describe(x)}`);
    a.classdef((op.args[1] as Constant).value as ClassDesc); // its type-id range must exist
    return s_bool;
  },
  downcast: (a, op, [x]) => {
    const cls = (op.args[1] as Constant).value as ClassDesc;
    if (x.kind !== "inst" && x.kind !== "none") fail(op, `cannot treat ${describe(x)} as ${cls.name}`);
    const checked = (op.args[2] as Constant).value === true;
    return { kind: "inst", classdef: a.classdef(cls), nullable: checked && x.kind !== "none" && x.nullable };
  },
  getattr: (a, op, [obj]) => getattr(a, op, obj, (op.args[1] as Constant).value as string),
  setattr: (a, op, [obj, , v]) => {
    const name = (op.args[1] as Constant).value as string;
    if (obj.kind === "none") return s_impossible;
    if (obj.kind !== "inst") fail(op, `cannot set '${name}' on ${describe(obj)}`);
    for (const field of memberFields(op, obj.classdef, name)) {
      a.generalizeField(a.classdef(field.cls), name, a.pinKind(v, field.kind, `field ${field.cls.name}.${name}`, op), op);
    }
    return s_none;
  },
  getitem: (a, op, [obj, idx]) => {
    if (obj.kind === "none") return s_impossible;
    if (!isNumber(idx)) fail(op, `an index must be a number, got ${describe(idx)}`);
    switch (obj.kind) {
      case "list":
        obj.listdef.addReader(a.current!);
        return obj.listdef.item;
      case "typed":
        return TYPED_ELEMENT[obj.elem];
      case "str":
        return s_str;
    }
    return fail(op, `cannot index ${describe(obj)}`);
  },
  setitem: (a, op, [obj, idx, v]) => {
    if (obj.kind === "none") return s_impossible;
    if (!isNumber(idx)) fail(op, `an index must be a number, got ${describe(idx)}`);
    if (obj.kind === "list") {
      const readers = obj.listdef.generalize(checkItem(a, op, obj.listdef.item, v));
      a.reflowAll(readers);
      return s_none;
    }
    if (obj.kind === "typed") {
      requireNumbers(op, [v], "a typed array element");
      if (TYPED_ELEMENT[obj.elem].kind === "float") a.observeAsFloat(v);
      return s_none;
    }
    return fail(op, `cannot assign an element of ${describe(obj)}`);
  },
  newlist: (a, op, items) => {
    const ld = a.listdefFor(op);
    let item: SomeValue = s_impossible;
    for (const x of items) item = a.unionAt(item, x, op, () => "the elements of this array literal");
    a.reflowAll(ld.generalize(item));
    ld.addReader(a.current!);
    return { kind: "list", listdef: ld.find(), nullable: false };
  },
  new_typed: (_a, op, [, n]) => {
    requireNumbers(op, [n], "a typed array length");
    return { kind: "typed", elem: (op.args[0] as Constant).value as TypedArrayKind, nullable: false };
  },
  new: (a, op, [, ...args]) => {
    const cls = (op.args[0] as Constant).value as ClassDesc;
    const cd = a.classdef(cls);
    const self: SomeValue = { kind: "inst", classdef: cd, nullable: false };
    a.call(cls.ctor, [self, ...args], op);
    return self;
  },
  // JIT hints (rlib/jit.ts): markers yield nothing; promote(x) is x.
  jit_merge_point: () => s_none,
  can_enter_jit: () => s_none,
  jit_promote: (_a, _op, [x]) => x,
  simple_call: (a, op, [, ...args]) => {
    const f = (op.args[0] as Constant).value;
    if (f instanceof FunctionDesc) {
      if (f.cls) return a.call(f, [{ kind: "inst", classdef: a.classdef(f.cls), nullable: false }, ...args.slice(1)], op);
      return a.call(f, args, op);
    }
    if (f instanceof Builtin) return builtinCall(a, op, f.name, args);
    if (f instanceof ImportedFunction) {
      for (const x of args) if (x.kind !== "int") fail(op, `${f.name} takes integer arguments`);
      return f.returnsValue ? s_int : s_none;
    }
    throw new Error(`simple_call of ${String(f)}`);
  },
  call_method: (a, op, [obj, , ...args]) => callMethod(a, op, obj, (op.args[1] as Constant).value as string, args),
  make_closure: (a, op, [, ...captured]) => {
    const desc = (op.args[0] as Constant).value as FunctionDesc;
    const slots = a.captureSlots(desc);
    captured.forEach((x, i) => a.generalizeSlot(slots[i], x, op, () => `the value ${desc.name} captures as '${captureName(desc, i)}'`));
    return { kind: "fn", family: a.familyOf(desc), nullable: false };
  },
  closure_get: (a, op) => {
    const desc = (op.args[1] as Constant).value as FunctionDesc;
    const slot = a.captureSlots(desc)[(op.args[2] as Constant).value as number];
    slot.readers.add(a.current!);
    return slot.ann;
  },
  call_value: (a, op, [f, ...args]) => {
    if (f.kind === "none") return s_impossible; // always null: fails at run time, as in JS
    if (f.kind !== "fn") fail(op, `cannot call ${describe(f)}`);
    return a.callFamily(f.family, args, op);
  },
  cell_new: (a, op, [init]) => {
    const cd = a.listdefFor(op);
    if (init) a.reflowAll(cd.generalize(init));
    return { kind: "cell", celldef: cd.find() };
  },
  cell_get: (a, _op, [cell]) => {
    const cd = (cell as { celldef: ListDef }).celldef;
    cd.addReader(a.current!);
    return cd.item;
  },
  cell_set: (a, op, [cell, v]) => {
    const cd = (cell as { celldef: ListDef }).celldef;
    const name = op.args[0] instanceof Variable ? op.args[0].hint.replace(/_cell$/, "") : "?";
    a.reflowAll(cd.generalize(a.unionAt(cd.item, v, op, () => `the variable '${name}'`)));
    return s_none;
  },
  raise: (a, op, [v]) => {
    const error = a.program.errorClass;
    if (v.kind !== "inst" || !v.classdef.desc.isSubclassOf(error)) {
      fail(op, `RTS can only throw instances of Error or of its subclasses, not ${describe(v)}`,
        "throw an error object: `throw new Error(message)`, or a subclass of Error that carries the value");
    }
    if (v.nullable) fail(op, `the thrown value may be null or undefined (${describe(v)})`, "test it for null before throwing it");
    return s_impossible;
  },
};

function captureName(desc: FunctionDesc, i: number): string {
  const key = desc.captures![i];
  return "name" in key && key.name && ts.isIdentifier(key.name as ts.Node) ? (key.name as ts.Identifier).text : "this";
}

/** What reading an element of each typed array gives. */
const TYPED_ELEMENT: Record<TypedArrayKind, SomeValue> = {
  u8: s_nonneg, i8: s_int, u16: s_nonneg, i16: s_int, u32: s_nonneg, i32: s_int, f32: s_float, f64: s_float,
};

function checkItem(a: Annotator, op: Operation, item: SomeValue, v: SomeValue): SomeValue {
  a.unionAt(item, v, op, () => "the elements of this array");
  return v;
}


function getattr(a: Annotator, op: Operation, obj: SomeValue, name: string): SomeValue {
  if (obj.kind === "none") return s_impossible; // always null: fails at run time, as in JS
  if (name === "length" && (obj.kind === "str" || obj.kind === "list" || obj.kind === "typed")) return s_nonneg;
  if (obj.kind === "inst") {
    let r: SomeValue = s_impossible;
    for (const field of memberFields(op, obj.classdef, name)) {
      const slot = a.classdef(field.cls).slot(name);
      slot.readers.add(a.current!);
      r = a.unionAt(r, slot.ann, op, () => `field '${name}' of ${obj.classdef.describe()}`);
    }
    return r;
  }
  return fail(op, `cannot read '${name}' of ${describe(obj)}`);
}

const STRING_METHODS: Record<string, (op: Operation, args: SomeValue[]) => SomeValue> = {
  charCodeAt: (op, args) => {
    if (args.length !== 1) fail(op, "charCodeAt takes one index");
    return s_nonneg;
  },
  charAt: (op, args) => {
    if (args.length !== 1) fail(op, "charAt takes one index");
    return s_str;
  },
};

function callMethod(a: Annotator, op: Operation, obj: SomeValue, name: string, args: SomeValue[]): SomeValue {
  if (obj.kind === "none") return s_impossible; // always null: fails at run time, as in JS
  if (obj.kind === "str" && STRING_METHODS[name]) return STRING_METHODS[name](op, args);
  if (obj.kind === "list") {
    if (name === "push") {
      let item = obj.listdef.item;
      for (const x of args) item = checkItem(a, op, item, x);
      for (const x of args) a.reflowAll(obj.listdef.generalize(x));
      return s_nonneg;
    }
    if (name === "pop" && args.length === 0) {
      obj.listdef.addReader(a.current!);
      return obj.listdef.item;
    }
  }
  if (obj.kind === "inst") {
    // On a union of classes, TypeScript has checked (through its narrowing) that the value is
    // one of the members that have the method.
    const members = membersOf(obj.classdef).filter((m) => implementations(m.desc, name).length > 0 || hasAbstract(m.desc, name));
    const impls = members.flatMap((m) => implementations(m.desc, name));
    if (members.length === 0) fail(op, `${obj.classdef.describe()} has no method '${name}'`);
    let result: SomeValue = s_impossible;
    for (const m of impls) {
      const self: SomeValue = { kind: "inst", classdef: a.classdef(m.owner), nullable: false };
      result = a.unionAt(result, a.call(m.fn, [self, ...args], op), op, () => `the result of ${name}()`);
    }
    return result;
  }
  return fail(op, `RTS does not support the method '${name}' on ${describe(obj)}`,
    "see docs/rts-language.md for the supported library");
}

/** The declarations of field `name` in a class, or in the members of a class union that
 *  have it (TypeScript's narrowing, e.g. by a `kind` tag, has checked that the value is one
 *  of them). One access reaches them all, so they must agree on being readonly (the JIT
 *  gives an immutable field its own descriptor, and a read must find what a write set):
 *  when some are not, none is; the same for quasi-immutable and virtualizable. */
function memberFields(op: Operation, cd: ClassDef, name: string): FieldDesc[] {
  const fields = membersOf(cd).flatMap((m) => m.desc.findField(name) ?? []);
  if (fields.length === 0) fail(op, `${cd.describe()} has no field '${name}'`, "methods can only be called, not read as values");
  if (fields.some((f) => !f.readonly)) for (const f of fields) f.readonly = false;
  // Likewise quasi-immutable: a write through the union must invalidate what every read of
  // it from one of the classes depends on.
  if (fields.some((f) => !f.quasiImmutable)) for (const f of fields) f.quasiImmutable = false;
  // And virtualizable: one descriptor for the field in every class.
  if (fields.some((f) => f.virtualizable !== fields[0].virtualizable)) for (const f of fields) f.virtualizable = null;
  return fields;
}

/** Every implementation a call on an instance of `cls` can reach: inherited, own, overrides. */
export function implementations(cls: ClassDesc, name: string): { fn: FunctionDesc; owner: ClassDesc }[] {
  const out: { fn: FunctionDesc; owner: ClassDesc }[] = [];
  const inherited = cls.findMethod(name);
  if (inherited) out.push({ fn: inherited, owner: inherited.cls! });
  const walk = (c: ClassDesc) => {
    for (const sub of c.subclasses) {
      const own = sub.methods.get(name);
      if (own) out.push({ fn: own, owner: sub });
      walk(sub);
    }
  };
  walk(cls);
  return out;
}

/** Whether `cls` or a base declares `name` as an abstract method (no implementation yet). */
function hasAbstract(cls: ClassDesc, name: string): boolean {
  for (let c: ClassDesc | null = cls; c; c = c.base) {
    if (c.decl.members.some((m) => ts.isMethodDeclaration(m) && !m.body && m.name.getText() === name)) return true;
  }
  return false;
}

const INTRINSICS: Record<string, SomeValue> = {
  "lowlevel.load8": s_nonneg,
  "lowlevel.load16": s_nonneg,
  "lowlevel.load32": s_nonneg,
  "lowlevel.store8": s_none,
  "lowlevel.store16": s_none,
  "lowlevel.store32": s_none,
  "lowlevel.loadFloat32": s_float,
  "lowlevel.storeFloat32": s_none,
  "lowlevel.jitInfo": s_nonneg,
  "lowlevel.jitExchangeBase": s_nonneg,
  "lowlevel.jitCall": s_none,
  "lowlevel.collectYoung": s_none,
  "lowlevel.excTake": s_nonneg,
  "lowlevel.excSet": s_none,
  "lowlevel.memorySize": s_nonneg,
  "lowlevel.memoryGrow": s_int,
  "lowlevel.heapBase": s_nonneg,
  "lowlevel.stateBase": s_nonneg,
  "lowlevel.strNew": s_str,
  "lowlevel.strSetChar": s_none,
  "lowlevel.strCopy": s_none,
  "lowlevel.scratchBase": s_nonneg,
  "lowlevel.memCopy": s_none,
  "lowlevel.sameObject": s_bool,
  "lowlevel.memFill": s_none,
  "lowlevel.dataBase": s_nonneg,
  "lowlevel.dataEnd": s_nonneg,
  "lowlevel.typeInfoBase": s_nonneg,
  "lowlevel.shadowStackBase": s_nonneg,
  "lowlevel.shadowStackTop": s_nonneg,
  "lowlevel.setShadowStackTop": s_none,
  "lowlevel.shadowStackLimit": s_nonneg,
  "lowlevel.gcMode": s_nonneg,
  "lowlevel.gcStress": s_bool,
  "lowlevel.maxHeapSetting": s_nonneg,
  "lowlevel.excTraceLength": s_nonneg,
  "lowlevel.excTraceFrame": s_str,
  "lowlevel.floatTrunc": s_float,
  "lowlevel.floatHighWord": s_int,
  "lowlevel.floatLowWord": s_nonneg,
  "lowlevel.floatFromWords": s_float,
  "lowlevel.strHashCache": s_nonneg,
  "lowlevel.setStrHashCache": s_none,
  "lowlevel.keyHash": s_nonneg,
  "lowlevel.load64": s_int,
  "lowlevel.store64": s_none,
  "lowlevel.loadFloat64": s_float,
  "lowlevel.storeFloat64": s_none,
  "lowlevel.typedDataAddress": s_nonneg,
  "lowlevel.objectAddress": s_nonneg,
  "lowlevel.jitAvailable": s_bool,
  "lowlevel.jitCompile": s_nonneg,
  "lowlevel.jitSubmit": s_nonneg,
  "lowlevel.jitCollect": s_nonneg,
  "lowlevel.callTrace": s_int,
  "lowlevel.keyEquals": s_bool,
  "lowlevel.keyNormalized": s_impossible, // its argument's annotation: see builtinCall
  "rarith.intDiv": s_int,
  "rarith.intMod": s_int,
  "rarith.toInt": s_int,
  "rarith.toFloat": s_float,
  "rarith.intmask": s_int,
  "String.fromCharCode": s_str,
  "console.log": s_none,
};

/** Math functions the translator maps to instructions. On ints, floor & co. are the identity. */
function mathCall(a: Annotator, op: Operation, name: string, args: SomeValue[]): SomeValue {
  requireNumbers(op, args, name);
  const allInt = args.every((x) => x.kind === "int");
  const floats = () => {
    for (const x of args) a.observeAsFloat(x);
    return s_float;
  };
  switch (name) {
    case "Math.floor":
    case "Math.ceil":
    case "Math.trunc":
    case "Math.round":
    case "Math.sign":
    case "Math.abs":
      if (args.length !== 1) fail(op, `${name} takes one number in RTS`);
      if (!allInt) return floats();
      return name === "Math.abs" ? s_nonneg : args[0]; // sign(-0) is -0: the mz sources carry over
    case "Math.sqrt":
      if (args.length !== 1) fail(op, `${name} takes one number in RTS`);
      return floats();
    default: // min, max: -0 passes through (min(0, -0) is -0)
      if (args.length === 0 || !allInt) return floats();
      if (args.every((x) => x.kind === "int" && x.nonneg)) return s_nonneg;
      return mzInt(mzUnion(...args.map((x) => (x as { mz: ReadonlySet<object> }).mz)));
  }
}

/** Map keys and Set elements: primitives, or objects by identity (which gives their class an
 *  identity hash field, see rtyper/layouts.ts). */
function mapKey(a: Annotator, op: Operation, x: SomeValue): void {
  if (x.kind === "inst") {
    for (const m of membersOf(x.classdef)) {
      let root = m.desc;
      while (root.base) root = root.base;
      a.classdef(root).identityHashed = true;
    }
    return;
  }
  if (x.kind === "str" || x.kind === "int" || x.kind === "float" || x.kind === "bool" || x.kind === "none") return;
  fail(op, `RTS does not support ${describe(x)} as a Map key or Set element`, "use strings, numbers, booleans or class instances as keys");
}

function builtinCall(a: Annotator, op: Operation, name: string, args: SomeValue[]): SomeValue {
  if (name.startsWith("Math.")) return mathCall(a, op, name, args);
  const r = INTRINSICS[name];
  if (!r) fail(op, `RTS does not support ${name} yet`);
  if (name === "console.log") {
    for (const x of args) {
      if (!(isNumber(x) || x.kind === "str" || x.kind === "bool" || x.kind === "none")) {
        fail(op, `console.log of ${describe(x)} is not supported`, "print the fields you need, e.g. console.log(p.x, p.y)");
      }
      a.observeAsFloat(x); // console.log prints -0 as "-0"
    }
  } else if (name === "String.fromCharCode") {
    if (args.length !== 1) fail(op, "String.fromCharCode takes one code in RTS");
    requireNumbers(op, args, "String.fromCharCode");
  } else if (name === "lowlevel.keyHash" || name === "lowlevel.keyEquals") {
    for (const x of args) mapKey(a, op, x);
  } else if (name === "lowlevel.keyNormalized") {
    mapKey(a, op, args[0]);
    return args[0].kind === "int" ? s_int : args[0]; // never -0
  } else if (name === "rarith.toFloat") {
    requireNumbers(op, args, name);
    a.observeAsFloat(args[0]);
  } else if (name === "lowlevel.typedDataAddress") {
    if (args[0].kind !== "typed") fail(op, `${name} takes a typed array, got ${describe(args[0])}`, "pass a typed array (Uint8Array, Int32Array, Float64Array...)");
  } else if (name === "lowlevel.objectAddress") {
    const k = args[0].kind;
    if (k !== "inst" && k !== "typed" && k !== "list" && k !== "str") {
      fail(op, `${name} takes an object, got ${describe(args[0])}`, "pass a class instance, an array, a typed array or a string");
    }
  } else if (name === "lowlevel.storeFloat64" || name === "lowlevel.storeFloat32") {
    if (args[0].kind !== "int") fail(op, `${name} takes an integer address, got ${describe(args[0])}`, "convert with toInt()");
    requireNumbers(op, [args[1]], name);
    a.observeAsFloat(args[1]);
  } else if (name === "rarith.toInt" || name === "rarith.intmask" || name === "lowlevel.floatTrunc" || name === "lowlevel.floatHighWord" || name === "lowlevel.floatLowWord") {
    requireNumbers(op, args, name);
  } else {
    for (const x of args) if (x.kind !== "int" && x.kind !== "str" && x.kind !== "none") fail(op, `${name} takes integer arguments, got ${describe(x)}`, "convert with toInt()");
  }
  return r;
}

export function consider(a: Annotator, op: Operation): SomeValue {
  const rule = RULES[op.opname];
  if (!rule) throw new Error(`no annotation rule for ${op.opname}`);
  return rule(a, op, op.args.map((v) => a.annotation(v)));
}
