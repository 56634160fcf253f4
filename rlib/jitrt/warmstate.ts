// When to trace (RPython's warmstate.py and jitcounter.py): each time the interpreter
// reaches can_enter_jit, the greens it passes (in the exchange area) are hashed to a
// counter; when a counter reaches the driver's threshold, the meta-interpreter traces from
// there. The threshold and the trace length limit come from the driver's JitParams and can
// be overridden at run time with RTS_JIT=threshold=N,traceLimit=N. The greens that got a
// trace have a cell (found through the same hash), which says what to do instead.
import { getenv } from "../os.ts";
import { jitExchangeBase, load32, load64 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { CompiledLoop } from "./compiled.ts";
import { driver, slotKind } from "./driver.ts";
import { descrWord, KIND_REF } from "./jitcodes.ts";

const COUNTERS = 4096;

export class WarmState {
  ready = false;
  threshold = 1000;
  traceLimit = 6000;
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
  loop: CompiledLoop | null = null;
}

export const warm = new WarmState();

/** Reads the parameters, once. */
export function setUp(): void {
  if (warm.ready) return;
  warm.ready = true;
  warm.threshold = descrWord(driver.descr, 1);
  warm.traceLimit = descrWord(driver.descr, 2);
  const spec = getenv("RTS_JIT");
  if (spec !== null) parseParams(spec);
}

/** "threshold=N,traceLimit=N" (either may be left out). */
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
    }
    i = j + 1;
  }
}

/** The raw bits of green or red k (a ref's address from its root, a float's bits). */
function slotBits(k: int, roots: int): int {
  return slotKind(k) === KIND_REF ? load32(roots + 4 * k) : load64(jitExchangeBase() + 8 * k);
}

/** The counter of the greens in the exchange area. */
export function counterIndex(roots: int): int {
  let h = 0;
  for (let k = 0; k < driver.greens; k++) h = ((h * 31) | 0) ^ (slotBits(k, roots) & 0x7fffffff);
  return (h & 0x7fffffff) % COUNTERS;
}

/** The cell of the greens in the exchange area (with counter `index`), or null. */
export function findCell(index: int, roots: int): JitCell | null {
  let c = warm.buckets[index];
  while (c !== 0) {
    const cell = warm.cells[c - 1];
    let same = true;
    for (let k = 0; k < driver.greens; k++) if (cell.greens[k] !== slotBits(k, roots)) same = false;
    if (same) return cell;
    c = cell.next;
  }
  return null;
}

/** A new cell for the greens in the exchange area. */
export function newCell(index: int, roots: int): JitCell {
  const cell = new JitCell();
  for (let k = 0; k < driver.greens; k++) cell.greens.push(slotBits(k, roots));
  cell.next = warm.buckets[index];
  warm.cells.push(cell);
  warm.buckets[index] = warm.cells.length;
  return cell;
}

/** Counts one more entry of the greens (counter `i`); true when they became hot (the
 *  counter restarts). */
export function tick(i: int): boolean {
  const n = warm.counters[i] + 1;
  if (n < warm.threshold) {
    warm.counters[i] = n;
    return false;
  }
  warm.counters[i] = 0;
  return true;
}
