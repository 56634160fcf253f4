// Compiled traces: a closed trace is optimized (opt/'s optimizeTrace, told what the jitcode
// tables say about descriptors: jitdescrs.ts) and compiled (backend/) when the backend
// supports all its operations. A trace is a loop (it ends by jumping back to its start),
// or straight-line code that ends by going on in the compiled loop of another green key
// (FINISH with the reds: `target`); bridges are the latter, attached to the guard they
// start from, and compiled into their root's function (a trace tree) or on their own.
// A root is compiled when traced, while the program waits. A bridge on its own goes to the
// host's background compiler (warm.asyncCompile), on a thread of its own, and its guard
// takes it only once collected from there (collectCompiled, from jitEnter, which the
// blackhole soon reaches while the guard fails to it): waiting for each instead, as
// RPython does, cost a tape interpreter's benchmark ~1.1 s of Cranelift's time on the
// program's thread, 5-13% of its run (docs/architecture.md). (Compiling loops there too
// made no difference to it, and a recursive program slower: a retraced loop's predecessor
// got bridges meanwhile.) A tree compiled again with its bridges goes there as well and
// takes the entry word over once collected: until then the old tree and its bridges run.
// jitEnter runs them (RPython's warmstate execute_assembler and compile.py's handle_fail).
// The inputs are the reds, in the driver's order, or for a bridge its guard's fail
// arguments: ints and floats in a static frame buffer, refs in shadow-stack slots
// (rlib/jitrt/frame.ts's convention), which is also how every exit leaves its values, so a
// trace's exit is its successor's input.
import { jitCollect, jitExchangeBase, load32, load64, setShadowStackTop, shadowStackLimit, shadowStackTop, store32, store64, typedDataAddress } from "../lowlevel.ts";
import { stackOverflow } from "../runtime.ts";
import { int } from "../types.ts";
import { compileTree, submitTree } from "./backend/index.ts";
import { exitWordAddress, reserveExits, setWord } from "./backend/exits.ts";
import { stats } from "./stats.ts";
import { OP_CODES, SHAPE_UNSUPPORTED } from "./backend/optable.ts";
import { countRefs, exitOps, exitValues } from "./frame.ts";
import { KIND_REF } from "./jitcodes.ts";
import { GUARD_NOT_INVALIDATED, isExit, JUMP, loopHeader, ResOp, Trace } from "./resop.ts";
import { Snapshot } from "./resume.ts";
import { driver, slotKind } from "./driver.ts";
import { JitCell, warm } from "./warmstate.ts";
import { optimizeTrace } from "./opt/index.ts";
import { jitDescrInfo } from "./jitdescrs.ts";
import { logOptimized, logRecorded, traceCounter } from "./jitlog.ts";
import { TraceCode, TraceLinks } from "./backend/function.ts";
import { addFailureInputs, failurePlan, FailurePlan, hasFailurePlan, NO_PLAN } from "./materialize.ts";

const MAX_SLOTS = 1024;

/** The table slot of a bridge submitted to the host's background compiler, until collected. */
const BEING_COMPILED = -1;
/** What a compile submitted to it is when not a bridge's (the exit id of its guard). */
const TREE = -1;

/** The most operations compiled into one function with its bridges (the rest stay on
 *  their own: their guards tail-call them). */
const MAX_TREE_OPS = 2000;
/** A tree this small is compiled again as soon as a bridge goes back into its loop (attach),
 *  at most SMALL_RECOMPILES times: the guards whose bridges close the loop's cycle first
 *  are those that failed soonest, its hottest (while these compiles were waited for, a
 *  third to fifth one cost a recursive benchmark ~60 ms of its ~0.3 s, and the first two
 *  saved another ~30%; docs/progress.md). */
const SMALL_TREE_OPS = 400;
const SMALL_RECOMPILES = 2;

/** The largest loop tree copied in place of a FINISH into it (copyTargets). */
const MAX_COPY_OPS = 200;

/** The most operations of such copies in one function. */
const MAX_COPIED_OPS = 500;

export class CompiledTrace {
  /** Per exit: the bridge compiled from it (null: none yet). */
  bridges: (CompiledTrace | null)[] = [];
  /** The trace compiled for a green key whose tree this one is part of (itself for one). */
  root: CompiledTrace;
  /** For a root: the id of its entry word (backend/exits.ts), the operations its function
   *  compiles, those of the bridges attached to its tree since, and how many times it was
   *  compiled (entry -1: a newer loop of its cell took the word over, takeOverEntry). */
  entry = -1;
  compiledOps = 0;
  pendingOps = 0;
  generation = 0;
  /** The root's generation whose function has this bridge compiled in (-1: none), or the
   *  next one while that is being compiled with it (recompile). */
  inlinedIn = -1;
  /** For a root: whether its tree's next generation is being compiled (collectCompiled
   *  installs it), or waits for the host's compiler to be idle (`waiting`). */
  compiling = false;
  waiting = false;
  /** For a root: whether a copy of its tree was compiled into another's function
   *  (copyTargets). A bridge attached to the tree since is compiled on its own as well
   *  (`ownCode`): the copy's guard goes on in it through its exit word. The roots whose
   *  functions had (or tried) a copy of it (`copiedInto`) count that bridge towards
   *  compiling theirs again (`staleCopies`), as they count their own. */
  copied = false;
  ownCode = false;
  copiedInto: CompiledTrace[] = [];
  staleCopies = false;
  /** For a root: a bridge closed a cycle of two loops, this one the older (attach): its
   *  function is to be compiled again with a copy of the other; or a bridge went back into
   *  this small loop: its function is to be compiled again with the bridge in it
   *  (`smallRecompiles`: how many times so far). */
  cycleClosed = false;
  smallRecompiles = 0;
  /** Per exit: what its failure path builds (materialize.ts; NO_PLAN: nothing). */
  plans: FailurePlan[] = [];
  /** For a root: its cell; for an unrolled loop, its first exit past the preamble (the
   *  preamble's are those before it: entry.ts traces the loop again from one of them). */
  cell: JitCell | null = null;
  loopExits = 0;

  constructor(
    /** Its function table slot (a root's changes when it is compiled again; 0: a bridge
     *  only compiled into its root's function; BEING_COMPILED: a bridge on its own, not
     *  collected from the background compiler yet). */
    public index: int,
    /** Its optimized trace and how its code links to the others. */
    public trace: Trace,
    public links: TraceLinks,
    public exits: ResOp[],
    public snapshots: Snapshot[],
    /** Where its FINISH goes on: the cell of a compiled loop (null for a loop). */
    public target: JitCell | null,
    parent: CompiledTrace | null,
  ) {
    this.root = parent === null ? this : parent.root;
    for (let i = 0; i < exits.length; i++) {
      this.bridges.push(null);
      this.plans.push(hasFailurePlan(exits[i]) ? failurePlan(exits[i]) : NO_PLAN);
      owners.push(this);
    }
    if (parent === null) {
      if (trace.unrolled) this.loopExits = countExitsBefore(trace, loopHeader(trace));
      this.compiledOps = trace.ops.length;
      this.entry = reserveExits(1);
      owners.push(this); // (ids index `owners`: the entry id's entry is never read)
      setWord(this.entry, index);
    }
  }

  /** Whether the bridge from exit n can run on its own (compiled, not only into its root's
   *  function; not still being compiled). */
  runsBridge(n: int): boolean {
    const bridge = this.bridges[n];
    return bridge !== null && bridge.index > 0;
  }

  /** Exit n (a guard) goes on in `bridge` from now on. The root is compiled again with its
   *  bridges in their guards' places once they would make it twice as big (compiling the
   *  tree anew for every bridge costs far more; at half as big again, the benchmarks
   *  compiled 12-14% more trace Wasm for 0.4% fewer operations run, docs/architecture.md);
   *  until then, and for the bridges that do not fit, the guard tail-calls
   *  the bridge compiled on its own. */
  attach(n: int, bridge: CompiledTrace): void {
    this.bridges[n] = bridge;
    const root = this.root;
    bridge.ownCode = root.copied;
    const ops = bridge.trace.ops.length;
    // A bridge into another loop whose tree comes back here closes a cycle of two loops:
    // the older one's function is compiled again with a copy of the other (copyTargets).
    const target = bridge.target === null ? null : bridge.target.loop;
    if (target !== null && target !== root && target.entry >= 0 && target.goesOnInTree(root)) {
      const holder = target.links.firstExit < root.links.firstExit ? target : root;
      holder.cycleClosed = true;
      if (holder !== root) holder.grown(0);
    }
    // A bridge back into its own loop costs a tail call into the loop's entry at every run
    // until the tree is compiled again with it: a small tree is, at once, for its first
    // bridges of the kind (an interpreter's recursion, whose loops run a few iterations
    // between such bridges). The program meanwhile reaches jitEnter, which collects it: the
    // bridge is being compiled on its own too, after it, and its guard fails until then.
    if (target === root && root.compiledOps + root.pendingOps + ops <= SMALL_TREE_OPS && root.smallRecompiles < SMALL_RECOMPILES) {
      root.smallRecompiles++;
      root.cycleClosed = true;
    }
    root.grown(ops);
    for (const other of root.copiedInto) {
      other.staleCopies = true;
      other.grown(ops);
    }
    root.compileOutside();
  }

  /** A root's tree (or a copy in it) got a bridge of `ops` operations. */
  private grown(ops: int): void {
    this.pendingOps += ops;
    // (While a recompile is being compiled, the bridges attached meanwhile wait for the
    // next one, compiled on their own.)
    if (this.wantsRecompile() && !this.compiling) this.recompile();
  }

  /** Whether the root's tree is to be compiled again: its bridges not compiled in would make
   *  it twice as big, or a cycle it could hold a copy of was closed, or a bridge went back
   *  into it while it is small. */
  private wantsRecompile(): boolean {
    return this.pendingOps >= this.compiledOps || this.cycleClosed;
  }

  /** Whether a trace of this tree goes on in the loop by FINISH. */
  private goesOnInTree(loop: CompiledTrace): boolean {
    if (this.target !== null && this.target.loop === loop) return true;
    for (const bridge of this.bridges) if (bridge !== null && bridge.goesOnInTree(loop)) return true;
    return false;
  }

  /** Compiles the root with as many of its tree's bridges as fit, if any more do; in the
   *  background only once the host's compiler is idle (recompileWaiting). */
  recompile(): void {
    if (warm.asyncCompile && compilerBusy()) {
      if (!this.waiting) waitingTrees.push(this);
      this.waiting = true;
      return;
    }
    const budget = new Budget();
    const tree = this.tree(budget);
    const ops = MAX_TREE_OPS - budget.ops;
    this.pendingOps = 0;
    if (ops === this.compiledOps && !this.staleCopies && !this.cycleClosed) return;
    this.staleCopies = false;
    this.cycleClosed = false;
    this.compiling = true;
    const plan = new CopyPlan();
    this.copyTargets(tree, budget, [this], plan);
    this.keepCopies(plan);
    for (const bridge of budget.inlined) bridge.inlinedIn = this.generation + 1;
    stats.recompiles++;
    stats.recompiledOps += ops;
    compileLater(this, tree, budget.inlined, ops);
  }

  /** The root's tree compiled by compileLater, with the bridges `inlined` compiled in, is
   *  at table slot `index` now: the entry word holds it (unless a new loop of its cell took
   *  the word over); the bridges it lacks are (or are now) compiled on their own. */
  installed(index: int, inlined: CompiledTrace[], ops: int): void {
    this.index = index;
    this.compiling = false;
    if (this.entry >= 0) setWord(this.entry, index);
    this.compiledOps = ops;
    this.generation++;
    for (const bridge of inlined) bridge.inlinedIn = this.generation;
    if (this.wantsRecompile()) this.recompile();
    this.compileOutside();
  }

  /** The trace with the bridges attached to it (and to them) compiled in, as many as fit
   *  (listed in `budget.inlined`). */
  private tree(budget: Budget): TraceCode {
    const code = new TraceCode(this.trace, this.links);
    if (this.entry >= 0) code.entryWord = exitWordAddress(this.entry);
    budget.ops -= this.trace.ops.length;
    for (let n = 0; n < this.bridges.length; n++) {
      const bridge = this.bridges[n];
      if (bridge !== null && bridge.trace.ops.length <= budget.ops) {
        budget.inlined.push(bridge);
        code.inlined[n] = bridge.tree(budget);
      }
    }
    return code;
  }

  /** Where this trace's code (`code`, a segment of a function whose loops are `open`,
   *  the function's root first) and that of the bridges compiled into it go on in another
   *  small loop by FINISH, and that loop's code leads back to one of them, a copy of its
   *  tree is compiled in its place, as the budget allows: loops that a tape
   *  interpreter's program runs in turn (each a root, the code between them their bridges)
   *  then go on in one function, instead of a tail call through the entry word, the frame's
   *  stores and loads, for every change of loop. A FINISH into a loop open around it
   *  branches back to that loop's start (codegen.ts). Returns whether the code leads back
   *  to a loop open around the innermost one (the copies kept, in `plan`). */
  private copyTargets(code: TraceCode, budget: Budget, open: CompiledTrace[], plan: CopyPlan): boolean {
    let back = false;
    for (let n = 0; n < this.bridges.length; n++) {
      const inlined = code.inlined[n];
      if (inlined !== null && this.bridges[n]!.copyTargets(inlined, budget, open, plan)) back = true;
    }
    const target = this.target === null ? null : this.target.loop;
    if (target === null || target.entry < 0 || this.links.finishLoops) return back;
    const at = open.indexOf(target);
    if (at >= 0) return back || at < open.length - 1;
    // Only loops compiled after the function's root: where loops go on in each other in a
    // cycle (an outer loop's inner loops), the oldest root's function holds the cycle, and
    // each of the others only the part after it, not the whole cycle again.
    if (target.links.firstExit < open[0].links.firstExit) return back;
    const ops = target.trace.ops;
    const room = Math.min(budget.ops, budget.copies, MAX_COPY_OPS);
    if (ops[ops.length - 1].opnum !== JUMP || ops.length > room || checksQuasiImmutable(target.trace)) return back;
    if (plan.considered.indexOf(target) < 0) plan.considered.push(target);
    const saved = plan.mark(budget);
    const own = new Budget();
    own.ops = room;
    const copy = target.copy(own, plan, open);
    budget.ops -= room - own.ops;
    budget.copies -= room - own.ops;
    plan.copied.push(target);
    plan.copiedOps += room - own.ops;
    open.push(target);
    const leadsBack = target.copyTargets(copy, budget, open, plan);
    open.pop();
    if (!leadsBack) {
      plan.undo(saved, budget);
      return back;
    }
    code.finishInto = copy;
    return true;
  }

  /** A copy of this tree with the bridges attached to it (and to them) that fit, first
   *  those that go on in a loop `open` around it; the others go to `plan.omitted`. */
  private copy(budget: Budget, plan: CopyPlan, open: CompiledTrace[]): TraceCode {
    const code = new TraceCode(this.trace, this.links);
    if (this.entry >= 0) code.entryWord = exitWordAddress(this.entry);
    budget.ops -= this.trace.ops.length;
    for (let pass = 0; pass < 2; pass++) {
      for (let n = 0; n < this.bridges.length; n++) {
        const bridge = this.bridges[n];
        if (bridge === null || code.inlined[n] !== null || (pass === 0 && !bridge.goesOnIn(open))) continue;
        if (bridge.trace.ops.length <= budget.ops && !checksQuasiImmutable(bridge.trace)) code.inlined[n] = bridge.copy(budget, plan, open);
        else if (pass === 1) plan.omitted.push(bridge);
      }
    }
    return code;
  }

  /** Whether this trace's FINISH goes on in one of the loops. */
  private goesOnIn(loops: CompiledTrace[]): boolean {
    return this.target !== null && this.target.loop !== null && loops.indexOf(this.target.loop) >= 0;
  }

  /** The copies of `plan` are in the function of this root from now on: a bridge that a
   *  copy lacks, and one attached to a copied tree since, goes on through its exit word,
   *  so it is compiled on its own (a bridge compiled into its root's function has none). */
  private keepCopies(plan: CopyPlan): void {
    for (const bridge of plan.omitted) bridge.needsOwnCode();
    for (const target of plan.copied) {
      target.copied = true;
      target.compileOutside();
    }
    // A bridge attached to one of them may make a copy worth it, or one lack it.
    for (const target of plan.considered) if (target.copiedInto.indexOf(this) < 0) target.copiedInto.push(this);
    stats.copies += plan.copied.length;
    stats.copiedOps += plan.copiedOps;
  }

  /** Marks this bridge and those attached to it to be compiled on their own. */
  private needsOwnCode(): void {
    this.ownCode = true;
    for (const bridge of this.bridges) if (bridge !== null) bridge.needsOwnCode();
  }

  /** Compiles on their own the bridges of this tree that its root's function lacks, but for
   *  those its next function, being compiled, has: the host compiles in order, so one
   *  compiled on its own would come after that function, which replaces the one whose
   *  guard it was for (mostly a bridge that made the tree grow enough to be compiled again:
   *  a tape interpreter's benchmark compiled ~190 of its ~430 bridges twice). */
  private compileOutside(): void {
    const root = this.root;
    for (let n = 0; n < this.bridges.length; n++) {
      const bridge = this.bridges[n];
      if (bridge === null) continue;
      const compiledIn = bridge.inlinedIn === root.generation || (root.compiling && bridge.inlinedIn === root.generation + 1);
      if (bridge.index === 0 && (!compiledIn || bridge.ownCode)) {
        compileOnItsOwn(bridge, this.links.firstExit + n);
      }
      if (bridge.index > 0) setWord(this.links.firstExit + n, bridge.index);
      bridge.compileOutside();
    }
  }
}

/** Whether the trace checks a quasi-immutable field: a copy would go on checking a flag that
 *  the loop's retraced code (which takes its entry word over) no longer does. */
function checksQuasiImmutable(trace: Trace): boolean {
  for (const op of trace.ops) if (op.opnum === GUARD_NOT_INVALIDATED) return true;
  return false;
}

function countExitsBefore(trace: Trace, end: int): int {
  let n = 0;
  for (let i = 0; i < end; i++) if (isExit(trace.ops[i].opnum)) n++;
  return n;
}

/** Makes `retraced` (a cell's new loop) take over the entry word of `old` (its previous
 *  one), which the traces that go on in the cell's loop jump through. */
export function takeOverEntry(retraced: CompiledTrace, old: CompiledTrace): void {
  retraced.entry = old.entry;
  old.entry = -1;
  setWord(retraced.entry, retraced.index);
}

/** A compile submitted to the host's background compiler, until collected. */
class Submitted {
  constructor(
    public ticket: int,
    /** The root whose tree is compiled, or the bridge compiled on its own. */
    public trace: CompiledTrace,
    /** installed's: the bridges compiled in and the tree's operations. */
    public inlined: CompiledTrace[],
    public ops: int,
    /** For a bridge: the exit id of its guard, whose word takes it (TREE: a root's tree). */
    public guardExit: int,
  ) {}
}

class Submissions {
  /** In the order submitted, which the host's one compiler thread follows: a compile not
   *  collected yet holds up those after it. Those before `first` are collected. */
  queue: Submitted[] = [];
  first = 0;
  /** The last ticket compiled, which the host stores here from its compiler's thread
   *  (jitSubmit): asking jitCollect instead is a call into the host (a callback into Python
   *  on the wasmtime host), which jitEnter made tens of thousands of times a run while
   *  compiles were pending. Prebuilt, so the collector never moves it. */
  done = new Int32Array(1);
}

const submissions = new Submissions();

/** Compiles `root`'s tree (`code`) in the background and installs it when collected, or
 *  at once with RTS_JIT=async=0. */
function compileLater(root: CompiledTrace, code: TraceCode, inlined: CompiledTrace[], ops: int): void {
  if (!warm.asyncCompile) {
    root.installed(compileTree(code), inlined, ops);
    return;
  }
  submit(code, root, inlined, ops, TREE);
}

/** Compiles the bridge on its own for the guard with exit id `guardExit`: in the background
 *  (its `index` BEING_COMPILED until collected, the guard failing to the interpreter until
 *  then, as it did before the bridge was traced), or at once with RTS_JIT=async=0. Its
 *  guard's exit word takes it once compiled (until then the word is 0 and the guard returns
 *  its exit id). */
function compileOnItsOwn(bridge: CompiledTrace, guardExit: int): void {
  const code = new TraceCode(bridge.trace, bridge.links);
  if (!warm.asyncCompile) {
    bridge.index = compileTree(code);
    return;
  }
  bridge.index = BEING_COMPILED;
  submit(code, bridge, [], 0, guardExit);
}

/** Submits `code` to the host's background compiler; collectCompiled installs it (see
 *  Submitted for the other arguments). */
function submit(code: TraceCode, trace: CompiledTrace, inlined: CompiledTrace[], ops: int, guardExit: int): void {
  const ticket = submitTree(code, typedDataAddress(submissions.done));
  submissions.queue.push(new Submitted(ticket, trace, inlined, ops, guardExit));
}

/** Roots whose trees are to be compiled again once the host's compiler is idle, oldest
 *  first. The host compiles in order: a bridge compiled on its own, whose guard fails to the
 *  blackhole until then, would wait behind the trees submitted before it (a tape
 *  interpreter's benchmark: ~280 of them, up to 100 ms behind in its first second, 10-140 K
 *  guard failures more from run to run); and while a tree waits, the bridges attached to
 *  it join it. */
const waitingTrees: CompiledTrace[] = [];

/** Whether a compile submitted to the host is not collected yet. */
function compilerBusy(): boolean {
  return submissions.first < submissions.queue.length;
}

/** Compiles the waiting trees again, oldest first, until one is submitted (recompile
 *  returns having submitted nothing when the tree has nothing new). Nothing is pending, so
 *  no root is compiling. */
function recompileWaiting(): void {
  while (waitingTrees.length > 0 && !compilerBusy()) {
    const root = waitingTrees[0];
    waitingTrees.shift();
    root.waiting = false;
    root.recompile();
  }
}

/** Whether the oldest compile pending is done (jitEnter's test, without a call into the
 *  host). */
export function compilesReady(): boolean {
  return compilerBusy() && submissions.done[0] >= submissions.queue[submissions.first].ticket;
}

/** Installs the compiles the host has finished, in order (jitEnter calls it when one is;
 *  installing one may submit more). */
export function collectCompiled(): void {
  while (compilesReady()) {
    const next = submissions.queue[submissions.first];
    const index = jitCollect(next.ticket);
    if (index === 0) return;
    submissions.first++;
    stats.collected++;
    if (next.guardExit === TREE) {
      next.trace.installed(index, next.inlined, next.ops);
    } else {
      next.trace.index = index;
      setWord(next.guardExit, index);
    }
  }
  if (compilerBusy()) return;
  submissions.queue = [];
  submissions.first = 0;
  recompileWaiting();
}

/** The copies copyTargets makes for one function: the loops copied, their operations, and
 *  the bridges the copies lack. */
class CopyPlan {
  /** The loops a copy was tried of (copiedInto). */
  considered: CompiledTrace[] = [];
  copied: CompiledTrace[] = [];
  copiedOps = 0;
  omitted: CompiledTrace[] = [];

  /** What undo goes back to. */
  mark(budget: Budget): CopyMark {
    return new CopyMark(this.copied.length, this.copiedOps, this.omitted.length, budget.ops, budget.copies);
  }

  /** Drops the copies made since `mark`, and gives their room back. */
  undo(mark: CopyMark, budget: Budget): void {
    while (this.copied.length > mark.copied) this.copied.pop();
    this.copiedOps = mark.copiedOps;
    while (this.omitted.length > mark.omitted) this.omitted.pop();
    budget.ops = mark.ops;
    budget.copies = mark.copies;
  }
}

class CopyMark {
  constructor(
    public copied: int,
    public copiedOps: int,
    public omitted: int,
    public ops: int,
    public copies: int,
  ) {}
}

class Budget {
  ops = MAX_TREE_OPS;
  /** Of those, the operations left for copies of other loops' trees. */
  copies = MAX_COPIED_OPS;
  inlined: CompiledTrace[] = [];
}

/** Per exit id: the compiled trace it belongs to. */
const owners: CompiledTrace[] = [];

/** The compiled trace an exit id returned by compiled code belongs to. */
export function ownerOfExit(id: int): CompiledTrace {
  return owners[id];
}

class Buffers {
  /** Prebuilt, so the collector never moves it. */
  frame = new Float64Array(MAX_SLOTS);
  /** The most ref slots any compiled trace needs (inputs or exit values): jitEnter pushes
   *  that many, so every trace of a chain finds room. */
  refSlots = 0;
}

const buffers = new Buffers();

export function frameBuffer(): int {
  return typedDataAddress(buffers.frame);
}

/** Compiles the trace (a loop, or ending in FINISH to `target`; a bridge of `parent` from
 *  its guard `from`), or null when the backend cannot compile it. */
export function compileTrace(trace: Trace, snapshots: Snapshot[], target: JitCell | null, parent: CompiledTrace | null, from: ResOp | null): CompiledTrace | null {
  const isLoop = trace.ops[trace.ops.length - 1].opnum === JUMP;
  const n = logRecorded(trace, isLoop);
  optimizeTrace(trace, jitDescrInfo, from);
  logOptimized(n, trace);
  for (let i = 0; i < trace.ops.length; i++) if (OP_CODES[trace.ops[i].opnum].shape === SHAPE_UNSUPPORTED) return null;
  const exits = exitOps(trace);
  for (const exit of exits) if (hasFailurePlan(exit)) addFailureInputs(exit);
  let refSlots = 0;
  let slots = 0;
  for (let i = 0; i < exits.length; i++) {
    const values = exitValues(exits[i]);
    const refs = countRefs(values);
    if (refs > refSlots) refSlots = refs;
    if (values.length - refs > slots) slots = values.length - refs;
  }
  const inputRefs = countRefs(trace.inputargs);
  if (inputRefs > refSlots) refSlots = inputRefs;
  if (slots > MAX_SLOTS || trace.inputargs.length > MAX_SLOTS) return null;
  const targetLoop = target === null ? null : target.loop;
  const finishWord = targetLoop === null ? 0 : exitWordAddress(targetLoop.entry);
  const finishLoops = parent !== null && targetLoop === parent.root;
  const links = new TraceLinks(reserveExits(exits.length), finishWord, finishLoops, traceCounter(n));
  // A bridge is compiled when attached (into its root's function, or on its own).
  const index = parent === null ? compileTree(new TraceCode(trace, links)) : 0;
  if (refSlots > buffers.refSlots) buffers.refSlots = refSlots;
  return new CompiledTrace(index, trace, links, exits, snapshots, target, parent);
}

/** Pushes the ref slots every compiled trace fits in (from jitEnter itself, see
 *  miframe.ts pushRefs), with the reds from the exchange area (refs from their roots) as
 *  a loop's inputs; returns the slots. */
export function loopInputs(roots: int): int {
  const refSlots = buffers.refSlots;
  const refs = shadowStackTop();
  if (refs + 4 * refSlots > shadowStackLimit()) stackOverflow();
  const frame = frameBuffer();
  let nRefs = 0;
  let nOthers = 0;
  for (let k = driver.greens; k < driver.greens + driver.reds; k++) {
    if (slotKind(k) === KIND_REF) {
      store32(refs + 4 * nRefs, load32(roots + 4 * k));
      nRefs++;
    } else {
      store64(frame + 8 * nOthers, load64(jitExchangeBase() + 8 * k));
      nOthers++;
    }
  }
  for (let r = nRefs; r < refSlots; r++) store32(refs + 4 * r, 0);
  setShadowStackTop(refs + 4 * refSlots);
  return refs;
}
