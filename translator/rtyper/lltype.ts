// Low-level types and object layouts. Every value in a translated program is one of
// four machine types; GC objects are addressed by 32-bit pointers into linear memory and
// start with a header word holding their type id.
import { TypedArrayKind } from "../frontend/program.ts";
import type { VableKind } from "../frontend/vablehints.ts";

/** i64 = Signed (RTS ints), f64 = Float, i32 = Bool, ptr = GC pointer (an i32 address). */
export type LLType = "i64" | "f64" | "i32" | "ptr" | "void";

/** Header: type id (u32), then the object's size (a multiple of 8) with GC flags in its low
 *  bits (u32): the mark (bit 0), TRACK_YOUNG (bit 1, see rlib/gc/generational.ts). */
export const HEADER_SIZE = 8;
/** Set on old objects (prebuilt ones too) that the write barrier must record when a GC
 *  pointer is stored into them. */
export const GC_TRACK_YOUNG = 2;

/** Type ids of the built-in layouts; classes follow from FIRST_CLASS_TYPEID in preorder. */
export const TYPEID = {
  str: 1,
  list: 2,
  listItems: 3,
  u8: 4,
  i8: 5,
  u16: 6,
  i16: 7,
  u32: 8,
  i32: 9,
  f32: 10,
  f64: 11,
  /** Items of a list whose items are GC pointers (the collector scans them). */
  listItemsPtr: 12,
} as const;
export const FIRST_CLASS_TYPEID = 16;

/** string: header, length (u32), cached hash (u32), then UTF-16 code units. */
export const STR = { length: 8, hash: 12, chars: 16 } as const;
/** T[]: header, length (u32), items pointer; items: header, capacity (u32), then the items. */
export const LIST = { length: 8, items: 12, size: 16 } as const;
export const LIST_ITEMS = { capacity: 8, data: 16 } as const;
/** A closure: header, the function's index in the Wasm function table (u32), then the captured values. */
export const CLOSURE = { fn: 8 } as const;
/** Typed arrays: header, length (u32), then the elements inline. */
export const TYPED = { length: 8, data: 16 } as const;

export function sizeOf(t: LLType): number {
  return t === "i64" || t === "f64" ? 8 : t === "void" ? 0 : 4;
}

export function typedElemSize(k: TypedArrayKind): number {
  return { u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, f64: 8 }[k];
}

/** Float typed arrays hold f64 values at the low level; integer ones i64 (after ToInt32). */
export function typedIsFloat(k: TypedArrayKind): boolean {
  return k === "f32" || k === "f64";
}

/** The hidden field of the root classes whose instances are Map keys: a hash fixed at
 *  allocation (from the address then, as objects may move later). */
export const IDENTITY_HASH = "<identity hash>";

/** A field of a struct. `immutable`: written only while the object is made (a readonly
 *  field, a closure's captured value), so its getfield and setfield carry a flag
 *  (rtype-access.ts). `mutate`: for a quasi-immutable field, the offset of its hidden i32
 *  word (RPython's mutate_x: 0 until a trace depends on the field, then the JIT runtime's
 *  record of the traces that do, rlib/jitrt/quasiimmut.ts), else -1. */
export interface FieldLayout {
  offset: number;
  type: LLType;
  immutable: boolean;
  mutate: number;
  /** Named by a virtualizable() hint: its value ("field") or its array's items ("array")
   *  live in a trace's registers (rlib/jitrt/opt/vable.ts). */
  vable: VableKind | null;
}

/** The hidden word of quasi-immutable field `name` (see FieldLayout.mutate). */
export function mutateWordName(name: string): string {
  return `<mutate ${name}>`;
}

/** A class's instance layout: its fields after its base's, each naturally aligned. */
export class StructLayout {
  fields = new Map<string, FieldLayout>();
  size = HEADER_SIZE;
  /** Instances of this class and its subclasses have type ids in [typeid, typeidEnd). */
  constructor(
    public name: string,
    public typeid: number,
    public typeidEnd: number,
  ) {}

  addField(name: string, type: LLType, immutable = false, vable: VableKind | null = null): void {
    const sz = sizeOf(type);
    if (sz === 0) return;
    this.size = Math.ceil(this.size / sz) * sz;
    this.fields.set(name, { offset: this.size, type, immutable, mutate: -1, vable });
    this.size += sz;
  }

  /** A quasi-immutable field and its hidden word (FieldLayout.mutate). */
  addQuasiImmutableField(name: string, type: LLType): void {
    this.addField(name, type);
    const field = this.fields.get(name);
    if (!field) return;
    const word = mutateWordName(name);
    this.addField(word, "i32");
    field.mutate = this.fields.get(word)!.offset;
  }
}
