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
}

export const driver = new DriverInfo();

/** The kind of green or red k (greens first). */
export function slotKind(k: int): int {
  return descrWord(driver.descr, 5 + k);
}

/** Reads the driver's shape from its descriptor, once, without allocating. False when the
 *  program has no JitDriver (and so no portal that could call jitEnter). */
export function readDriver(): boolean {
  if (driver.descr < 0) {
    for (let d = 0; d < descrCount(); d++) {
      if (descrWord(d, 0) === DESCR_DRIVER) driver.descr = d;
    }
    if (driver.descr < 0) return false;
    driver.greens = descrWord(driver.descr, 3);
    driver.reds = descrWord(driver.descr, 4);
  }
  return true;
}

/** The refs in the exchange area are plain ints, which a collection does not update: the
 *  first thing jitEnter does is to copy them to shadow-stack slots (one per green and red,
 *  0 for the others), returned. Called from jitEnter itself (see miframe.ts pushRefs); it
 *  cannot collect (the driver's shape is read without allocating). */
export function rootExchange(): int {
  readDriver();
  const n = driver.greens + driver.reds;
  const base = shadowStackTop();
  if (base + 4 * n > shadowStackLimit()) stackOverflow();
  for (let k = 0; k < n; k++) store32(base + 4 * k, slotKind(k) === KIND_REF ? load32(jitExchangeBase() + 8 * k) : 0);
  setShadowStackTop(base + 4 * n);
  return base;
}

