// A growable byte buffer with the encodings of the Wasm binary format (LEB128 integers,
// little-endian doubles, length-prefixed vectors): what the trace backend writes modules with.
import { float, int } from "../../types.ts";
import { floatHighWord, floatLowWord, memCopy, typedDataAddress } from "../../lowlevel.ts";
import { intDiv } from "../../rarith.ts";

export class ByteBuffer {
  bytes: Uint8Array = new Uint8Array(256);
  length: int = 0;

  byte(b: int): void {
    if (this.length === this.bytes.length) this.reserve(this.length + 1);
    this.bytes[this.length] = b;
    this.length++;
  }

  /** Room for `end` bytes (the size doubled until it fits, the bytes so far copied over). */
  private reserve(end: int): void {
    if (end <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < end) size *= 2;
    const grown = new Uint8Array(size);
    memCopy(typedDataAddress(grown), typedDataAddress(this.bytes), this.length);
    this.bytes = grown;
  }

  /** An unsigned LEB128 number (sizes, indices, memory offsets). */
  u32(v: int): void {
    let rest = v;
    while (rest >= 128) {
      this.byte((rest & 127) | 128);
      rest = intDiv(rest, 128);
    }
    this.byte(rest);
  }

  /** A signed LEB128 number of up to 64 bits (i32.const, i64.const). The shift right is a
   *  division of a multiple of 128, exact for negative numbers too: RTS's `>>` is 32-bit. */
  s64(v: int): void {
    let rest = v;
    for (;;) {
      const low = rest & 127;
      rest = intDiv(rest - low, 128);
      if ((rest === 0 && (low & 64) === 0) || (rest === -1 && (low & 64) !== 0)) {
        this.byte(low);
        return;
      }
      this.byte(low | 128);
    }
  }

  /** An IEEE-754 double, little-endian (f64.const). */
  f64(x: float): void {
    this.word(floatLowWord(x));
    this.word(floatHighWord(x));
  }

  private word(w: int): void {
    this.byte(w & 255);
    this.byte((w >> 8) & 255);
    this.byte((w >> 16) & 255);
    this.byte((w >> 24) & 255);
  }

  /** A name: its UTF-8 length then its bytes (names here are ASCII). */
  name(s: string): void {
    this.u32(s.length);
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i));
  }

  /** Another buffer's bytes, prefixed by their count (a section's or a function body's size). */
  sized(other: ByteBuffer): void {
    this.u32(other.length);
    this.append(other);
  }

  /** Another buffer's bytes (a function's code is copied into its body, then into the code
   *  section, then into the module: one memory copy each, not a call per byte). */
  append(other: ByteBuffer): void {
    const end = this.length + other.length;
    this.reserve(end);
    memCopy(typedDataAddress(this.bytes) + this.length, typedDataAddress(other.bytes), other.length);
    this.length = end;
  }
}
