// The state of the trace function being encoded (a trace and the bridges compiled into it):
// its locals (one per trace value, ints i64 or i32 when narrow, floats f64, refs i32, then
// scratch locals), its code, the function types its indirect calls use, and the segment
// being encoded. The instructions of one operation are written by codegen.ts, heap.ts and
// calls.ts through it.
import { int } from "../../types.ts";
import { fatal } from "../../runtime.ts";
import { exitOps, exitValues, frameSlots, takesBridge } from "../frame.ts";
import { ExitGroup, ExitGroups, groupExits, storedByGuard } from "./exitgroups.ts";
import { planPreStores, PreStores } from "./prestore.ts";
import { ConstFloat, ConstInt, ConstRef, InputArg, isExit, isGuard, LABEL, loopHeader, ResOp, Trace, TYPE_FLOAT, TYPE_INT, TYPE_REF, TYPE_VOID, Value } from "../resop.ts";
import { exitWordsBase, hasExitWord } from "./exits.ts";
import { hasFailurePlan } from "../materialize.ts";
import { ByteBuffer } from "./bytes.ts";
import {
  BLOCK, BR, EMPTY_BLOCK, END, F64, F64_CONST, F64_LOAD, F64_STORE, GLOBAL_GET, I32, I32_ADD, I32_CONST, I32_LOAD, I32_SHL, I32_STORE, I64,
  I64_CONST, I64_LOAD, I64_STORE, IF, I64_ADD, LOCAL_GET, LOCAL_SET, LOCAL_TEE, RETURN, RETURN_CALL_INDIRECT, I32_WRAP_I64, I64_EXTEND_I32_S,
} from "./wasm.ts";

/** The function's parameters. */
export const FRAME = 0;
export const REFS = 1;
/** The imported globals (module.ts): the main module's two, then the relocations. */
export const GLOBAL_SP = 0;
export const GLOBAL_EXC = 1;
const FIRST_RELOCATION = 2;

/** The signed 32-bit range: the ints an i32 holds exactly. */
const MIN_I32 = -2147483648;
const MAX_I32 = 2147483647;

/** The Wasm value type of a trace value of this type (an int the function keeps in an i32
 *  local is pushed as an i64 all the same: FunctionCode.push). */
export function wasmType(type: int): int {
  if (type === TYPE_FLOAT) return F64;
  if (type === TYPE_REF) return I32;
  return I64;
}

/** A Wasm function type: parameter and result value types. */
export class FuncType {
  constructor(
    public params: int[],
    public results: int[],
  ) {}

  same(other: FuncType): boolean {
    if (this.params.length !== other.params.length || this.results.length !== other.results.length) return false;
    for (let i = 0; i < this.params.length; i++) if (this.params[i] !== other.params[i]) return false;
    for (let i = 0; i < this.results.length; i++) if (this.results[i] !== other.results[i]) return false;
    return true;
  }
}

/** Added to the id an exit carries to the shared exit code (exitTail) when its failure path
 *  is to be run there (codegen.ts sharedExit: jitMaterialize): the others skip the call, a
 *  tenth of the operations of an interpreter's loop whose exits mostly go on in bridges. */
export const MATERIALIZE_FLAG = 1 << 30;

/** How a compiled trace links to the rest: its exits are numbered from `firstExit`
 *  (exits.ts); its FINISH goes on in the trace whose table slot is in the word at
 *  `finishWord` (0: it returns its exit id), or, with `finishLoops`, compiled into a loop's
 *  tree, back to that loop's start; with RTS_JITLOG, it counts its runs (and a loop its
 *  iterations) in the two i64 words at `counter` (0: it does not count). */
export class TraceLinks {
  constructor(
    public firstExit: int,
    public finishWord: int,
    public finishLoops: boolean,
    public counter: int,
  ) {}
}

/** A trace compiled on its own (tests): exits numbered from 0, nothing counted. */
export const UNLINKED = new TraceLinks(0, 0, false, 0);

/** A loop (or the straight-line trace a function starts with) whose code is open around
 *  the code being encoded: the function's root, or a loop's tree copied in place of a
 *  FINISH into it (TraceCode.finishInto). */
export class Scope {
  /** The loop's header (resop.ts loopHeader; 0 for straight-line code). */
  header: int;
  /** The structures open (FunctionCode.level) once its start, and its body, have begun:
   *  a branch back goes to the Wasm loop opened there (codegen.ts). */
  startLevel: int = -1;
  bodyLevel: int = -1;
  /** The loop's ref inputs that are not loop-carried: it uses them on every iteration. */
  invariantRefs: Value[] = [];

  constructor(
    public code: TraceCode,
    public isLoop: boolean,
  ) {
    this.header = isLoop ? loopHeader(code.trace) : 0;
  }
}

/** A trace as one function compiles it, with the bridges compiled into it (a trace tree,
 *  RPython's and TraceMonkey's): where a guard has one, its failure runs the bridge's code
 *  in place, whose inputs are the guard's fail arguments (the same locals). */
export class TraceCode {
  /** The trace's exits (frame.ts exitOps), their positions in it and, per exit, the
   *  bridge compiled in its place or null. */
  exits: ResOp[];
  exitAt: int[] = [];
  inlined: (TraceCode | null)[] = [];
  /** The tree of the loop its FINISH goes on in, compiled in its place (a copy: that loop's
   *  own function goes on being entered elsewhere), or null. */
  finishInto: TraceCode | null = null;
  /** For a loop compiled for a green key: the address of its entry word (exits.ts), which
   *  the FINISHes into it load; 0 for the others. A FINISH inside a copy of the loop's
   *  tree that goes on in it branches back to the copy's start instead. */
  entryWord: int = 0;

  constructor(
    public trace: Trace,
    public links: TraceLinks,
  ) {
    this.exits = exitOps(trace);
    for (let i = 0; i < trace.ops.length; i++) if (isExit(trace.ops[i].opnum)) this.exitAt.push(i);
    for (let i = 0; i < this.exits.length; i++) this.inlined.push(null);
  }
}

export class FunctionCode {
  code: ByteBuffer = new ByteBuffer();
  locals: Map<Value, int> = new Map<Value, int>();
  /** The ints whose locals are i32s: those the optimizer bounded to 32 bits (Value.narrow),
   *  and the bridge inputs that share their locals. An add, a comparison, an item's index
   *  and a byte stored then need no widening or wrapping between 64 and 32 bits, and the
   *  32-bit result is an index Cranelift zero-extends for free, where it would copy an
   *  i64 to a register of its own first. */
  private narrowed: Set<Value> = new Set<Value>();
  /** Locals per Wasm type, in the order they are declared: i64, f64, i32. */
  counts: int[] = [0, 0, 0];
  /** An i32 scratch local: the base of the shadow-stack slots refs are spilled to. */
  spillBase: int = 0;
  /** An i32 scratch local: the bridge an exit goes on in. */
  bridgeSlot: int = 0;
  /** An i32 scratch local: the id of the exit the shared exit code (exitTail) leaves by. */
  exitId: int = 0;
  /** Whether an exit that goes through the shared exit code has a failure plan: that code
   *  then calls the runtime's jitMaterialize (one call for all of them, codegen.ts) for
   *  the exits whose id carries MATERIALIZE_FLAG. */
  materializesInTail: boolean = false;
  /** Type 0 is the trace function's; indirect calls add theirs. */
  types: FuncType[] = [new FuncType([I32, I32], [I32])];
  /** The values of the module's relocations: the numbers that make one trace's code differ
   *  from another's of the same shape (its exit ids, the entry words its FINISHes load, its
   *  invalidation flag),
   *  imported as immutable globals, so that such traces are the same module, which the
   *  host compiles once (module.ts). */
  relocations: int[] = [];
  /** The trace being encoded (the root, or a bridge compiled into it: `segment.trace`),
   *  its exits so far and, per value, the position of the last operation that uses it. */
  segment: TraceCode;
  exits: int = 0;
  lastUse: Map<Value, int> = new Map<Value, int>();
  /** Per value of the segment: how many operations use it (as an argument or fail argument). */
  uses: Map<Value, int> = new Map<Value, int>();
  /** The runs of the segment's guards that share their exit stub, and those of every
   *  segment of the tree: their stubs, in the order of their blocks (codegen.ts). */
  groups: ExitGroups = new ExitGroups();
  private segmentGroups: Map<TraceCode, ExitGroups> = new Map<TraceCode, ExitGroups>();
  stubs: ExitGroup[] = [];
  /** The refs kept in their slots (prestore.ts), from where they are stored on. */
  pre: PreStores;
  preActive: boolean = false;
  /** Comparisons left to the guard right after them, their only user (codegen.ts). */
  fused: Set<Value> = new Set<Value>();
  /** The Wasm blocks, ifs and loops open inside the exit stubs' blocks around the code
   *  being encoded (a branch out to a stub crosses them all). */
  level: int = 0;
  /** The loops open around the code being encoded, outermost first: the root's, then the
   *  copies of other loops' trees compiled in place of FINISHes into them. */
  scopes: Scope[] = [];

  /** `isLoop`: the root runs in a Wasm loop (LABEL first, JUMP last). */
  constructor(
    public root: TraceCode,
    public isLoop: boolean,
  ) {
    this.segment = root;
    const scope = new Scope(root, isLoop);
    this.scopes.push(scope);
    this.allocateLocals();
    this.findLastUses();
    this.pre = planPreStores(root, isLoop);
    this.groupExits(root, isLoop ? scope.header + 1 : 0);
    this.groups = this.segmentGroups.get(root)!;
    if (isLoop) this.findInvariantRefs(scope);
  }

  /** The innermost scope: the loop the segment being encoded belongs to. */
  get scope(): Scope {
    return this.scopes[this.scopes.length - 1];
  }

  /** Numbers the locals: the parameters, then the i64, f64 and i32 values, then scratch. A
   *  bridge's inputs are the locals of its guard's fail arguments. */
  private allocateLocals(): void {
    const values: Value[] = [];
    for (const a of this.root.trace.inputargs) values.push(a);
    collectValues(this.root, values);
    for (const v of values) if (v.narrow && v.type === TYPE_INT) this.narrowed.add(v);
    const groups = [I64, F64, I32];
    let next = 2;
    for (let g = 0; g < 3; g++) {
      for (const v of values) {
        // (Two copies of one loop share its values' locals: neither runs while the other does.)
        if (this.localType(v) !== groups[g] || this.locals.has(v)) continue;
        this.locals.set(v, next);
        next++;
        this.counts[g]++;
      }
    }
    this.spillBase = next;
    this.bridgeSlot = next + 1;
    this.exitId = next + 2;
    this.counts[2] += 3;
    this.aliasBridgeInputs(this.root);
  }

  private aliasBridgeInputs(t: TraceCode): void {
    for (let n = 0; n < t.exits.length; n++) {
      const bridge = t.inlined[n];
      if (bridge === null) continue;
      const values = exitValues(t.exits[n]);
      for (let i = 0; i < values.length; i++) {
        if (values[i].isConstant()) continue;
        const input = bridge.trace.inputargs[i];
        this.locals.set(input, this.local(values[i]));
        if (this.narrowed.has(values[i])) this.narrowed.add(input);
        else this.narrowed.delete(input);
      }
      this.aliasBridgeInputs(bridge);
    }
    if (t.finishInto !== null) this.aliasBridgeInputs(t.finishInto);
  }

  private findLastUses(): void {
    this.lastUse = new Map<Value, int>();
    this.uses = new Map<Value, int>();
    const ops = this.segment.trace.ops;
    for (let i = 0; i < ops.length; i++) {
      this.usedBy(ops[i], i);
      for (const v of ops[i].failArgs) this.used(v, i);
      for (const m of ops[i].onFailure) this.usedBy(m, i);
    }
  }

  /** Groups the exits of the segment and of the bridges compiled in it; the refs kept in
   *  slots hold from its operation `preFrom` on. */
  private groupExits(t: TraceCode, preFrom: int): void {
    const joins: boolean[] = [];
    const exits = t.exits;
    for (let n = 0; n < exits.length; n++) joins.push(t.inlined[n] === null && throughTail(t, exits[n], n));
    const groups = groupExits(t.trace.ops, joins, this.pre, preFrom);
    for (const g of groups.groups) {
      g.block = this.stubs.length;
      this.stubs.push(g);
    }
    this.segmentGroups.set(t, groups);
    for (let n = 0; n < exits.length; n++) {
      const bridge = t.inlined[n];
      if (bridge !== null) this.groupExits(bridge, t.exitAt[n] >= preFrom ? 0 : bridge.trace.ops.length);
    }
    // A copied loop's exits store every value: the refs kept in slots are the root's.
    if (t.finishInto !== null) this.groupExits(t.finishInto, t.finishInto.trace.ops.length);
  }

  /** Stores the refs kept in slots (but those already there, unless `all`); they hold
   *  from here on. */
  preStore(all: boolean): void {
    const pre = this.pre;
    for (let i = 0; i < pre.values.length; i++) if (all || !pre.inPlace[i]) this.storeInSlot(pre.values[i], pre.slots[i]);
    this.preActive = true;
  }

  /** Back at the start of an unpeeled loop, `values` assigned to its label: stores the
   *  refs kept in slots again, but those passed on in their own locals (still in their
   *  slots: each transition through this branch back saves a store per kept ref). */
  preStoreChanged(label: ResOp, values: Value[]): void {
    const pre = this.pre;
    for (let i = 0; i < pre.values.length; i++) {
      const kept = pre.values[i];
      const k = label.args.indexOf(kept);
      if (k >= 0 && !values[k].isConstant() && this.local(values[k]) === this.local(kept)) continue;
      this.storeInSlot(kept, pre.slots[i]);
    }
    this.preActive = true;
  }

  /** The group the operation at `at` is a guard of, or null. */
  groupOf(at: int): ExitGroup | null {
    const g = this.groups.memberOf[at];
    return g < 0 ? null : this.groups.groups[g];
  }

  /** The operation's arguments, and the base of its item's address (ResOp.indexBase). */
  private usedBy(op: ResOp, at: int): void {
    for (const v of op.args) this.used(v, at);
    if (op.indexBase !== null) this.used(op.indexBase, at);
  }

  private used(v: Value, at: int): void {
    this.lastUse.set(v, at);
    this.uses.set(v, (this.uses.get(v) ?? 0) + 1);
  }

  /** The scope's invariantRefs, from the uses of its segment (being encoded). */
  private findInvariantRefs(scope: Scope): void {
    // A peeled loop's inputs are only used before its header, whose own inputs it carries.
    if (scope.header > 0) return;
    const label = this.segment.trace.ops[0];
    for (const a of this.segment.trace.inputargs) {
      if (a.type !== TYPE_REF || !this.lastUse.has(a)) continue;
      let carried = false;
      for (const l of label.args) if (l === a) carried = true;
      if (!carried) scope.invariantRefs.push(a);
    }
  }

  /** The number of the segment's next exit (guards and FINISH, in trace order). */
  nextExit(): int {
    const n = this.exits;
    this.exits++;
    return n;
  }

  /** Encodes `bridge` from here on (inside its guard's failure block); returns what
   *  endSegment restores. */
  beginSegment(bridge: TraceCode): SavedSegment {
    const saved = new SavedSegment(this.segment, this.exits, this.lastUse, this.uses, this.groups);
    this.segment = bridge;
    this.exits = 0;
    this.findLastUses();
    this.groups = this.segmentGroups.get(bridge)!;
    return saved;
  }

  endSegment(saved: SavedSegment): void {
    this.segment = saved.segment;
    this.exits = saved.exits;
    this.lastUse = saved.lastUse;
    this.uses = saved.uses;
    this.groups = saved.groups;
  }

  /** Encodes `copy`, a loop's tree copied in place of a FINISH into it, from here on (its
   *  inputs assigned); returns what endScope restores. */
  beginScope(copy: TraceCode): SavedSegment {
    const saved = this.beginSegment(copy);
    const scope = new Scope(copy, true);
    this.scopes.push(scope);
    this.findInvariantRefs(scope);
    return saved;
  }

  endScope(saved: SavedSegment): void {
    this.scopes.pop();
    this.endSegment(saved);
  }

  /** The scope of the loop whose entry word is at `word` open around the code being
   *  encoded (a straight-line root's too, which runs in a Wasm loop of its own when it
   *  has an entry word: codegen.ts straightFunction), or null. */
  scopeEntered(word: int): Scope | null {
    if (word === 0) return null;
    for (const s of this.scopes) if (s.startLevel >= 0 && s.code.entryWord === word) return s;
    return null;
  }

  /** The refs whose values must survive a call at operation `at` of the segment: defined
   *  before it (or inputs) and used after it, and the root loop's invariant inputs. */
  refsLiveAcross(at: int): Value[] {
    const live: Value[] = [];
    // (Code inside a copied loop may branch back to the start of any loop around it.)
    for (const s of this.scopes) for (const a of s.invariantRefs) if (live.indexOf(a) < 0) live.push(a);
    for (const a of this.segment.trace.inputargs) this.liveInput(a, at, live);
    // A peeled loop's header takes inputs of its own, which its body uses. Not in the
    // preamble, before the header assigns them: there their locals hold no live ref but the
    // last iteration's, when a bridge compiled into the tree has gone back to the preamble,
    // and a collection since may have moved or freed that object (its stale address, spilled,
    // was a root the collector followed: docs/architecture.md, Trace trees).
    const scope = this.scope;
    if (this.segment === scope.code && scope.header > 0 && at > scope.header) {
      for (const a of scope.code.trace.ops[scope.header].args) this.liveInput(a, at, live);
    }
    for (let i = 0; i < at; i++) {
      const op = this.segment.trace.ops[i];
      if (op.type === TYPE_REF && this.lastUse.has(op) && this.lastUse.get(op)! > at) live.push(op);
    }
    return live;
  }

  private liveInput(a: Value, at: int, live: Value[]): void {
    if (a.type !== TYPE_REF || a.isConstant() || !this.lastUse.has(a) || this.lastUse.get(a)! <= at) return;
    if (live.indexOf(a) < 0) live.push(a);
  }

  /** The refs whose values must survive an allocation on the failure path of the guard at
   *  `at` before its k-th onFailure operation: those live across the guard, and those that
   *  path still stores (its fail arguments, the fields it fills, the objects it allocated
   *  before). */
  refsLiveOnFailure(at: int, k: int): Value[] {
    const guard = this.segment.trace.ops[at];
    const live = this.refsLiveAcross(at);
    const add = (v: Value): void => {
      if (v.type !== TYPE_REF || v.isConstant() || live.indexOf(v) >= 0) return;
      const m = guard.onFailure.indexOf(v as ResOp);
      if (m < 0 || m < k) live.push(v);
    };
    for (const v of guard.failArgs) add(v);
    for (const m of guard.onFailure) for (const v of m.args) add(v);
    return live;
  }

  /** The index of a function type (added when new). */
  typeIndex(t: FuncType): int {
    for (let i = 0; i < this.types.length; i++) if (this.types[i].same(t)) return i;
    this.types.push(t);
    return this.types.length - 1;
  }

  /** The Wasm type of the value's local. */
  private localType(v: Value): int {
    return this.narrowed.has(v) ? I32 : wasmType(v.type);
  }

  /** Whether the int is kept in an i32 local. */
  isNarrow(v: Value): boolean {
    return this.narrowed.has(v);
  }

  /** Whether push32 pushes the int's exact value: it is kept in an i32 local, or a constant
   *  within 32 bits. */
  fits32(v: Value): boolean {
    if (v instanceof ConstInt) return v.value >= MIN_I32 && v.value <= MAX_I32;
    return this.narrowed.has(v);
  }

  /** Pushes an int as an i32: its value where it fits32, else its low 32 bits. */
  push32(v: Value): void {
    if (v instanceof ConstInt && this.fits32(v)) {
      this.i32Const(v.value);
    } else if (this.narrowed.has(v)) {
      this.instr(LOCAL_GET, this.local(v));
    } else {
      this.push(v);
      this.code.byte(I32_WRAP_I64);
    }
  }

  local(v: Value): int {
    if (!this.locals.has(v)) fatal("jit backend: a value is used before it is defined");
    return this.locals.get(v)!;
  }

  byte(b: int): void {
    this.code.byte(b);
  }

  /** An instruction with one unsigned immediate (local, global, branch depth). */
  instr(b: int, immediate: int): void {
    this.code.byte(b);
    this.code.u32(immediate);
  }

  i32Const(v: int): void {
    this.code.byte(I32_CONST);
    this.code.s64(v);
  }

  /** Pushes v, an i32 that differs between traces of the same shape: a relocation. */
  relocated(v: int): void {
    let k = this.relocations.indexOf(v);
    if (k < 0) {
      k = this.relocations.length;
      this.relocations.push(v);
    }
    this.instr(GLOBAL_GET, FIRST_RELOCATION + k);
  }

  /** Pushes the id of the segment's exit n: the root's first exit id (a relocation) plus
   *  the exit's place after it. */
  exitIdOf(n: int): void {
    this.pushExitId(n, 0);
  }

  /** Pushes the id exit n of the segment carries to the shared exit code: with
   *  MATERIALIZE_FLAG when its failure path is to be run there. */
  tailExitIdOf(exit: ResOp, n: int): void {
    this.pushExitId(n, hasFailurePlan(exit) ? MATERIALIZE_FLAG : 0);
  }

  private pushExitId(n: int, flag: int): void {
    const base = this.scope.code.links.firstExit;
    this.relocated(base);
    const offset = this.segment.links.firstExit + n - base + flag;
    if (offset === 0) return;
    this.i32Const(offset);
    this.code.byte(I32_ADD);
  }

  /** Pushes a value: a constant, or its local. */
  push(v: Value): void {
    const c = this.code;
    if (v instanceof ConstInt) {
      c.byte(I64_CONST);
      c.s64(v.value);
    } else if (v instanceof ConstFloat) {
      c.byte(F64_CONST);
      c.f64(v.value);
    } else if (v instanceof ConstRef) {
      this.i32Const(v.address);
    } else {
      this.instr(LOCAL_GET, this.local(v));
      if (this.narrowed.has(v)) this.code.byte(I64_EXTEND_I32_S);
    }
  }

  /** Stores the value on the stack, of the value type push gives, to v's local. */
  setLocal(v: Value): void {
    if (this.narrowed.has(v)) this.code.byte(I32_WRAP_I64);
    this.instr(LOCAL_SET, this.local(v));
  }

  /** Stores the i32 on the stack to the local of v, a narrow int. */
  setLocal32(v: Value): void {
    if (!this.narrowed.has(v)) fatal("jit backend: an i32 stored to a 64-bit local");
    this.instr(LOCAL_SET, this.local(v));
  }

  /** A load or store with its alignment (log2 bytes) and constant offset. */
  memoryAccess(instr: int, align: int, offset: int): void {
    this.code.byte(instr);
    this.code.u32(align);
    this.code.u32(offset);
  }

  /** Loads the inputs the tree uses (as an operation's argument or an exit's value: in a
   *  tape interpreter's bridges, half of the inputs are neither) into their locals. */
  loadInputs(): void {
    const inputs: Value[] = this.segment.trace.inputargs;
    const slots = frameSlots(inputs);
    for (let i = 0; i < inputs.length; i++) {
      if (!this.uses.has(inputs[i])) continue;
      const t = inputs[i].type;
      this.instr(LOCAL_GET, t === TYPE_REF ? REFS : FRAME);
      if (t === TYPE_REF) this.memoryAccess(I32_LOAD, 2, slots[i] * 4);
      else if (t === TYPE_FLOAT) this.memoryAccess(F64_LOAD, 3, slots[i] * 8);
      else this.memoryAccess(I64_LOAD, 3, slots[i] * 8);
      this.setLocal(inputs[i]);
    }
  }

  /** Leaves by exit n of the segment (a guard that fails, or FINISH): stores its values to
   *  the slots, then goes on in the trace that continues there (FINISH's target, a guard's
   *  bridge once attached: exits.ts, through exitTail), or returns the exit's id. */
  leave(exit: ResOp, n: int): void {
    this.storeExitValues(exit);
    this.branchOut(exit, n);
  }

  /** Stores the exit's values in their slots, but for constants and the objects its failure
   *  path builds (jitMaterialize fills their slots: materialize.ts). */
  storeExitValues(exit: ResOp): void {
    const values = exitValues(exit);
    const slots = frameSlots(values);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!storedByGuard(exit, v) || (this.preActive && this.pre.keeps(v, slots[i]))) continue;
      this.storeInSlot(v, slots[i]);
    }
  }

  /** Stores the value in its slot: a ref slot for a ref, else a frame slot. */
  storeInSlot(v: Value, slot: int): void {
    const t = v.type;
    this.instr(LOCAL_GET, t === TYPE_REF ? REFS : FRAME);
    this.push(v);
    if (t === TYPE_REF) this.memoryAccess(I32_STORE, 2, slot * 4);
    else if (t === TYPE_FLOAT) this.memoryAccess(F64_STORE, 3, slot * 8);
    else this.memoryAccess(I64_STORE, 3, slot * 8);
  }

  /** Leaves by exit n, its values stored: FINISH goes on in its target's loop, a guard in
   *  the bridge in its exit word or back to the caller with its id. */
  branchOut(exit: ResOp, n: int): void {
    const links = this.segment.links;
    if (!isGuard(exit.opnum) && links.finishWord !== 0) {
      this.relocated(links.finishWord);
      this.memoryAccess(I32_LOAD, 2, 0);
      this.tailCall();
      return;
    }
    if (this.throughTail(exit, n)) {
      this.tailExitIdOf(exit, n);
      this.instr(BR, this.level + this.stubs.length);
    } else {
      this.exitIdOf(n);
      this.code.byte(RETURN);
    }
  }

  /** Whether exit n of the segment leaves through the shared exit code (exitTail). */
  throughTail(exit: ResOp, n: int): boolean {
    return throughTail(this.segment, exit, n);
  }

  /** Opens the block the guards' exits branch out of with their exit id (exitTail). */
  beginExits(): void {
    this.code.byte(BLOCK);
    this.code.byte(I32);
  }

  /** The end of the exit code the guards share (its machine code, a tail call through a
   *  table, is large), the exit id in its local: go on in the bridge in the exit's word, or
   *  return the exit id. */
  exitTail(): void {
    this.instr(LOCAL_GET, this.exitId);
    this.i32Const(2);
    this.code.byte(I32_SHL);
    this.memoryAccess(I32_LOAD, 2, exitWordsBase());
    this.instr(LOCAL_TEE, this.bridgeSlot);
    this.code.byte(IF);
    this.code.byte(EMPTY_BLOCK);
    this.instr(LOCAL_GET, this.bridgeSlot);
    this.tailCall();
    this.code.byte(END);
    this.instr(LOCAL_GET, this.exitId);
  }

  /** Adds one to counter word k (0: runs, 1: iterations) when the trace counts. */
  count(k: int): void {
    const counter = this.segment.links.counter;
    if (counter === 0) return;
    this.i32Const(counter);
    this.i32Const(counter);
    this.memoryAccess(I64_LOAD, 3, 8 * k);
    this.code.byte(I64_CONST);
    this.code.s64(1);
    this.code.byte(I64_ADD);
    this.memoryAccess(I64_STORE, 3, 8 * k);
  }

  /** Calls the trace function at the table slot on the stack with this one's frame and refs,
   *  in this one's place: a chain of traces does not grow the Wasm stack. */
  private tailCall(): void {
    const slot = this.bridgeSlot;
    this.instr(LOCAL_SET, slot);
    this.instr(LOCAL_GET, FRAME);
    this.instr(LOCAL_GET, REFS);
    this.instr(LOCAL_GET, slot);
    this.instr(RETURN_CALL_INDIRECT, 0);
    this.code.byte(0);
  }
}

/** Whether exit n of `t` leaves through the shared exit code (exitTail): a guard that may
 *  get a bridge and has an exit word; others return their id to the caller. */
function throughTail(t: TraceCode, exit: ResOp, n: int): boolean {
  return takesBridge(exit.opnum) && hasExitWord(t.links.firstExit + n);
}

/** What beginSegment saves. */
export class SavedSegment {
  constructor(
    public segment: TraceCode,
    public exits: int,
    public lastUse: Map<Value, int>,
    public uses: Map<Value, int>,
    public groups: ExitGroups,
  ) {}
}

/** The values of the tree's operations that have a result, those of its guards' failure
 *  paths included (a bridge's inputs are its guard's fail arguments: not collected). */
function collectValues(t: TraceCode, values: Value[]): void {
  for (const op of t.trace.ops) {
    if (op.type !== TYPE_VOID) values.push(op);
    // A peeled loop's header takes inputs of its own.
    if (op.opnum === LABEL) for (const a of op.args) if (a instanceof InputArg && t.trace.inputargs.indexOf(a) < 0) values.push(a);
    for (const m of op.onFailure) if (m.type !== TYPE_VOID) values.push(m);
  }
  for (const bridge of t.inlined) if (bridge !== null) collectValues(bridge, values);
  const copy = t.finishInto;
  if (copy !== null) {
    // Its inputs are locals of its own, assigned the FINISH's values.
    for (const a of copy.trace.inputargs) values.push(a);
    collectValues(copy, values);
  }
}
