// The annotation lattice (RPython's SomeValue family, reduced to what RTS needs).
// Annotations only ever generalize while the annotator runs: `union` is the join.
import { ClassDesc, FunctionDesc, TypedArrayKind } from "../frontend/program.ts";

export type SomeValue =
  | { kind: "impossible" }
  /** `mz`: the operations whose result may be -0 in JS (e.g. `-x` for x = 0). An int holds it
   *  as 0; if such a value reaches a place where -0 is observable, those operations are
   *  re-annotated as floats (see Annotator.observeAsFloat). */
  | { kind: "int"; nonneg: boolean; mz: ReadonlySet<object> }
  | { kind: "float" }
  | { kind: "bool" }
  /** Only null or undefined. `mayBeNull` false: always undefined, which a call or a return
   *  carries as no value at all (void); a null must stay a pointer so `=== null` sees it. */
  | { kind: "none"; mayBeNull: boolean }
  | { kind: "str"; nullable: boolean }
  | { kind: "inst"; classdef: ClassDef; nullable: boolean }
  | { kind: "list"; listdef: ListDef; nullable: boolean }
  | { kind: "typed"; elem: TypedArrayKind; nullable: boolean }
  /** A function value (a closure): one of the functions of its family. */
  | { kind: "fn"; family: FuncFamily; nullable: boolean }
  /** The cell of a local shared with closures (a ListDef with one item; never null). */
  | { kind: "cell"; celldef: ListDef }
  /** A function, class or builtin named by a constant operand (the callee of simple_call...). */
  | { kind: "desc" };

export const s_impossible: SomeValue = { kind: "impossible" };
const NO_MZ: ReadonlySet<object> = new Set();
export const s_int: SomeValue = { kind: "int", nonneg: false, mz: NO_MZ };
export const s_nonneg: SomeValue = { kind: "int", nonneg: true, mz: NO_MZ };

/** An int that may be -0 because of `sources` (and of the mz sources of `inputs`). */
export function mzInt(sources: ReadonlySet<object>): SomeValue {
  return sources.size === 0 ? s_int : { kind: "int", nonneg: false, mz: sources };
}

export function mzUnion(...sets: ReadonlySet<object>[]): ReadonlySet<object> {
  const nonEmpty = sets.filter((x) => x.size > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? NO_MZ;
  return new Set(nonEmpty.flatMap((x) => [...x]));
}
export const s_float: SomeValue = { kind: "float" };
export const s_bool: SomeValue = { kind: "bool" };
export const s_none: SomeValue = { kind: "none", mayBeNull: false };
export const s_null: SomeValue = { kind: "none", mayBeNull: true };
export const s_str: SomeValue = { kind: "str", nullable: false };
export const s_desc: SomeValue = { kind: "desc" };

/** Something the annotator re-examines when an annotation it read generalizes. */
export type Reader = object;

/** What the annotator knows about a class: the annotation of each field it declares. */
export class ClassDef {
  fields = new Map<string, { ann: SomeValue; readers: Set<Reader> }>();
  /** Instances (of this root class and its subclasses) are Map keys: they need an identity hash. */
  identityHashed = false;
  /** Set for the union of unrelated classes (a value typed by an interface they implement,
   *  or by a union type): the classes, none a subclass of another. Its `desc` is a stand-in
   *  with no fields or methods: operations look at the members. */
  members: ClassDef[] | null = null;
  constructor(public desc: ClassDesc) {}

  /** The annotation slot of a field this class declares (impossible until assigned). */
  slot(name: string): { ann: SomeValue; readers: Set<Reader> } {
    let slot = this.fields.get(name);
    if (!slot) {
      slot = { ann: s_impossible, readers: new Set() };
      this.fields.set(name, slot);
    }
    return slot;
  }
  describe(): string {
    return this.desc.name;
  }
}

/** The item type shared by every list that can flow to the same place (merged on union). */
export class ListDef {
  private parent: ListDef | null = null;
  private itemAnn: SomeValue = s_impossible;
  private readers = new Set<Reader>();

  find(): ListDef {
    let d: ListDef = this;
    while (d.parent) d = d.parent;
    return d;
  }

  get item(): SomeValue {
    return this.find().itemAnn;
  }

  addReader(r: Reader): void {
    this.find().readers.add(r);
  }

  /** Generalizes the item type; returns the readers to reflow when it changed. */
  generalize(ann: SomeValue): Set<Reader> {
    const root = this.find();
    const u = union(root.itemAnn, ann);
    if (sameAnnotation(u, root.itemAnn)) return new Set();
    root.itemAnn = u;
    return root.readers;
  }

  /** Makes both lists one; returns the readers to reflow. */
  merge(other: ListDef): Set<Reader> {
    const a = this.find();
    const b = other.find();
    if (a === b) return new Set();
    b.parent = a;
    for (const r of b.readers) a.readers.add(r);
    const changedA = !sameAnnotation(union(a.itemAnn, b.itemAnn), a.itemAnn);
    const changedB = !sameAnnotation(union(a.itemAnn, b.itemAnn), b.itemAnn);
    a.itemAnn = union(a.itemAnn, b.itemAnn);
    return changedA || changedB ? a.readers : new Set();
  }
}

/** The functions that can flow to the same call sites (RPython's call families): they are
 *  all called with the union of the arguments of those sites, and their results are merged,
 *  so that they share one low-level signature and a call through the table works for each. */
export class FuncFamily {
  private parent: FuncFamily | null = null;
  members = new Set<FunctionDesc>();
  /** Annotations of the parameters after the closure object (the widest call decides the count). */
  params: SomeValue[] = [];
  result: SomeValue = s_impossible;
  readers = new Set<Reader>();

  constructor(member: FunctionDesc) {
    this.members.add(member);
  }

  find(): FuncFamily {
    let f: FuncFamily = this;
    while (f.parent) f = f.parent;
    return f;
  }

  /** Widens the parameters with one call's arguments; true when something changed. */
  generalizeParams(args: SomeValue[], unite: (a: SomeValue, b: SomeValue, i: number) => SomeValue): boolean {
    const root = this.find();
    let changed = false;
    args.forEach((x, i) => {
      const old = root.params[i] ?? s_impossible;
      const u = unite(old, x, i);
      if (i >= root.params.length || !sameAnnotation(u, old)) changed = true;
      root.params[i] = u;
    });
    return changed;
  }

  /** Makes both families one; returns the readers to reflow (every call site of either). */
  merge(other: FuncFamily): Set<Reader> {
    const a = this.find();
    const b = other.find();
    if (a === b) return new Set();
    b.parent = a;
    for (const m of b.members) a.members.add(m);
    for (const r of b.readers) a.readers.add(r);
    b.params.forEach((x, i) => (a.params[i] = union(a.params[i] ?? s_impossible, x)));
    a.result = union(a.result, b.result);
    return a.readers;
  }
}

export class UnionError extends Error {
  constructor(
    public a: SomeValue,
    public b: SomeValue,
  ) {
    super(`cannot combine ${describe(a)} and ${describe(b)}`);
  }
}

export function union(a: SomeValue, b: SomeValue): SomeValue {
  if (a.kind === "impossible") return b;
  if (b.kind === "impossible") return a;
  if (a.kind === "none" && b.kind === "none") return a.mayBeNull ? a : b;
  if (a.kind === "none") return nullable(b, a, b);
  if (b.kind === "none") return nullable(a, a, b);
  switch (a.kind) {
    case "int":
      if (b.kind === "int") {
        const mz = mzUnion(a.mz, b.mz);
        return a.nonneg && b.nonneg && mz.size === 0 ? s_nonneg : mzInt(mz);
      }
      if (b.kind === "float") return s_float;
      break;
    case "float":
      if (b.kind === "int" || b.kind === "float") return s_float;
      break;
    case "bool":
      if (b.kind === "bool") return a;
      break;
    case "str":
      if (b.kind === "str") return { kind: "str", nullable: a.nullable || b.nullable };
      break;
    case "inst":
      if (b.kind === "inst") {
        const common = commonBase(a.classdef, b.classdef);
        const cd = common ?? classUnion([...membersOf(a.classdef), ...membersOf(b.classdef)]);
        return { kind: "inst", classdef: cd, nullable: a.nullable || b.nullable };
      }
      break;
    case "list":
      if (b.kind === "list") {
        // Merging is a side effect on the listdefs: their readers must see the new item type.
        reflowHook(a.listdef.merge(b.listdef));
        return { kind: "list", listdef: a.listdef.find(), nullable: a.nullable || b.nullable };
      }
      break;
    case "typed":
      if (b.kind === "typed" && a.elem === b.elem) return { kind: "typed", elem: a.elem, nullable: a.nullable || b.nullable };
      break;
    case "fn":
      if (b.kind === "fn") {
        reflowHook(a.family.merge(b.family));
        return { kind: "fn", family: a.family.find(), nullable: a.nullable || b.nullable };
      }
      break;
    case "cell":
      if (b.kind === "cell") {
        reflowHook(a.celldef.merge(b.celldef));
        return { kind: "cell", celldef: a.celldef.find() };
      }
      break;
  }
  throw new UnionError(a, b);
}

function nullable(x: SomeValue, a: SomeValue, b: SomeValue): SomeValue {
  if (x.kind === "str" || x.kind === "inst" || x.kind === "list" || x.kind === "typed" || x.kind === "fn") return { ...x, nullable: true };
  throw new UnionError(a, b);
}

/** Set by the annotator: schedules readers whose view of a list's item type changed. */
let reflowHook: (readers: Set<Reader>) => void = () => {};
export function installReflowHook(f: (readers: Set<Reader>) => void): void {
  reflowHook = f;
}

/** The ClassDef of the nearest common base class; the annotator registers defs for all classes. */
let classdefOf: (desc: ClassDesc) => ClassDef = () => {
  throw new Error("classdef lookup not installed");
};
export function installClassdefLookup(f: (desc: ClassDesc) => ClassDef): void {
  classdefOf = f;
}

/** The classes a class or class union stands for. */
export function membersOf(cd: ClassDef): ClassDef[] {
  return cd.members ?? [cd];
}

/** Set by the annotator: the (interned) union classdef of classes without a common base. */
let classUnion: (members: ClassDef[]) => ClassDef = () => {
  throw new Error("class union lookup not installed");
};
export function installClassUnion(f: (members: ClassDef[]) => ClassDef): void {
  classUnion = f;
}

function commonBase(a: ClassDef, b: ClassDef): ClassDef | null {
  if (a === b) return a;
  if (a.members || b.members) return null; // a union's stand-in class has no subclasses
  for (let c: ClassDesc | null = a.desc; c; c = c.base) if (b.desc.isSubclassOf(c)) return classdefOf(c);
  return null;
}

export function sameAnnotation(a: SomeValue, b: SomeValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "int":
      return a.nonneg === (b as typeof a).nonneg && a.mz.size === (b as typeof a).mz.size;
    case "str":
      return a.nullable === (b as typeof a).nullable;
    case "inst":
      return a.classdef === (b as typeof a).classdef && a.nullable === (b as typeof a).nullable;
    case "list":
      return a.listdef.find() === (b as typeof a).listdef.find() && a.nullable === (b as typeof a).nullable;
    case "typed":
      return a.elem === (b as typeof a).elem && a.nullable === (b as typeof a).nullable;
    case "fn":
      return a.family.find() === (b as typeof a).family.find() && a.nullable === (b as typeof a).nullable;
    case "cell":
      return a.celldef.find() === (b as typeof a).celldef.find();
    case "none":
      return a.mayBeNull === (b as typeof a).mayBeNull;
    default:
      return true;
  }
}

/** Always undefined: no value at the low level (a function's result, a call's result). */
export function isUndefinedOnly(a: SomeValue): boolean {
  return a.kind === "none" && !a.mayBeNull;
}

export function isNumber(a: SomeValue): boolean {
  return a.kind === "int" || a.kind === "float";
}

export function describe(a: SomeValue): string {
  switch (a.kind) {
    case "int":
      return a.nonneg ? "int(nonneg)" : a.mz.size ? "int(maybe -0)" : "int";
    case "str":
      return a.nullable ? "string | null" : "string";
    case "inst":
      return a.nullable ? `${a.classdef.describe()} | null` : a.classdef.describe();
    case "list":
      return `${describe(a.listdef.item)}[]${a.nullable ? " | null" : ""}`;
    case "typed":
      return `${a.elem}array${a.nullable ? " | null" : ""}`;
    case "fn":
      return `function${a.nullable ? " | null" : ""}`;
    case "cell":
      return `cell of ${describe(a.celldef.item)}`;
    default:
      return a.kind;
  }
}
