// When to trace (RPython's warmstate.py and jitcounter.py): each time the interpreter
// reaches can_enter_jit, the greens it passes (in the exchange area) are hashed to a
// counter; when a counter reaches the driver's threshold, the meta-interpreter traces from
// there. The threshold and the trace length limit come from the driver's JitParams and can
// be overridden at run time with RTS_JIT=threshold=N,traceLimit=N.
import { getenv } from "../os.ts";
import { jitExchangeBase, load64 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { DESCR_DRIVER, descrCount, descrWord, KIND_REF } from "./jitcodes.ts";
import { load32 } from "../lowlevel.ts";

const COUNTERS = 4096;

export class WarmState {
  ready = false;
  /** The driver's descriptor. */
  driver = -1;
  greens = 0;
  reds = 0;
  threshold = 1000;
  traceLimit = 6000;
  counters = new Int32Array(COUNTERS);
}

export const warm = new WarmState();

/** Reads the driver and the parameters, once. */
export function setUp(): void {
  if (warm.ready) return;
  warm.ready = true;
  for (let d = 0; d < descrCount(); d++) {
    if (descrWord(d, 0) === DESCR_DRIVER) warm.driver = d;
  }
  warm.threshold = descrWord(warm.driver, 1);
  warm.traceLimit = descrWord(warm.driver, 2);
  warm.greens = descrWord(warm.driver, 3);
  warm.reds = descrWord(warm.driver, 4);
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

/** The kind of green or red k (greens first). */
export function slotKind(k: int): int {
  return descrWord(warm.driver, 5 + k);
}

/** The raw bits of exchange slot k (a ref's address, a float's bits). */
export function slotBits(k: int): int {
  const at = jitExchangeBase() + 8 * k;
  return slotKind(k) === KIND_REF ? load32(at) : load64(at);
}

/** The counter of the greens in the exchange area. */
export function counterIndex(): int {
  let h = 0;
  for (let k = 0; k < warm.greens; k++) h = ((h * 31) | 0) ^ (slotBits(k) & 0x7fffffff);
  return (h & 0x7fffffff) % COUNTERS;
}

/** Counts one more entry of the greens; true when they became hot (the counter restarts). */
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
