// What the programs that run traces (tests/programs/jit_backend_*.ts, tests/jit/random_traces.ts)
// share: finding the descriptors the codewriter made for their portal (by shape), and
// printing the values a trace left with.
import { int } from "../../rlib/types.ts";
import { exitOps, exitValues, frameSlots, JitFrame } from "../../rlib/jitrt/frame.ts";
import { descrCount, descrWord } from "../../rlib/jitrt/jitcodes.ts";
import { Trace, TYPE_FLOAT, TYPE_REF, Value } from "../../rlib/jitrt/resop.ts";

/** A descriptor word that findDescr does not compare. */
export const ANY = -1;

/** The one descriptor whose first words are these (ANY matches any word). */
export function findDescr(words: int[]): int {
  let found = -1;
  for (let d = 0; d < descrCount(); d++) {
    let same = true;
    for (let k = 0; k < words.length; k++) if (words[k] !== ANY && descrWord(d, k) !== words[k]) same = false;
    if (!same) continue;
    if (found >= 0) throw new Error(`two descriptors of tag ${words[0]} match`);
    found = d;
  }
  if (found < 0) throw new Error(`no descriptor of tag ${words[0]} matches`);
  return found;
}

/** "exit N:" and the exit's values. A ref is "ref": the addresses of objects differ between
 *  modes; with `addresses`, for refs that are made-up addresses, "ref" and the address. */
export function describeExit(trace: Trace, exit: int, frame: JitFrame, addresses: boolean = false): string {
  const values: Value[] = exitValues(exitOps(trace)[exit]);
  const slots = frameSlots(values);
  let s = `exit ${exit}:`;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.type === TYPE_REF) s += addresses ? ` ref ${frame.refs[slots[i]]}` : " ref";
    else if (v.type === TYPE_FLOAT) s += ` ${frame.floats[slots[i]]}`;
    else s += ` ${frame.ints[slots[i]]}`;
  }
  return s;
}
