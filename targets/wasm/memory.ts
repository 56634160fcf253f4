// The static part of linear memory: a guard area at address 0 (so null is never a valid
// object), a reserved area for runtime state, the I/O scratch buffer, the GC's shadow
// stack, then the data segment with prebuilt objects (string literals, module-level
// objects) and the type-info table; the heap starts after it.
// Every object's header is [type id, size | GC mark bit], so the heap can be walked.
import { GC_TRACK_YOUNG, LIST, LIST_ITEMS, LLType, sizeOf, STR, TYPED, TYPEID, typedElemSize } from "../../translator/rtyper/lltype.ts";
import { PrebuiltShape } from "../../translator/rtyper/index.ts";
import { typedArrayKindOf } from "../../translator/frontend/program.ts";

/** `undefined` is address 0 (so fresh memory reads as undefined, like an unset JS field) and
 *  `null` is address 8; objects start at 16 or above, which is the test for "is an object". */
export const UNDEFINED_ADDRESS = 0;
export const NULL_ADDRESS = 8;
export const FIRST_OBJECT_ADDRESS = 16;
export const RUNTIME_STATE_BASE = 16;
export const SCRATCH_BASE = 1024;
/** The stack trace of the pending exception, at the end of the runtime state area: a count,
 *  then the names of the functions it left (pointers to prebuilt strings), at most `frames`
 *  (V8's default Error.stackTraceLimit). `recordFunction` is the module's helper that adds one. */
export const EXC_TRACE = { base: SCRATCH_BASE - 48, frames: 10, recordFunction: "__exc_record_frame" } as const;
export const SCRATCH_SIZE = 65536;
export const SHADOW_STACK_BASE = SCRATCH_BASE + SCRATCH_SIZE;
export const SHADOW_STACK_SIZE = 4 << 20;
/** With --jit: where the interpreter and rlib/jitrt exchange the greens and reds (see
 *  translator/transform/jitentry.ts), then the arguments of the calls jitrt makes. */
export const JIT_EXCHANGE_BASE = SHADOW_STACK_BASE + SHADOW_STACK_SIZE;
export const JIT_EXCHANGE_SIZE = 8192;
export const DATA_BASE = JIT_EXCHANGE_BASE + JIT_EXCHANGE_SIZE;
export const PAGE_SIZE = 65536;
/** The generational collector's nursery as the inline allocation sees it (rlib/gc/generational.ts
 *  keeps the bump pointer and the limit in its runtime-state words). */
export const NURSERY = {
  free: RUNTIME_STATE_BASE + 424,
  top: RUNTIME_STATE_BASE + 428,
  /** Smallest object size, and largest size allocated in the nursery. */
  minObject: 16,
  largeObject: 32768,
} as const;
/** Globals the runtime reads through rlib/lowlevel.ts intrinsics. */
export const GLOBALS = {
  /** The first heap address: known once every prebuilt object is laid out. */
  heapBase: "__heap_base",
  /** The end of the prebuilt objects (the collector scans them as roots). */
  dataEnd: "__data_end",
  typeInfo: "__typeinfo",
  shadowStackPointer: "__shadow_sp",
  gcMode: "__gc_mode",
  gcStress: "__gc_stress",
  maxHeap: "__max_heap",
  /** The pending exception (0: none); see translator/transform/exceptions.ts. */
  exception: "__exception",
} as const;

/** Type-info table entries: 0 = no pointers, 1 = every word after the header pair is a
 *  pointer (items of a pointer list), else the address of a 0-terminated offset list. */
export const TYPEINFO_NO_POINTERS = 0;
export const TYPEINFO_POINTER_ITEMS = 1;

/** Builds the data segment: prebuilt objects laid out from DATA_BASE, 8-byte aligned. */
export class DataSegment {
  private bytes: number[] = [];
  private strings = new Map<string, number>();
  private objects = new Map<object, number>();
  private frozen = false;

  constructor(private shapeOf: (obj: object) => PrebuiltShape) {}

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

  private putBytes(addr: number, b: Uint8Array): void {
    const o = addr - DATA_BASE;
    for (let i = 0; i < b.length; i++) this.bytes[o + i] = b[i];
  }

  private put16(addr: number, v: number): void {
    const o = addr - DATA_BASE;
    this.bytes[o] = v & 255;
    this.bytes[o + 1] = (v >>> 8) & 255;
  }

  /** Lays out an object: its header holds the type id and its (8-aligned) size. Prebuilt
   *  objects are old: a pointer stored into one goes through the write barrier. */
  private allocObject(size: number, typeid: number): number {
    const addr = this.alloc(size);
    this.put32(addr, typeid);
    this.put32(addr + 4, Math.ceil(size / 8) * 8 + GC_TRACK_YOUNG);
    return addr;
  }

  /** The address of a prebuilt string (one object per distinct value). */
  string(s: string): number {
    let addr = this.strings.get(s);
    if (addr !== undefined) return addr;
    if (this.frozen) throw new Error(`prebuilt string ${JSON.stringify(s)} was not collected before code generation`);
    addr = this.allocObject(STR.chars + 2 * s.length, TYPEID.str);
    this.put32(addr + STR.length, s.length);
    for (let i = 0; i < s.length; i++) this.put16(addr + STR.chars + 2 * i, s.charCodeAt(i));
    this.strings.set(s, addr);
    return addr;
  }

  /** The address of any prebuilt value stored in a pointer slot. */
  pointer(value: unknown): number {
    if (value === undefined) return UNDEFINED_ADDRESS;
    if (value === null) return NULL_ADDRESS;
    if (typeof value === "string") return this.string(value);
    return this.object(value as object);
  }

  /** The address of a prebuilt instance, array or typed array (laid out once, cycles allowed). */
  object(obj: object): number {
    const known = this.objects.get(obj);
    if (known !== undefined) return known;
    if (this.frozen) throw new Error(`prebuilt ${obj.constructor?.name} was not collected before code generation`);
    const shape = this.shapeOf(obj);
    switch (shape.kind) {
      case "instance": {
        const addr = this.allocObject(shape.layout.size, shape.layout.typeid);
        this.objects.set(obj, addr);
        for (const [name, f] of shape.layout.fields) this.putValue(addr + f.offset, f.type, (obj as Record<string, unknown>)[name]);
        return addr;
      }
      case "list": {
        const items = obj as unknown[];
        const addr = this.allocObject(LIST.size, TYPEID.list);
        this.objects.set(obj, addr);
        const size = sizeOf(shape.itemType);
        const capacity = Math.max(items.length, 4);
        const itemsTypeid = shape.itemType === "ptr" ? TYPEID.listItemsPtr : TYPEID.listItems;
        const data = this.allocObject(LIST_ITEMS.data + capacity * size, itemsTypeid);
        this.put32(data + LIST_ITEMS.capacity, capacity);
        items.forEach((x, i) => this.putValue(data + LIST_ITEMS.data + i * size, shape.itemType, x));
        this.put32(addr + LIST.length, items.length);
        this.put32(addr + LIST.items, data);
        return addr;
      }
      case "typed":
        return this.typedArray(obj as ArrayBufferView & { length: number }, shape.elem);
    }
  }

  /** A typed array the translator itself builds (the JIT's tables), or a prebuilt one. */
  typedArray(view: ArrayBufferView & { length: number }, elem = typedArrayKindOf(view)!): number {
    if (this.frozen) throw new Error("a typed array laid out after the data segment was frozen");
    const addr = this.allocObject(TYPED.data + view.length * typedElemSize(elem), TYPEID[elem]);
    this.objects.set(view, addr);
    this.put32(addr + TYPED.length, view.length);
    // Typed arrays are little-endian on Node, as Wasm memory is.
    this.putBytes(addr + TYPED.data, new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    return addr;
  }

  /** A field or item value; a number field the object never set (undefined in JS) is 0. */
  private putValue(addr: number, t: LLType, v: unknown): void {
    const dv = new DataView(new ArrayBuffer(8));
    switch (t) {
      case "i64":
        dv.setBigInt64(0, BigInt((v as number | undefined) ?? 0), true);
        return this.putBytes(addr, new Uint8Array(dv.buffer));
      case "f64":
        dv.setFloat64(0, (v as number | undefined) ?? 0, true);
        return this.putBytes(addr, new Uint8Array(dv.buffer));
      case "i32":
        return this.put32(addr, v ? 1 : 0);
      case "ptr":
        return this.put32(addr, this.pointer(v));
    }
  }

  /** The type-info table (one word per type id) and the offset lists it points to. */
  typeInfoTable(pointerOffsets: (number[] | "items")[]): number {
    const lists = pointerOffsets.map((offs) => {
      if (offs === "items") return TYPEINFO_POINTER_ITEMS;
      if (offs.length === 0) return TYPEINFO_NO_POINTERS;
      const at = this.alloc(4 * (offs.length + 1));
      offs.forEach((o, i) => this.put32(at + 4 * i, o));
      return at;
    });
    const table = this.alloc(4 * lists.length);
    lists.forEach((v, i) => this.put32(table + 4 * i, v));
    return table;
  }

  contents(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}
