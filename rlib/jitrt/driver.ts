// The portal's JitDriver as jitrt sees it: its descriptor, how many greens and reds, the
// kind of each (the exchange area holds them in this order, greens first).
import { jitExchangeBase, load32, setShadowStackTop, shadowStackLimit, shadowStackTop, store32 } from "../lowlevel.ts";
import { stackOverflow } from "../runtime.ts";
import { int } from "../types.ts";
import { DESCR_DRIVER, descrCount, descrWord, KIND_REF } from "./jitcodes.ts";

export class DriverInfo {
  /** The driver's descriptor (-1: not read yet). */
  descr = -1;
  greens = 0;
  reds = 0;
  /** The kind of each green and red, in order (read from the descriptor once: jitEnter
   *  consults them at every entry). */
  kinds: int[] = [];
}

export const driver = new DriverInfo();

/** The kind of green or red k (greens first). */
export function slotKind(k: int): int {
  return driver.kinds[k];
}

/** Finds the driver's descriptor and reads its shape (once, before anything else). */
export function readDriver(): void {
  for (let d = 0; d < descrCount(); d++) {
    if (descrWord(d, 0) === DESCR_DRIVER) driver.descr = d;
  }
  driver.greens = descrWord(driver.descr, 3);
  driver.reds = descrWord(driver.descr, 4);
  for (let k = 0; k < driver.greens + driver.reds; k++) driver.kinds.push(descrWord(driver.descr, 5 + k));
}

/** The refs in the exchange area are plain ints, which a collection does not update: before
 *  anything that can collect, jitEnter copies them to shadow-stack slots (one per green and
 *  red, 0 for the others), returned. Called from jitEnter itself (see miframe.ts
 *  pushRefs); it cannot collect. */
export function rootExchange(): int {
  const n = driver.greens + driver.reds;
  const base = shadowStackTop();
  if (base + 4 * n > shadowStackLimit()) stackOverflow();
  for (let k = 0; k < n; k++) store32(base + 4 * k, slotKind(k) === KIND_REF ? load32(jitExchangeBase() + 8 * k) : 0);
  setShadowStackTop(base + 4 * n);
  return base;
}

