// Decoding one jitcode instruction for the meta-interpreter (metainterp.ts): its operands
// by the argcodes of its opcode (opcodes.ts). Each instruction is decoded once and kept by
// its position: the blackhole runs the same few instructions after every guard failure (a
// tape interpreter's benchmark resumes ~100 K times), which decoding anew byte by byte
// made a fifth of its time.
import { int } from "../types.ts";
import { codeByte, codeLength, KIND_FLOAT, KIND_INT, KIND_REF } from "./jitcodes.ts";
import { Frame } from "./miframe.ts";
import type { MetaInterp } from "./metainterp.ts";

/** One decoded instruction: scalar operands in order (registers, small constants, absolute
 *  label targets, descriptors), list operands (the code offset of each length byte). */
export class Decoded {
  handler = 0;
  kinds: int[] = [0, 0, 0, 0, 0, 0, 0, 0];
  scalars: int[] = [0, 0, 0, 0, 0, 0, 0, 0];
  nScalars = 0;
  lists: int[] = [0, 0, 0, 0, 0, 0];
  nLists = 0;
  result = -1;
  resultKind = -1;
  /** Where the next instruction starts. */
  next = 0;
}

/** The decoded instructions by position in the code of every jitcode (null: not yet). */
export function newDecodedTable(): (Decoded | null)[] {
  const table: (Decoded | null)[] = [];
  const n = codeLength();
  for (let i = 0; i < n; i++) table.push(null);
  return table;
}

/** Argcode characters. */
const C_I = 105;
const C_R = 114;
const C_F = 102;
const C_C = 99;
const C_L = 76;
const C_D = 100;
const C_RESULT = 62;

/** The instruction at f.pc, decoded (also mi.d); moves f.pc past it. */
export function decode(mi: MetaInterp, f: Frame): Decoded {
  let d = mi.decoded[f.pc];
  if (d === null) {
    d = decodeAt(mi, f);
    mi.decoded[f.pc] = d;
  }
  mi.d = d;
  f.pc = d.next;
  return d;
}

function decodeAt(mi: MetaInterp, f: Frame): Decoded {
  const d = new Decoded();
  const op = codeByte(f.pc);
  const codes = mi.opcodes.argcodes[op];
  d.handler = mi.opcodes.handlers[op];
  let at = f.pc + 1;
  let i = 0;
  while (i < codes.length) {
    const c = codes.charCodeAt(i);
    if (c === C_RESULT) {
      d.resultKind = kindOfCode(codes.charCodeAt(i + 1));
      d.result = codeByte(at);
      at++;
      i += 2;
      continue;
    }
    if (c === C_I || c === C_R || c === C_F) {
      d.kinds[d.nScalars] = kindOfCode(c);
      d.scalars[d.nScalars] = codeByte(at);
      at++;
    } else if (c === C_C) {
      d.kinds[d.nScalars] = -1;
      d.scalars[d.nScalars] = (codeByte(at) << 24) >> 24;
      at++;
    } else if (c === C_L || c === C_D) {
      const v = codeByte(at) | (codeByte(at + 1) << 8);
      d.kinds[d.nScalars] = -2;
      d.scalars[d.nScalars] = c === C_L ? f.start + v : v;
      at += 2;
    } else {
      d.lists[d.nLists] = at;
      d.nLists++;
      at += 1 + codeByte(at);
      i++;
      continue;
    }
    d.nScalars++;
    i++;
  }
  d.next = at;
  return d;
}

function kindOfCode(c: int): int {
  return c === C_R ? KIND_REF : c === C_F ? KIND_FLOAT : KIND_INT;
}
