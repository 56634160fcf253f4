// Prints a trace in the style of PyPy's JIT logs (the RTS_JITLOG format):
//   [i0, p1]
//   i2 = int_add(i0, 1)
//   guard_true(i3) [i0, p4]
//       on failure: p4 = new(descr=7)     (a virtual the guard's failure path builds)
//   jump(i2, p1)
// Values are named by type (i int, p reference, f float) and numbered in order.
import { ConstFloat, ConstInt, ConstRef, InputArg, isGuard, LABEL, opName, ResOp, Trace, TYPE_FLOAT, TYPE_INT, TYPE_VOID, Value } from "./resop.ts";

function prefix(type: number): string {
  if (type === TYPE_INT) return "i";
  if (type === TYPE_FLOAT) return "f";
  return "p";
}

function valueName(v: Value): string {
  if (v instanceof ConstInt) return `${v.value}`;
  if (v instanceof ConstFloat) return `${v.value}`;
  if (v instanceof ConstRef) return `ConstPtr(${v.address})`;
  if (v.printNumber < 0) return "?";
  return `${prefix(v.type)}${v.printNumber}`;
}

function valueList(values: Value[]): string {
  let s = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) s += ", ";
    s += valueName(values[i]);
  }
  return s;
}

export function printOp(op: ResOp): string {
  let s = "";
  if (op.type !== TYPE_VOID) s = `${valueName(op)} = `;
  s += `${opName(op.opnum)}(${valueList(op.args)}`;
  if (op.descr >= 0) s += `${op.args.length > 0 ? ", " : ""}descr=${op.descr}`;
  if (op.inBounds) s += ", in bounds";
  s += ")";
  if (isGuard(op.opnum)) s += ` [${valueList(op.failArgs)}]`;
  for (const m of op.onFailure) s += `\n    on failure: ${printOp(m)}`;
  return s;
}

export function printTrace(t: Trace): string {
  let n = 0;
  for (let i = 0; i < t.inputargs.length; i++) {
    t.inputargs[i].printNumber = n;
    n++;
  }
  for (let i = 0; i < t.ops.length; i++) {
    const op = t.ops[i];
    if (op.type !== TYPE_VOID) {
      op.printNumber = n;
      n++;
    }
    // A peeled loop's header (opt/peel.ts) takes inputs of its own.
    if (i > 0 && op.opnum === LABEL) {
      for (const a of op.args) {
        if (a instanceof InputArg) {
          a.printNumber = n;
          n++;
        }
      }
    }
    for (const m of t.ops[i].onFailure) {
      if (m.type === TYPE_VOID) continue;
      m.printNumber = n;
      n++;
    }
  }
  let s = `[${valueList(t.inputargs)}]\n`;
  for (let i = 0; i < t.ops.length; i++) s += `${printOp(t.ops[i])}\n`;
  return s;
}
