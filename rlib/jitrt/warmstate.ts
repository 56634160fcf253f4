// When to trace (RPython's warmstate.py and jitcounter.py): each time the interpreter
// reaches can_enter_jit, the portal itself hashes the greens it passes to a counter and
// counts (entry.ts jitTick, woven in by translator/transform/jitentry.ts); only when the
// counter reaches the driver's threshold, or a compiled loop may start there, does it call
// jitEnter. A counter that some green key's cell hashes to is BLOCKED (every entry calls
// jitEnter, which finds the cell); the other keys hashing there count in `collided`. The threshold and the trace length limit come from the driver's JitParams and can
// be overridden at run time with RTS_JIT=threshold=N,traceLimit=N. The greens that got a
// trace have a cell (found through the same hash), which says what to do instead. A guard
// of a compiled trace that has failed bridgeThreshold times gets a bridge: by default a
// fifth of the threshold, as PyPy's trace_eagerness (200) is of its threshold (1039);
// RTS_JIT=bridgeThreshold=N sets it. Trees compiled again with their bridges, and bridges
// compiled on their own, are compiled in the host's background (compiled.ts);
// RTS_JIT=async=0 compiles them while the program waits, for runs that do not depend on
// the compiler's timing.
import { jitExchangeBase, load32, load64 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { CompiledTrace } from "./compiled.ts";
import { driver, slotKind } from "./driver.ts";
import { descrWord, KIND_REF } from "./jitcodes.ts";

const COUNTERS = 4096;
/** A counter that always makes the portal call jitEnter (above any threshold). */
const BLOCKED = 0x40000000;

export class WarmState {
  threshold = 1000;
  traceLimit = 6000;
  /** RTS_JIT's, or a fifth of the threshold (at least 1). */
  bridgeThreshold = 0;
  /** RTS_JIT's bridgeThreshold (0: none given). */
  givenBridgeThreshold = 0;
  /** A quarter of the bridge threshold (at least 1): how often a guard of an unrolled loop's
   *  preamble fails before the loop is traced again (entry.ts; sooner than a bridge: the
   *  abandoned loop's other guards get fewer bridges, docs/architecture.md). */
  retraceThreshold = 0;
  /** Whether trees compiled again, and bridges on their own, are compiled in the
   *  background (RTS_JIT's async, 1 by default). */
  asyncCompile = true;
  /** The threshold once set up (entry.ts jitStart): the portal counts while a counter stays
   *  below it. */
  limit = 0;
  /** Per bucket: entries counted, or BLOCKED. */
  counters = new Int32Array(COUNTERS);
  /** Per bucket whose counter is BLOCKED: the entries of keys without a traced cell there. */
  collided = new Int32Array(COUNTERS);
  /** Per bucket: the first of the cells whose greens hash there (index + 1; 0: none). */
  buckets = new Int32Array(COUNTERS);
  cells: JitCell[] = [];
}

/** What the JIT knows about one green key. Ref greens are kept as addresses: an object the
 *  collector moves later (a young one) gets a new cell there. */
export class JitCell {
  greens: int[] = [];
  /** The next cell in the same bucket (index + 1; 0: none). */
  next = 0;
  /** A loop trace was recorded from here. */
  traced = false;
  /** Its compiled loop (null: none, the backend could not compile it). */
  loop: CompiledTrace | null = null;
  /** How often its loop was traced again (entry.ts: a guard of an unrolled loop's preamble
   *  that fails often). */
  retraces = 0;
}

export const warm = new WarmState();

/** Reads the driver's parameters (its JitParams), at the program's start. */
export function setUp(): void {
  // Sized here, where nothing holds a raw address: filling it must not allocate (a
  // collection would leave the ref green just read from its root stale).
  for (let k = 0; k < driver.greens; k++) key.push(0);
  warm.threshold = descrWord(driver.descr, 1);
  warm.traceLimit = descrWord(driver.descr, 2);
  settle();
}

/** Overrides them with RTS_JIT's: "threshold=N,traceLimit=N,bridgeThreshold=N,async=0|1"
 *  (any may be left out). */
export function setParams(spec: string): void {
  let i = 0;
  while (i < spec.length) {
    let j = i;
    while (j < spec.length && spec.charCodeAt(j) !== 44) j++;
    const item = spec.substring(i, j);
    const eq = item.indexOf("=");
    if (eq > 0) {
      const value = parseInt(item.substring(eq + 1));
      const name = item.substring(0, eq);
      if (name === "threshold" && value > 0) warm.threshold = value;
      if (name === "traceLimit" && value > 0) warm.traceLimit = value;
      if (name === "bridgeThreshold" && value > 0) warm.givenBridgeThreshold = value;
      if (name === "async") warm.asyncCompile = value !== 0;
    }
    i = j + 1;
  }
  settle();
}

/** What follows from the threshold. */
function settle(): void {
  warm.bridgeThreshold = warm.givenBridgeThreshold > 0 ? warm.givenBridgeThreshold : Math.max(1, Math.floor(warm.threshold / 5));
  warm.retraceThreshold = Math.max(1, Math.floor(warm.bridgeThreshold / 4));
  warm.limit = warm.threshold;
}

/** The green key being looked up: each green's raw bits (a ref's address, a float's bits).
 *  Sized by setUp, then filled in place (never allocating), from the exchange area at jitEnter or
 *  from the registers when a trace reaches a loop header. */
const key: int[] = [];

/** Sets green k of the key. */
export function setKey(k: int, bits: int): void {
  key[k] = bits;
}

/** The key of the greens in the exchange area (their refs from their copies at `roots`). */
export function keyFromExchange(roots: int): void {
  for (let k = 0; k < driver.greens; k++) {
    setKey(k, slotKind(k) === KIND_REF ? load32(roots + 4 * k) : load64(jitExchangeBase() + 8 * k));
  }
}

/** The index of the key's counter and of its first cell in `buckets`: the portal computes
 *  the same from the greens it has (entry.ts jitHash). */
export function bucketIndex(): int {
  let h = 0;
  for (let k = 0; k < driver.greens; k++) h = hashStep(h, key[k]);
  return bucketOf(h);
}

/** Adds a green's bits to a hash. */
export function hashStep(h: int, bits: int): int {
  return ((h * 31) | 0) ^ (bits & 0x7fffffff);
}

function bucketOf(hash: int): int {
  return hash & (COUNTERS - 1);
}

/** The cell of the key (whose bucket is `bucket`: bucketIndex()), or null. */
export function findCell(bucket: int): JitCell | null {
  let c = warm.buckets[bucket];
  while (c !== 0) {
    const cell = warm.cells[c - 1];
    let same = true;
    for (let k = 0; k < driver.greens; k++) if (cell.greens[k] !== key[k]) same = false;
    if (same) return cell;
    c = cell.next;
  }
  return null;
}

/** A new cell for the key (in its bucket). */
export function newCell(index: int): JitCell {
  const cell = new JitCell();
  for (let k = 0; k < driver.greens; k++) cell.greens.push(key[k]);
  cell.next = warm.buckets[index];
  warm.cells.push(cell);
  warm.buckets[index] = warm.cells.length;
  return cell;
}

/** The portal's part of counting (inlined at can_enter_jit, with the hash of its greens):
 *  true when jitEnter must run, because the counter reached the threshold or is BLOCKED. */
export function portalTick(hash: int): boolean {
  const i = bucketOf(hash);
  const n = warm.counters[i] + 1;
  if (n < warm.limit) {
    warm.counters[i] = n;
    return false;
  }
  return true;
}

/** At jitEnter for a key without a traced cell (in bucket i): counts the entry; true when
 *  it became hot (its counter restarts). */
export function tick(i: int): boolean {
  if (warm.counters[i] >= BLOCKED) {
    const n = warm.collided[i] + 1;
    warm.collided[i] = n < warm.threshold ? n : 0;
    return n >= warm.threshold;
  }
  const n = warm.counters[i] + 1;
  warm.counters[i] = n < warm.threshold ? n : 0;
  return n >= warm.threshold;
}

/** A key of this bucket has a traced cell: the portal calls jitEnter for it from now on. */
export function block(bucket: int): void {
  warm.counters[bucket] = BLOCKED;
}
