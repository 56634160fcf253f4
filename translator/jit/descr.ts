// Descriptors: what a jitcode instruction needs to know beyond its register operands (as
// RPython's codewriter/effectinfo + backend descrs). They are shared by all jitcodes of a
// program (one table, an instruction refers to an entry by a 2-byte index); the backend
// serializes them into the data segment, resolving functions to table indices and
// prebuilt objects to addresses.
import { FunctionDesc, ImportedFunction, JitDriverDesc, TypedArrayKind } from "../frontend/program.ts";
import { LLType } from "../rtyper/lltype.ts";
import type { FieldKey } from "./effects.ts";

/** Register classes, as RPython's: ints (i64, and i32 booleans), GC references, floats. */
export type Kind = "i" | "r" | "f";

export function kindOfType(t: LLType): Kind | null {
  if (t === "i64" || t === "i32") return "i";
  if (t === "ptr") return "r";
  if (t === "f64") return "f";
  return null;
}

/** A field of a struct: getfield/setfield (a receiver that may be null was tested before by
 *  a nonnull_check operation). Fields of different classes at the same offset and type share
 *  a descriptor, unless one is immutable (a readonly field, a closure's captured value):
 *  those have their own, which the trace optimizer reads once from a constant object (RPython's
 *  _immutable_fields_), and so does a quasi-immutable one. Every read and write of a field
 *  uses the same one. */
export class FieldDescr {
  constructor(
    public offset: number,
    public type: LLType,
    public immutable: boolean,
    /** A quasi-immutable field's hidden word (its offset), else -1: a trace reads the field
     *  of a constant object as a constant, and a write invalidates it (rlib/jitrt/quasiimmut.ts). */
    public mutate = -1,
    /** A virtualizable's field (VABLE_FIELD: its value) or array field (VABLE_ARRAY: the
     *  items of the list it holds), else 0: the trace optimizer keeps them in registers
     *  across a loop's iterations (rlib/jitrt/opt/vable.ts). */
    public vable = 0,
  ) {}
  describe(): string {
    const vable = this.vable === 0 ? "" : this.vable === 1 ? " virtualizable" : " virtualizable[*]";
    return `<Field +${this.offset} ${this.type}${this.immutable ? " immutable" : ""}${this.mutate >= 0 ? ` quasi-immutable +${this.mutate}` : ""}${vable}>`;
  }
}

/** The elements of a typed array (typed_get / typed_set / typed_new). */
export class ArrayDescr {
  constructor(public elem: TypedArrayKind) {}
  describe(): string {
    return `<Array ${this.elem}>`;
  }
}

/** What a residual call may do; the tracer folds elidable calls with constant arguments. */
export type CallEffect = "elidable" | "residual";

/** The items of a list (list_get / list_set): the item's low-level type (i64, i32 for
 *  booleans, f64 or ptr) gives its size and how it is loaded and stored. */
export class ListDescr {
  constructor(public item: LLType) {}
  describe(): string {
    return `<List ${this.item}>`;
  }
}

/** A call the tracer does not follow: it is recorded as a call in the trace. */
export class CallDescr {
  readonly argKinds: Kind[];
  readonly result: Kind | null;
  constructor(
    public fn: FunctionDesc | ImportedFunction,
    /** The exact low-level types (a trace's call_indirect needs i32 booleans apart from i64). */
    public argTypes: LLType[],
    public resultType: LLType,
    public effect: CallEffect,
    /** The fields the callee may write (effects.ts), or null: any. */
    public writes: FieldKey[] | null = null,
    /** Whether the callee may read or write a list that exists before the call. */
    public lists = true,
  ) {
    this.argKinds = argTypes.map((t) => kindOfType(t)!);
    this.result = kindOfType(resultType);
  }
  describe(): string {
    const name = this.fn instanceof FunctionDesc ? this.fn.name : `${this.fn.module}.${this.fn.name}`;
    return `<Call ${name}(${this.argKinds.join("")})${this.result ? ` -> ${this.result}` : ""} ${this.effect}>`;
  }
}

/** A call the tracer follows: the callee's jitcode. */
export class JitCodeDescr {
  constructor(
    public fn: FunctionDesc,
    /** Index in JitCodes.jitcodes. */
    public index: number,
  ) {}
  describe(): string {
    return `<JitCode ${this.fn.name}>`;
  }
}

/** A multi-way integer switch: case value -> code offset in the jitcode (set by the
 *  assembler from the labels). */
export class SwitchDescr {
  targets = new Map<number, number>();
  defaultTarget = -1;
  constructor(
    public labels: Map<number, string>,
    public defaultLabel: string,
  ) {}
  describe(): string {
    if (this.defaultTarget >= 0) return `<Switch ${[...this.targets].map(([v, t]) => `${v}:@${t}`).join(" ")} default:@${this.defaultTarget}>`;
    return `<Switch ${[...this.labels].map(([v, l]) => `${v}:${l}`).join(" ")} default:${this.defaultLabel}>`;
  }
}

/** The driver of a jit_merge_point / loop_header (greens then reds, by kind). */
export class DriverDescr {
  constructor(
    public driver: JitDriverDesc,
    public greenKinds: Kind[],
    public redKinds: Kind[],
  ) {}
  describe(): string {
    return `<Driver ${this.driver.name} greens=${this.driver.greens.join(",")} reds=${this.driver.reds.join(",")}>`;
  }
}

/** The static operands of any other low-level operation (a size and type id for malloc, a
 *  message for trap, a type-id range for instanceof...), kept as the rtyper made them. */
export class StaticDescr {
  constructor(
    public opname: string,
    public values: unknown[],
  ) {}
  describe(): string {
    return `<${this.opname} ${this.values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v))).join(" ")}>`;
  }
}

export type Descr = FieldDescr | ArrayDescr | ListDescr | CallDescr | JitCodeDescr | SwitchDescr | DriverDescr | StaticDescr;
