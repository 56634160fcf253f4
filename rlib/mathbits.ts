// Math's 32-bit and float32 functions, written in RTS: Math.imul, Math.clz32, Math.fround
// (the translator resolves `Math.imul` here as it resolves `Math.sin` to math.ts). They are
// written so that they compute JS's result both untranslated and translated: imul multiplies
// 16-bit halves, whose products stay exact as doubles.
import type { float, int } from "./types.ts";

/** ToInt32(a) * ToInt32(b) wrapped to 32 bits. */
export function imul(a: float, b: float): int {
  const x = a | 0;
  const y = b | 0;
  const xh = (x >>> 16) & 0xffff;
  const xl = x & 0xffff;
  const yh = (y >>> 16) & 0xffff;
  const yl = y & 0xffff;
  return (xl * yl + ((((xh * yl + xl * yh) & 0xffff) << 16) | 0)) | 0;
}

/** The number of leading zero bits of ToUint32(x). */
export function clz32(x: float): int {
  let v = x >>> 0;
  if (v === 0) return 32;
  let n = 0;
  if (v < 0x10000) {
    n += 16;
    v *= 0x10000;
  }
  if (v < 0x1000000) {
    n += 8;
    v *= 0x100;
  }
  if (v < 0x10000000) {
    n += 4;
    v *= 0x10;
  }
  if (v < 0x40000000) {
    n += 2;
    v *= 4;
  }
  if (v < 0x80000000) n += 1;
  return n;
}

/** Scratch for fround: a store to a Float32Array rounds to the nearest float32, as fround. */
const FLOAT32 = new Float32Array(1);

/** x rounded to the nearest float32 value. */
export function fround(x: float): float {
  FLOAT32[0] = x;
  return FLOAT32[0];
}
