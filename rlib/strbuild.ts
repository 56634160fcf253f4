// Building strings from UTF-16 code units, written in RTS (for rlib/strmethods.ts and
// rlib/numconv.ts).
import type { int } from "./types.ts";
import { strNew, strSetChar, weAreTranslated } from "./lowlevel.ts";

/** A string of the given UTF-16 code units. Translated it is built in place, with one allocation. */
export function fromCodes(codes: int[]): string {
  const n = codes.length;
  if (n === 0) return "";
  if (weAreTranslated()) {
    const r = strNew(n);
    for (let i = 0; i < n; i++) strSetChar(r, i, codes[i]);
    return r;
  }
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(codes[i]);
  return s;
}
