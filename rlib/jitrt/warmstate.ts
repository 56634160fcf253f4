// When to trace (RPython's warmstate.py and jitcounter.py): each time the interpreter
// reaches can_enter_jit, the greens it passes (in the exchange area) are hashed to a
// counter; when a counter reaches the driver's threshold, the meta-interpreter traces from
// there. The threshold and the trace length limit come from the driver's JitParams and can
// be overridden at run time with RTS_JIT=threshold=N,traceLimit=N. The greens that got a
// trace have a cell (found through the same hash), which says what to do instead. A guard
// of a compiled trace that has failed bridgeThreshold times gets a bridge: by default a
// fifth of the threshold, as PyPy's trace_eagerness (200) is of its threshold (1039);
// RTS_JIT=bridgeThreshold=N sets it.
import { getenv } from "../os.ts";
import { jitExchangeBase, load32, load64 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { CompiledTrace } from "./compiled.ts";
import { driver, slotKind } from "./driver.ts";
import { descrWord, KIND_REF } from "./jitcodes.ts";

const COUNTERS = 4096;

export class WarmState {
  ready = false;
  threshold = 1000;
  traceLimit = 6000;
  /** 0 until set up: then RTS_JIT's, or a fifth of the threshold (at least 1). */
  bridgeThreshold = 0;
  counters = new Int32Array(COUNTERS);
  /** Per counter: the first of the cells whose greens hash there (index + 1; 0: none). */
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
}

export const warm = new WarmState();

/** Reads the parameters, once. */
export function setUp(): void {
  if (warm.ready) return;
  warm.ready = true;
  // Sized here, where nothing holds a raw address: filling it must not allocate (a
  // collection would leave the ref green just read from its root stale).
  for (let k = 0; k < driver.greens; k++) key.push(0);
  warm.threshold = descrWord(driver.descr, 1);
  warm.traceLimit = descrWord(driver.descr, 2);
  const spec = getenv("RTS_JIT");
  if (spec !== null) parseParams(spec);
  if (warm.bridgeThreshold === 0) warm.bridgeThreshold = Math.max(1, Math.floor(warm.threshold / 5));
}

/** "threshold=N,traceLimit=N,bridgeThreshold=N" (any may be left out). */
function parseParams(spec: string): void {
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
      if (name === "bridgeThreshold" && value > 0) warm.bridgeThreshold = value;
    }
    i = j + 1;
  }
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

/** The counter of the key. */
export function counterIndex(): int {
  let h = 0;
  for (let k = 0; k < driver.greens; k++) h = ((h * 31) | 0) ^ (key[k] & 0x7fffffff);
  return (h & 0x7fffffff) % COUNTERS;
}

/** The cell of the key, or null. */
export function findCell(): JitCell | null {
  let c = warm.buckets[counterIndex()];
  while (c !== 0) {
    const cell = warm.cells[c - 1];
    let same = true;
    for (let k = 0; k < driver.greens; k++) if (cell.greens[k] !== key[k]) same = false;
    if (same) return cell;
    c = cell.next;
  }
  return null;
}

/** A new cell for the key. */
export function newCell(): JitCell {
  const index = counterIndex();
  const cell = new JitCell();
  for (let k = 0; k < driver.greens; k++) cell.greens.push(key[k]);
  cell.next = warm.buckets[index];
  warm.cells.push(cell);
  warm.buckets[index] = warm.cells.length;
  return cell;
}

/** Counts one more entry of the key; true when it became hot (the counter restarts). */
export function tick(): boolean {
  const i = counterIndex();
  const n = warm.counters[i] + 1;
  if (n < warm.threshold) {
    warm.counters[i] = n;
    return false;
  }
  warm.counters[i] = 0;
  return true;
}
