// The static part of linear memory: a guard area at address 0 (so null is never a valid
// object), a reserved area for runtime state, the I/O scratch buffer, then the data
// segment with prebuilt objects (string literals); the heap starts after it.
import { STR, TYPEID } from "../../translator/rtyper/lltype.ts";

export const RUNTIME_STATE_BASE = 16;
export const RUNTIME_STATE_SIZE = 1008;
export const SCRATCH_BASE = 1024;
export const SCRATCH_SIZE = 65536;
export const DATA_BASE = SCRATCH_BASE + SCRATCH_SIZE;
export const PAGE_SIZE = 65536;
/** The first heap address is only known once every prebuilt object is laid out: a global. */
export const HEAP_BASE_GLOBAL = "__heap_base";

/** Builds the data segment: prebuilt objects laid out from DATA_BASE, 8-byte aligned. */
export class DataSegment {
  private bytes: number[] = [];
  private strings = new Map<string, number>();
  private frozen = false;

  /** After this, the layout is final: asking for a new object is a translator bug. */
  freeze(): void {
    this.frozen = true;
  }

  get end(): number {
    return DATA_BASE + this.bytes.length;
  }

  private alloc(size: number): number {
    while (this.bytes.length % 8 !== 0) this.bytes.push(0);
    const addr = this.end;
    for (let i = 0; i < size; i++) this.bytes.push(0);
    return addr;
  }

  private put32(addr: number, v: number): void {
    const o = addr - DATA_BASE;
    for (let i = 0; i < 4; i++) this.bytes[o + i] = (v >>> (8 * i)) & 255;
  }

  private put16(addr: number, v: number): void {
    const o = addr - DATA_BASE;
    this.bytes[o] = v & 255;
    this.bytes[o + 1] = (v >>> 8) & 255;
  }

  /** The address of a prebuilt string (one object per distinct value). */
  string(s: string): number {
    let addr = this.strings.get(s);
    if (addr !== undefined) return addr;
    if (this.frozen) throw new Error(`prebuilt string ${JSON.stringify(s)} was not collected before code generation`);
    addr = this.alloc(STR.chars + 2 * s.length);
    this.put32(addr, TYPEID.str);
    this.put32(addr + STR.length, s.length);
    for (let i = 0; i < s.length; i++) this.put16(addr + STR.chars + 2 * i, s.charCodeAt(i));
    this.strings.set(s, addr);
    return addr;
  }

  contents(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}
