// The interpreter: ONE loop runs all bytecode. Calls do not recurse on the host stack: a call
// saves the caller's (code, pc, env) in a heap Frame and continues the loop in the callee; a
// tail call does not save anything, so it replaces the current frame. Deep recursion is
// bounded by the heap, and a tail loop runs in constant space.
//
// The hot state is in a few locals: `code`/`ops`/`pc` (the JitDriver's greens: the position
// in the guest program) and `env`/`frame` (reds, with the operand stack). The merge point is
// at the top of the loop; `canEnterJit` at backward jumps, which here are the calls (every
// guest loop is a call of a named-let or do procedure). Where the position comes from a red
// (a return to the caller's frame, a call of a closure) it is promoted.
import type { int } from "../../rlib/types.ts";
import {
  Value, Fixnum, Pair, Primitive, Closure, Code, Env, Sym, UNSPECIFIED, UNBOUND, FALSE, FIXNUM_MAX, NIL, bool, fixnum, listToArray,
} from "./values.ts";
import { Runtime } from "./runtime.ts";
import { applyPrimitive } from "./primitives.ts";
import { arith, compareValues, CMP_EQ, CMP_LT, CMP_GT, CMP_LE, CMP_GE } from "./numbers.ts";
import { P_APPLY } from "./misc.ts";
import { toWriteString } from "./printer.ts";
import * as op from "./opcodes.ts";
import { elidable, JitDriver, promote, unrollSafe } from "../../rlib/jit.ts";

/** The JIT's view of the loop: the position in the guest program is green (a trace is
 *  specialized to it), the guest state red. */
const driver = new JitDriver({ greens: ["code", "ops", "pc"], reds: ["env", "frame", "stack", "rt", "vm"] });

// A Code never changes once compiled: reading its bytecode and tables through these
// elidable functions lets the JIT fold each read in a trace, where code, ops and pc are
// constants (a read of an array or a list is not foldable by itself).
function opAt(ops: Int32Array, i: int): int {
  return ops[i];
}
elidable(opAt);

function constAt(code: Code, i: int): Value {
  return code.consts[i];
}
elidable(constAt);

function symAt(code: Code, i: int): Sym {
  return code.syms[i];
}
elidable(symAt);

function codeAt(code: Code, i: int): Code {
  return code.codes[i];
}
elidable(codeAt);

/** A suspended caller: where to continue when the callee returns. */
class Frame {
  readonly code: Code;
  readonly pc: int;
  readonly env: Env;
  readonly parent: Frame | null;
  constructor(code: Code, pc: int, env: Env, parent: Frame | null) {
    this.code = code;
    this.pc = pc;
    this.env = env;
    this.parent = parent;
  }
}

/** The arithmetic instructions on two values: inline fixnum cases, then the primitives. */
function binary(rt: Runtime, opcode: int, a: Value, b: Value): Value {
  if (a instanceof Fixnum && b instanceof Fixnum) {
    const x = a.value;
    const y = b.value;
    switch (opcode) {
      case op.ADD: {
        const r = x + y;
        if (r <= FIXNUM_MAX && r >= -FIXNUM_MAX) return fixnum(r);
        break;
      }
      case op.SUB: {
        const r = x - y;
        if (r <= FIXNUM_MAX && r >= -FIXNUM_MAX) return fixnum(r);
        break;
      }
      case op.NUM_EQ:
        return bool(x === y);
      case op.LT:
        return bool(x < y);
      case op.GT:
        return bool(x > y);
      case op.LE:
        return bool(x <= y);
      case op.GE:
        return bool(x >= y);
    }
  }
  switch (opcode) {
    case op.ADD:
    case op.SUB:
    case op.MUL:
      // The ADD/SUB/MUL opcodes are in the order of the primitive ids + - *.
      return arith(rt, opcode - op.ADD, a, b);
    case op.NUM_EQ:
      return compareValues(rt, CMP_EQ, a, b);
    case op.LT:
      return compareValues(rt, CMP_LT, a, b);
    case op.GT:
      return compareValues(rt, CMP_GT, a, b);
    case op.LE:
      return compareValues(rt, CMP_LE, a, b);
    default:
      return compareValues(rt, CMP_GE, a, b);
  }
}

export class Machine {
  readonly rt: Runtime;
  /** After an error: the source of the call being made ("" when not at a call), and the
   *  name of the procedure running ("" at top level). */
  errorExpr: string = "";
  errorProc: string = "";

  constructor(rt: Runtime) {
    this.rt = rt;
  }

  /** Runs a compiled top-level form; returns its value. On a Scheme error returns with
   *  rt.error set (and errorExpr / errorProc), the operand stack emptied. */
  run(entry: Code): Value {
    const rt = this.rt;
    const stack = rt.stack;
    let code = entry;
    let ops = code.ops;
    let pc = 0;
    let env = new Env(code.nslots, null);
    let frame: Frame | null = null;
    // Live from one instruction to the next: only code/ops/pc (the guest position) and
    // env/frame/stack (the guest state).
    while (true) {
      driver.jitMergePoint({ code, ops, pc, env, frame, stack, rt, vm: this });
      const opcode = opAt(ops, pc);
      // Set by the instruction that makes a call: argument count (-1: no call), tail or
      // not, the index of the call's source in code.exprs.
      let argc = -1;
      let tail = false;
      let e = -1;
      switch (opcode) {
        case op.CONST:
          stack.push(constAt(code, opAt(ops, pc + 1)));
          pc += 2;
          break;
        case op.LOCAL:
          stack.push(env.get(opAt(ops, pc + 1)));
          pc += 2;
          break;
        case op.OUTER:
          stack.push(outerEnv(env, opAt(ops, pc + 1)).get(opAt(ops, pc + 2)));
          pc += 3;
          break;
        case op.STORE_LOCAL:
          env.set(opAt(ops, pc + 1), pop(stack));
          pc += 2;
          break;
        case op.STORE_OUTER:
          outerEnv(env, opAt(ops, pc + 1)).set(opAt(ops, pc + 2), pop(stack));
          pc += 3;
          break;
        case op.GLOBAL: {
          const sym = symAt(code, opAt(ops, pc + 1));
          pc += 2;
          const v = sym.value;
          if (v === UNBOUND) rt.fail(`unbound variable: ${sym.name}`);
          stack.push(v);
          break;
        }
        case op.STORE_GLOBAL: {
          const sym = symAt(code, opAt(ops, pc + 1));
          pc += 2;
          if (sym.value === UNBOUND) rt.fail(`set! of an unbound variable: ${sym.name}`);
          sym.value = pop(stack);
          break;
        }
        case op.DEFINE_GLOBAL:
          symAt(code, opAt(ops, pc + 1)).value = pop(stack);
          pc += 2;
          break;
        case op.POP:
          stack.pop();
          pc += 1;
          break;
        case op.JUMP:
          pc = opAt(ops, pc + 1);
          break;
        case op.JUMP_IF_FALSE:
          if (pop(stack) === FALSE) pc = opAt(ops, pc + 1);
          else pc += 2;
          break;
        case op.AND_JUMP:
          if (stack[stack.length - 1] === FALSE) {
            pc = opAt(ops, pc + 1);
          } else {
            stack.pop();
            pc += 2;
          }
          break;
        case op.OR_JUMP:
          if (stack[stack.length - 1] !== FALSE) {
            pc = opAt(ops, pc + 1);
          } else {
            stack.pop();
            pc += 2;
          }
          break;
        case op.CLOSURE:
          stack.push(new Closure(codeAt(code, opAt(ops, pc + 1)), env));
          pc += 2;
          break;
        case op.CALL:
        case op.TAIL_CALL:
          argc = opAt(ops, pc + 1);
          e = opAt(ops, pc + 2);
          tail = opcode === op.TAIL_CALL;
          pc += 3;
          break;
        case op.RETURN: {
          if (frame === null) return pop(stack);
          // The guest position comes back from the frame: the JIT specializes on it.
          code = promote(frame.code);
          ops = code.ops;
          pc = promote(frame.pc);
          env = frame.env;
          frame = frame.parent;
          break;
        }
        case op.PRIM_CALL: {
          const n = opAt(ops, pc + 1);
          const sym = symAt(code, opAt(ops, pc + 2));
          e = opAt(ops, pc + 3);
          tail = opAt(ops, pc + 4) !== 0;
          pc += 5;
          const f = sym.value;
          if (f === sym.builtin) {
            const base = stack.length - n;
            const result = applyPrimitive(rt, (f as Primitive).id, base, n);
            popN(stack, n);
            stack.push(result);
          } else {
            stack.push(f);
            argc = n;
          }
          break;
        }
        default: {
          // ADD .. GE: two arguments, `+`-like built-ins.
          const sym = symAt(code, opAt(ops, pc + 1));
          e = opAt(ops, pc + 2);
          tail = opAt(ops, pc + 3) !== 0;
          pc += 4;
          if (sym.value === sym.builtin) {
            const b = pop(stack);
            const a = pop(stack);
            stack.push(binary(rt, opcode, a, b));
          } else {
            stack.push(sym.value);
            argc = 2;
          }
          break;
        }
      }

      if (argc >= 0 && !rt.failed) {
        // A call: the procedure is on top of its argc arguments.
        let callee = pop(stack);
        // apply: spread its last argument and call its first.
        while (callee instanceof Primitive && callee.id === P_APPLY && argc >= 1) {
          const base = stack.length - argc;
          const items = listToArray(stack[stack.length - 1]);
          if (items === null) {
            rt.wrongType("apply", "a proper list as the last argument", stack[stack.length - 1]);
            break;
          }
          callee = stack[base];
          const middle: Value[] = [];
          for (let i = base + 1; i < stack.length - 1; i++) middle.push(stack[i]);
          popN(stack, argc);
          for (let i = 0; i < middle.length; i++) stack.push(middle[i]);
          for (let i = 0; i < items.length; i++) stack.push(items[i]);
          argc = middle.length + items.length;
        }
        if (rt.failed) {
          // apply's last argument was not a list
        } else if (callee instanceof Closure) {
          const target = callee.code;
          if (argc < target.nparams || (!target.rest && argc > target.nparams)) {
            rt.fail(`wrong number of arguments to ${toWriteString(callee)}: expected ${target.rest ? "at least " : ""}${target.nparams}, got ${argc}`);
          } else {
            const base = stack.length - argc;
            const frameEnv = new Env(target.nslots, callee.env);
            for (let i = 0; i < target.nparams; i++) frameEnv.set(i, stack[base + i]);
            if (target.rest) {
              let rest: Value = NIL;
              for (let i = argc - 1; i >= target.nparams; i--) rest = new Pair(stack[base + i], rest);
              frameEnv.set(target.nparams, rest);
            }
            popN(stack, argc);
            if (!tail) frame = new Frame(code, pc, env, frame);
            code = promote(target);
            ops = code.ops;
            pc = 0;
            env = frameEnv;
            // Every guest loop goes through a call: this is where loops get hot.
            driver.canEnterJit({ code, ops, pc, env, frame, stack, rt, vm: this });
          }
        } else if (callee instanceof Primitive) {
          if (argc < callee.minArgs || (callee.maxArgs >= 0 && argc > callee.maxArgs)) {
            rt.fail(`wrong number of arguments to ${toWriteString(callee)}: expected ${arityText(callee)}, got ${argc}`);
          } else {
            const base = stack.length - argc;
            const result = applyPrimitive(rt, callee.id, base, argc);
            popN(stack, argc);
            stack.push(result);
          }
        } else {
          rt.fail(`not a procedure: ${toWriteString(callee)}`);
        }
      }

      if (rt.failed) {
        this.errorExpr = argc >= 0 || opcode === op.PRIM_CALL || opcode >= op.ADD ? toWriteString(code.exprs[e]) : "";
        this.errorProc = code.name;
        popN(stack, stack.length);
        return UNSPECIFIED;
      }
    }
  }
}

function arityText(p: Primitive): string {
  if (p.maxArgs < 0) return `at least ${p.minArgs}`;
  if (p.maxArgs === p.minArgs) return `${p.minArgs}`;
  return `${p.minArgs} to ${p.maxArgs}`;
}

// Their loops run a number of times an instruction's operand gives, a constant in a trace:
// the JIT may unroll them.
unrollSafe(outerEnv);
unrollSafe(popN);

function outerEnv(env: Env, depth: int): Env {
  let en = env;
  for (let i = 0; i < depth; i++) en = en.parent!;
  return en;
}

function pop(stack: Value[]): Value {
  const v = stack[stack.length - 1];
  stack.pop();
  return v;
}

function popN(stack: Value[], n: int): void {
  for (let i = 0; i < n; i++) stack.pop();
}
