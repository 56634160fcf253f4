// The meta-interpreter (RPython's pyjitpl.py, with blackhole.py's executor folded in): it
// runs the interpreter's jitcodes on real values and, while tracing, records each operation
// on their boxes into a trace. Not tracing, the same loop is the blackhole interpreter: it
// runs the interpreter until the portal reaches its merge point, then hands the greens and
// reds back (or the portal's result when it returns).
//
// Tracing starts after a loop_header (can_enter_jit) with the greens as constants and the
// reds as the trace's inputs; the trace closes when a loop_header sees the same greens
// again (a JUMP back to the LABEL), or is aborted past the trace limit or when the traced
// code raises. Greens computed from non-constant values (an item of a green array) are
// promoted at loop_header and jit_merge_point: a guard_value keeps the trace correct.
// Instructions are decoded by midecode.ts, frames are rebuilt from a guard's snapshot by
// mirebuild.ts, and the portal's greens and reds go to and from the exchange area through
// miexchange.ts.
import {
  excSet, excTake, jitCall, jitExchangeBase, load32, load64, load8, loadFloat64, shadowStackTop, store32, store64, storeFloat64,
} from "../lowlevel.ts";
import { fatal, TYPED_DATA } from "../runtime.ts";
import { float, int } from "../types.ts";
import { Frame, NO_BOX, popRefs, pushRefs, pushSlot } from "./miframe.ts";
import { floatOp, getArrayItem, getField, intOp, otherOp, setArrayItem, setField } from "./dataops.ts";
import { codeByte, descrWord, jitcodeField, KIND_FLOAT, KIND_INT, KIND_REF, LL_F64, LL_PTR, LL_VOID } from "./jitcodes.ts";
import {
  H_COPY, H_EXC_FETCH, H_EXC_OCCURRED, H_EXC_RAISE, H_FLOAT_LT, H_GETARRAYITEM, H_GETFIELD, H_GOTO, H_GOTO_IF_NOT,
  H_GUARD_VALUE, H_INLINE_CALL, H_INT_EQ, H_LIVE, H_LOOP_HEADER, H_MERGE_POINT, H_RESIDUAL_CALL, H_RETURN, H_SETARRAYITEM,
  H_SETFIELD, H_SWITCH, H_UNKNOWN, OpcodeTable, readOpcodes,
} from "./opcodes.ts";
import {
  CALL_F, CALL_I, CALL_N, CALL_PURE_I, CALL_R, ConstFloat, ConstInt, ConstRef, FINISH, ResOp, GUARD_FALSE,
  GUARD_NO_EXCEPTION, GUARD_NOT_INVALIDATED, GUARD_TRUE, GUARD_VALUE, JUMP, LABEL, Trace, Value,
} from "./resop.ts";
import { isInvalidated, newFlag, watch, watchLoop } from "./quasiimmut.ts";
import { bucketIndex, findCell, JitCell, setKey, warm } from "./warmstate.ts";
import { driver, slotKind } from "./driver.ts";
import { CompiledTrace, compileTrace, takeOverEntry } from "./compiled.ts";
import { Snapshot } from "./resume.ts";
import { decode, Decoded, newDecodedTable } from "./midecode.ts";
import { enterFrames, rebuild } from "./mirebuild.ts";
import { fromExchange, redBoxes, sameGreens, toExchange } from "./miexchange.ts";
import { stats, stopTracingClock } from "./stats.ts";

/** jitEnter's answers (translator/transform/jitentry.ts). */
export const ENTER_CONTINUE = 1;
export const ENTER_RETURNED = 2;

/** The stack trace buffer of the pending exception (targets/wasm/memory.ts EXC_TRACE). */
const EXC_TRACE_BASE = 976;

export class MetaInterp {
  opcodes: OpcodeTable = readOpcodes();
  /** The instruction being executed, decoded (midecode.ts). */
  d = new Decoded();
  decoded: (Decoded | null)[] = newDecodedTable();
  tracing = false;
  trace = new Trace();
  /** The greens the trace started with (constants), by slot. */
  startGreens: Value[] = [];
  /** The exception raised by a residual call and not yet fetched (a shadow-stack slot). */
  excSlot = 0;
  /** The green key whose loop is being traced (null while tracing a bridge). */
  cell: JitCell | null = null;
  /** While tracing a bridge: the compiled trace and the number of the exit it starts from. */
  bridgeParent: CompiledTrace | null = null;
  bridgeExit = 0;
  /** The instruction being executed (where a guard's innermost frame resumes). */
  insnPc = 0;
  /** The resume data of the trace's guards, by their `resume` index. */
  snapshots: Snapshot[] = [];
  /** The trace's flag once it watches a quasi-immutable field (quasiimmut.ts; 0: none). */
  quasiFlag = 0;

  // ---- Operand values and boxes.

  int(f: Frame, k: int): int {
    return this.d.kinds[k] === -1 ? this.d.scalars[k] : f.ints[this.d.scalars[k]];
  }

  intBox(f: Frame, k: int): Value {
    return this.d.kinds[k] === -1 ? new ConstInt(this.d.scalars[k]) : f.intBoxes[this.d.scalars[k]];
  }

  float(f: Frame, k: int): float {
    return f.floats[this.d.scalars[k]];
  }

  setInt(f: Frame, v: int, box: Value): void {
    f.ints[this.d.result] = v;
    if (this.tracing) f.intBoxes[this.d.result] = box;
  }

  setFloat(f: Frame, v: float, box: Value): void {
    f.floats[this.d.result] = v;
    if (this.tracing) f.floatBoxes[this.d.result] = box;
  }

  /** Records a pure operation, or folds it when its arguments are constants. */
  pure(opnum: int, args: Value[], value: int): Value {
    if (!this.tracing) return NO_BOX;
    for (let i = 0; i < args.length; i++) if (!args[i].isConstant()) return this.trace.record(opnum, args, -1);
    return new ConstInt(value);
  }

  pureFloat(opnum: int, args: Value[], value: float): Value {
    if (!this.tracing) return NO_BOX;
    for (let i = 0; i < args.length; i++) if (!args[i].isConstant()) return this.trace.record(opnum, args, -1);
    return new ConstFloat(value);
  }

  /** The boxes of the registers live at every frame's last -live- marker, outermost first:
   *  a guard's fail arguments. */
  failArgs(f: Frame): Value[] {
    const out: Value[] = [];
    this.liveBoxes(f, out);
    return out;
  }

  liveBoxes(f: Frame, out: Value[]): void {
    if (f.parent !== null) this.liveBoxes(f.parent, out);
    if (f.livePc < 0) return;
    // A -live- marker is an opcode with three lists: I, R, F.
    let at = f.livePc + 1;
    for (let kind = 0; kind < 3; kind++) {
      const n = codeByte(at);
      for (let j = 0; j < n; j++) {
        const r = codeByte(at + 1 + j);
        out.push(kind === KIND_INT ? f.intBoxes[r] : kind === KIND_REF ? f.refBoxes[r] : f.floatBoxes[r]);
      }
      at += 1 + n;
    }
  }

  guard(f: Frame, opnum: int, args: Value[]): ResOp {
    const op = this.trace.recordGuard(opnum, args, this.failArgs(f));
    op.resume = this.snapshots.length;
    const s = new Snapshot();
    this.snapshotFrames(f, s, this.insnPc);
    this.snapshots.push(s);
    return op;
  }

  /** The trace takes the value of a quasi-immutable field (its hidden word at `word`) as a
   *  constant: it watches the field (quasiimmut.ts) and records guard_not_invalidated,
   *  which resumes by reading the field again (a -live- marker precedes the read). False
   *  when it cannot: the read is recorded as any other. */
  watchField(f: Frame, word: int): boolean {
    if (this.quasiFlag === 0) this.quasiFlag = newFlag();
    if (this.quasiFlag === 0 || !watch(word, this.quasiFlag)) return false;
    this.guard(f, GUARD_NOT_INVALIDATED, []).descr = this.quasiFlag;
    return true;
  }

  snapshotFrames(f: Frame, s: Snapshot, pc: int): void {
    if (f.parent !== null) this.snapshotFrames(f.parent, s, f.parent.pc);
    s.jitcodes.push(f.jitcode);
    s.pcs.push(pc);
    s.livePcs.push(f.livePc);
    s.retRegs.push(f.retReg);
    s.retKinds.push(f.retKind);
  }

  abort(): void {
    this.tracing = false;
    stats.aborts++;
    stopTracingClock();
  }

  // ---- Entering and leaving.

  /** Sets up the portal's frame at the loop_header at `site` from the exchange area (its
   *  refs from their copies at `roots`, see warmstate.ts rootExchange), then traces from
   *  there for `cell`. Returns ENTER_CONTINUE or ENTER_RETURNED. */
  start(site: int, roots: int, cell: JitCell): int {
    this.beginTrace(cell, null, -1);
    const f = new Frame(0, null, true);
    f.pc = site;
    f.refBase = pushRefs(0, f.refCount);
    this.excSlot = pushSlot();
    decode(this, f);
    fromExchange(this, f, roots);
    const reds: Value[] = [];
    for (let i = 0; i < this.trace.inputargs.length; i++) reds.push(this.trace.inputargs[i]);
    this.trace.record(LABEL, reds, -1);
    return this.run(f);
  }

  /** A compiled trace left by `exit` (a guard): resumes in the blackhole from the guard's
   *  instruction on (see rebuild). */
  resume(exit: ResOp, snapshots: Snapshot[], frame: int, refs: int): int {
    this.tracing = false;
    return this.run(enterFrames(this, rebuild(this, exit, snapshots, frame), exit, refs));
  }

  /** Exit `n` of `parent` (a guard) failed often: traces a bridge from it, whose inputs are
   *  the guard's fail arguments (a constant one stays a constant), until the code reaches
   *  a loop header with a compiled loop. */
  startBridge(parent: CompiledTrace, n: int, frame: int, refs: int): int {
    this.beginTrace(null, parent, n);
    const exit = parent.exits[n];
    return this.run(enterFrames(this, rebuild(this, exit, parent.snapshots, frame), exit, refs));
  }

  /** A new, empty trace: a loop for `cell`, or a bridge from exit n of `parent`. */
  private beginTrace(cell: JitCell | null, parent: CompiledTrace | null, n: int): void {
    this.cell = cell;
    this.bridgeParent = parent;
    this.bridgeExit = n;
    this.tracing = true;
    this.trace = new Trace();
    this.startGreens = [];
    this.snapshots = [];
    this.quasiFlag = 0;
  }

  /** Promotes the greens of the decoded loop_header or merge point to constants. The
   *  ones of the portal frame only: the markers are in the portal. */
  promoteGreens(f: Frame): void {
    for (let kind = 0; kind < 3; kind++) {
      const at = this.d.lists[kind];
      for (let j = 0; j < codeByte(at); j++) this.promote(f, kind, codeByte(at + 1 + j));
    }
  }

  /** Makes register r (of `kind`) a constant, guarding on its value when it is not one. */
  promote(f: Frame, kind: int, r: int): void {
    if (kind === KIND_INT && !f.intBoxes[r].isConstant()) {
      const c = new ConstInt(f.ints[r]);
      this.guard(f, GUARD_VALUE, [f.intBoxes[r], c]);
      f.intBoxes[r] = c;
    } else if (kind === KIND_REF && !f.refBoxes[r].isConstant()) {
      const c = new ConstRef(f.getRef(r));
      this.guard(f, GUARD_VALUE, [f.refBoxes[r], c]);
      f.refBoxes[r] = c;
    } else if (kind === KIND_FLOAT && !f.floatBoxes[r].isConstant()) {
      const c = new ConstFloat(f.floats[r]);
      this.guard(f, GUARD_VALUE, [f.floatBoxes[r], c]);
      f.floatBoxes[r] = c;
    }
  }

  /** The portal returned: its result to the exchange area, the pending exception back. */
  portalReturn(f: Frame): int {
    const d = this.d;
    const slot = jitExchangeBase();
    if (d.nScalars > 0) {
      const kind = d.kinds[0];
      if (kind === KIND_REF) store32(slot, f.getRef(d.scalars[0]));
      else if (kind === KIND_FLOAT) storeFloat64(slot, this.float(f, 0));
      else store64(slot, this.int(f, 0));
    }
    const e = load32(this.excSlot);
    if (e !== 0) excSet(e);
    return ENTER_RETURNED;
  }

  // ---- The loop.

  run(top: Frame): int {
    let f = top;
    // The frames start() and resume() made have their refs below this function's own GC
    // frame: popping them here would free the slots this function spills to. They are
    // dropped when jitEnter returns.
    const floor = shadowStackTop();
    for (;;) {
      const pc = f.pc;
      this.insnPc = pc;
      const d = decode(this, f);
      const h = d.handler;
      if (h === H_LIVE) {
        f.livePc = pc;
      } else if (h === H_GOTO) {
        f.pc = d.scalars[0];
      } else if (h === H_GOTO_IF_NOT) {
        const v = this.int(f, 0);
        if (this.tracing) {
          const box = this.intBox(f, 0);
          if (!box.isConstant()) this.guard(f, v !== 0 ? GUARD_TRUE : GUARD_FALSE, [box]);
        }
        if (v === 0) f.pc = d.scalars[1];
      } else if (h === H_SWITCH) {
        const v = this.int(f, 0);
        const descr = d.scalars[1];
        let target = descrWord(descr, 1);
        const n = descrWord(descr, 2);
        for (let i = 0; i < n; i++) if (descrWord(descr, 3 + 2 * i) === v) target = descrWord(descr, 4 + 2 * i);
        if (this.tracing) {
          const box = this.intBox(f, 0);
          if (!box.isConstant()) this.guard(f, GUARD_VALUE, [box, new ConstInt(v)]);
        }
        f.pc = f.start + target;
      } else if (h === H_COPY) {
        this.copy(f);
      } else if (h === H_GUARD_VALUE) {
        if (this.tracing) this.promote(f, d.kinds[0], d.scalars[0]);
      } else if (h === H_RETURN) {
        if (f.parent === null) {
          if (this.tracing) this.abort();
          return this.portalReturn(f);
        }
        const caller = this.leave(f);
        if (f.refBase >= floor) popRefs(f);
        f = caller;
      } else if (h === H_INLINE_CALL) {
        const callee = new Frame(descrWord(d.scalars[0], 1), f, this.tracing);
        callee.refBase = pushRefs(callee.jitcode, callee.refCount);
        this.enter(f, callee);
        f = callee;
      } else if (h === H_RESIDUAL_CALL) {
        this.residualCall(f);
      } else if (h === H_MERGE_POINT) {
        if (!this.tracing) {
          toExchange(this, f);
          return ENTER_CONTINUE;
        }
        this.promoteGreens(f);
        if (this.trace.ops.length > warm.traceLimit) this.abort();
      } else if (h === H_LOOP_HEADER) {
        if (this.tracing) {
          this.promoteGreens(f);
          if (this.cell !== null && sameGreens(this, f)) this.closeLoop(f);
          else this.maybeFinish(f);
        }
      } else if (h === H_GETFIELD) {
        getField(this, f);
      } else if (h === H_SETFIELD) {
        setField(this, f);
      } else if (h === H_GETARRAYITEM) {
        getArrayItem(this, f);
      } else if (h === H_SETARRAYITEM) {
        setArrayItem(this, f);
      } else if (h === H_EXC_OCCURRED) {
        const raised = load32(this.excSlot) !== 0;
        // A trace stops when the traced code raises: it only ever sees no exception here.
        if (this.tracing) this.guard(f, GUARD_NO_EXCEPTION, []);
        this.setInt(f, raised ? 1 : 0, this.tracing ? new ConstInt(0) : NO_BOX);
      } else if (h === H_EXC_FETCH) {
        f.setRef(d.result, load32(this.excSlot));
        store32(this.excSlot, 0);
      } else if (h === H_EXC_RAISE) {
        if (this.tracing) this.abort();
        store32(this.excSlot, f.getRef(d.scalars[0]));
        if (descrWord(d.scalars[1], 2) !== 1) store32(EXC_TRACE_BASE, 0);
      } else if (h <= H_INT_EQ) {
        intOp(this, f, h);
      } else if (h <= H_FLOAT_LT) {
        floatOp(this, f, h);
      } else if (h > H_UNKNOWN) {
        otherOp(this, f, h);
      } else {
        fatal(`jit: the meta-interpreter cannot execute ${this.opcodes.names[codeByte(pc)]}`);
      }
    }
  }

  /** The loop closes: JUMP back to its start with the reds. */
  closeLoop(f: Frame): void {
    this.trace.record(JUMP, redBoxes(this, f), -1);
    this.endTrace(null);
  }

  /** At the header of another loop that has compiled code, the trace ends by going on
   *  there: FINISH with the reds, which are that loop's inputs. */
  maybeFinish(f: Frame): void {
    this.keyFromRegisters(f);
    const target = findCell(bucketIndex());
    if (target === null || target.loop === null) return;
    this.trace.record(FINISH, redBoxes(this, f), -1);
    this.endTrace(target);
  }

  /** Compiles the finished trace: a loop for its cell, or a bridge for its guard. */
  endTrace(target: JitCell | null): void {
    if (this.quasiFlag !== 0 && isInvalidated(this.quasiFlag)) {
      // The traced code wrote a field the trace had read as a constant: its code would
      // leave at once. (The field is read as an ordinary one once it has been written
      // often enough, so tracing again gets somewhere.)
      this.abort();
      return;
    }
    this.tracing = false;
    stats.tracesClosed++;
    const parent = this.bridgeParent;
    const compiled = compileTrace(this.trace, this.snapshots, target, parent, parent === null ? null : parent.exits[this.bridgeExit]);
    if (parent !== null) {
      if (compiled !== null) {
        parent.attach(this.bridgeExit, compiled);
        stats.bridgesCompiled++;
      }
    } else {
      const cell = this.cell!;
      const old = cell.loop;
      cell.traced = true;
      if (compiled !== null) {
        compiled.cell = cell;
        if (this.quasiFlag !== 0) watchLoop(this.quasiFlag, compiled, cell);
        if (old !== null) takeOverEntry(compiled, old);
        stats.loopsCompiled++;
      }
      if (compiled !== null || old === null) cell.loop = compiled;
    }
    stopTracingClock();
  }

  /** The warm-state key of the greens of the decoded loop_header. */
  keyFromRegisters(f: Frame): void {
    const taken: int[] = [0, 0, 0];
    const scratch = jitExchangeBase() + 4096;
    for (let k = 0; k < driver.greens; k++) {
      const kind = slotKind(k);
      const r = codeByte(this.d.lists[kind] + 1 + taken[kind]);
      taken[kind]++;
      if (kind === KIND_INT) setKey(k, f.ints[r]);
      else if (kind === KIND_REF) setKey(k, f.getRef(r));
      else {
        // A float green's key is its bits, as the exchange area holds them.
        storeFloat64(scratch, f.floats[r]);
        setKey(k, load64(scratch));
      }
    }
  }

  copy(f: Frame): void {
    const d = this.d;
    const kind = d.resultKind;
    if (kind === KIND_INT) this.setInt(f, this.int(f, 0), this.tracing ? this.intBox(f, 0) : NO_BOX);
    else if (kind === KIND_FLOAT) this.setFloat(f, this.float(f, 0), this.tracing ? f.floatBoxes[d.scalars[0]] : NO_BOX);
    else {
      f.setRef(d.result, f.getRef(d.scalars[0]));
      if (this.tracing) f.refBoxes[d.result] = f.refBoxes[d.scalars[0]];
    }
  }

  /** Passes the decoded inline_call's I, R, F arguments to the callee's parameters. */
  enter(caller: Frame, callee: Frame): void {
    const d = this.d;
    callee.retReg = d.result;
    callee.retKind = d.resultKind;
    const params = jitcodeField(callee.jitcode, 5);
    const n = jitcodeField(callee.jitcode, 10);
    const taken: int[] = [0, 0, 0];
    for (let p = 0; p < n; p++) {
      const kind = load8(params + TYPED_DATA + 2 * p);
      const reg = load8(params + TYPED_DATA + 2 * p + 1);
      const from = codeByte(d.lists[kind] + 1 + taken[kind]);
      taken[kind]++;
      if (kind === KIND_INT) {
        callee.ints[reg] = caller.ints[from];
        if (this.tracing) callee.intBoxes[reg] = caller.intBoxes[from];
      } else if (kind === KIND_FLOAT) {
        callee.floats[reg] = caller.floats[from];
        if (this.tracing) callee.floatBoxes[reg] = caller.floatBoxes[from];
      } else {
        callee.setRef(reg, caller.getRef(from));
        if (this.tracing) callee.refBoxes[reg] = caller.refBoxes[from];
      }
    }
  }

  /** Returns from an inlined frame: the decoded *_return's value to the caller's register. */
  leave(f: Frame): Frame {
    const d = this.d;
    const caller = f.parent!;
    const r = f.retReg;
    if (r >= 0 && d.nScalars > 0) {
      const kind = f.retKind;
      if (kind === KIND_INT) {
        caller.ints[r] = this.int(f, 0);
        if (this.tracing) caller.intBoxes[r] = this.intBox(f, 0);
      } else if (kind === KIND_FLOAT) {
        caller.floats[r] = this.float(f, 0);
        if (this.tracing) caller.floatBoxes[r] = f.floatBoxes[d.scalars[0]];
      } else {
        caller.setRef(r, f.getRef(d.scalars[0]));
        if (this.tracing) caller.refBoxes[r] = f.refBoxes[d.scalars[0]];
      }
    }
    return caller;
  }

  /** The decoded residual call: its arguments (from the I, R, F lists, in the call
   *  descriptor's order) to the call buffer, the call, the result back. */
  residualCall(f: Frame): void {
    const d = this.d;
    const descr = d.scalars[0];
    const buf = jitExchangeBase() + 4096;
    const n = descrWord(descr, 4);
    const args: Value[] = [];
    let allConstant = true;
    // The boxes first: the buffer holds refs as plain ints, so nothing may allocate once
    // they are written.
    let taken: int[] = [0, 0, 0];
    for (let j = 0; j < n && this.tracing; j++) {
      const kind = argKind(descrWord(descr, 5 + j));
      const r = codeByte(d.lists[kind] + 1 + taken[kind]);
      taken[kind]++;
      const box = kind === KIND_INT ? f.intBoxes[r] : kind === KIND_FLOAT ? f.floatBoxes[r] : f.refBoxes[r];
      if (!box.isConstant()) allConstant = false;
      args.push(box);
    }
    taken = [0, 0, 0];
    for (let j = 0; j < n; j++) {
      const kind = argKind(descrWord(descr, 5 + j));
      const r = codeByte(d.lists[kind] + 1 + taken[kind]);
      taken[kind]++;
      if (kind === KIND_INT) store64(buf + 8 * j, f.ints[r]);
      else if (kind === KIND_FLOAT) storeFloat64(buf + 8 * j, f.floats[r]);
      else store32(buf + 8 * j, f.getRef(r));
    }
    jitCall(descr, buf);
    // The result first: a ref result is only in the buffer until it is in its register.
    const rt = descrWord(descr, 3);
    if (d.result >= 0) {
      if (d.resultKind === KIND_REF) f.setRef(d.result, load32(buf));
      else if (d.resultKind === KIND_FLOAT) f.floats[d.result] = loadFloat64(buf);
      else f.ints[d.result] = load64(buf);
    }
    const e = excTake();
    if (e !== 0) {
      store32(this.excSlot, e);
      if (this.tracing) this.abort();
    }
    if (!this.tracing) return;
    const elidable = descrWord(descr, 2) === 1;
    let box: Value = NO_BOX;
    if (elidable && allConstant && d.result >= 0) {
      box = d.resultKind === KIND_INT ? new ConstInt(f.ints[d.result]) : d.resultKind === KIND_FLOAT ? new ConstFloat(f.floats[d.result]) : new ConstRef(f.getRef(d.result));
    } else {
      const opnum = rt === LL_VOID ? CALL_N : d.resultKind === KIND_REF ? CALL_R : d.resultKind === KIND_FLOAT ? CALL_F : elidable ? CALL_PURE_I : CALL_I;
      box = this.trace.record(opnum, args, descr);
    }
    if (d.result < 0) return;
    if (d.resultKind === KIND_INT) f.intBoxes[d.result] = box;
    else if (d.resultKind === KIND_FLOAT) f.floatBoxes[d.result] = box;
    else f.refBoxes[d.result] = box;
  }
}

/** The register kind of a call argument of low-level type t. */
function argKind(t: int): int {
  return t === LL_F64 ? KIND_FLOAT : t === LL_PTR ? KIND_REF : KIND_INT;
}

