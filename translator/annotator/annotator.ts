// Whole-program type inference (RPython's annrpython.py): starting from `main` and the
// runtime helpers, blocks are annotated to a fixpoint. Each block is (re)flowed whenever
// the annotation of one of its inputs, of a field, of a list item or of a callee's result
// that it read has generalized.
import { Block, Constant, Graph, LAST_EXCEPTION, Link, Operation, Value, Variable } from "../flowgraph/model.ts";
import { formatLoc, SourceLoc } from "../flowgraph/source.ts";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { Builtin, ClassDesc, FunctionDesc, ImportedFunction, JitDriverDesc, NumberKind, Program, typedArrayKindOf } from "../frontend/program.ts";
import { UNINITIALIZED } from "../frontend/build-context.ts";
import {
  ClassDef, describe, FuncFamily, installClassdefLookup, installClassUnion, installReflowHook, ListDef, Reader, s_bool, s_float, s_impossible, s_int, s_nonneg,
  s_desc, s_none, s_null, s_str, sameAnnotation, SomeValue, union, UnionError,
} from "./model.ts";
import { consider } from "./operations.ts";

/** Per-function state: the graph and who called it (reflowed when the result generalizes). */
export class FuncInfo {
  callers = new Set<Reader>();
  constructor(public desc: FunctionDesc) {}
  get graph(): Graph {
    return this.desc.graph;
  }
}

/** Thrown when an operation must be re-annotated as a float: annotation starts over. */
export class Restart extends Error {}

export class Annotator {
  classdefs = new Map<ClassDesc, ClassDef>();
  funcs = new Map<FunctionDesc, FuncInfo>();
  /** Lists created by each `newlist` op and each prebuilt array, stable across reflows. */
  listdefs = new Map<object, ListDef>();
  /** The family each function used as a value starts in (families merge as values meet). */
  families = new Map<FunctionDesc, FuncFamily>();
  /** Per closure function: the annotation of each value it captures. */
  captures = new Map<FunctionDesc, Slot[]>();
  private pending = new Set<Block>();
  /** Operations that failed to annotate. An input may still generalize (e.g. from null to a
   *  nullable string), so the error only counts if it remains at the fixpoint. */
  private deferred = new Map<Operation, RtsError>();
  private annotated = new Set<Block>();
  private blockFunc = new Map<Block, FuncInfo>();
  /** The block being flowed: the reader registered by every lookup. */
  current: Block | null = null;

  constructor(
    public program: Program,
    /** Operations whose int result could be -0 where -0 is observable: annotated as floats. */
    public forcedFloat: Set<object>,
  ) {
    installClassdefLookup((d) => this.classdef(d));
    installReflowHook((readers) => this.reflowAll(readers));
    installClassUnion((members) => this.classUnion(members));
  }

  private unions = new Map<string, ClassDef>();

  /** One classdef per set of unrelated classes (subclasses of a member are left out: the
   *  member covers them). */
  classUnion(members: ClassDef[]): ClassDef {
    const set = [...new Set(members)].filter((m) => !members.some((o) => o !== m && m.desc.isSubclassOf(o.desc)));
    if (set.length === 1) return set[0];
    set.sort((x, y) => (x.desc.name < y.desc.name ? -1 : x.desc.name > y.desc.name ? 1 : 0));
    const key = set.map((m) => m.desc.name).join(" | ");
    let cd = this.unions.get(key);
    if (!cd) {
      const stand = new ClassDesc(key, set[0].desc.decl, true, null);
      cd = new ClassDef(stand);
      cd.members = set;
      this.unions.set(key, cd);
    }
    return cd;
  }

  /** `x` is about to be used as a float (where JS could observe -0): if it is an int that may
   *  be -0, the operations that may have produced -0 become float operations. */
  observeAsFloat(x: SomeValue): void {
    if (x.kind !== "int" || x.mz.size === 0) return;
    const before = this.forcedFloat.size;
    for (const op of x.mz) this.forcedFloat.add(op);
    if (this.forcedFloat.size === before) throw new Error("annotator: -0 tracking made no progress");
    throw new Restart();
  }

  classdef(desc: ClassDesc): ClassDef {
    let cd = this.classdefs.get(desc);
    if (!cd) {
      cd = new ClassDef(desc);
      this.classdefs.set(desc, cd);
      if (desc.base) this.classdef(desc.base);
      for (const f of desc.fields) if (f.startsUndefined) cd.slot(f.name).ann = s_none;
    }
    return cd;
  }

  listdefFor(key: object): ListDef {
    let ld = this.listdefs.get(key);
    if (!ld) {
      ld = new ListDef();
      this.listdefs.set(key, ld);
    }
    return ld;
  }

  // ---- driving --------------------------------------------------------------------------

  /** Annotates a function called with the given argument annotations; returns its result. */
  call(desc: FunctionDesc, args: SomeValue[], at: Operation | null): SomeValue {
    let info = this.funcs.get(desc);
    if (!info) {
      info = new FuncInfo(desc);
      this.funcs.set(desc, info);
      for (const b of desc.graph.blocks()) this.blockFunc.set(b, info);
    }
    const g = desc.graph;
    if (args.length !== g.startblock.inputargs.length) {
      throw new RtsError(at?.loc ?? desc.loc, `${desc.name} expects ${g.startblock.inputargs.length} arguments, got ${args.length}`);
    }
    const kinds: NumberKind[] = desc.hasSelf ? [null, ...desc.paramKinds] : desc.paramKinds;
    // Parameters are numbered as declared (`this` or the closure object comes first in args).
    const first = desc.hasSelf ? 0 : 1;
    const cells = args.map((a, i) => this.pinKind(a, kinds[i], `parameter ${i + first} of ${desc.name}`, at));
    if (this.current) info.callers.add(this.current);
    this.flowInto(g.startblock, cells, at);
    const ret = g.getReturnVar().annotation as SomeValue | undefined;
    return this.pinKind(ret ?? s_impossible, desc.returnKind, `the result of ${desc.name}`, at);
  }

  /** Applies an `int` / `float` declaration to an annotation flowing into the slot. */
  pinKind(a: SomeValue, kind: NumberKind, slot: string, at: Operation | null): SomeValue {
    if (kind === null || a.kind === "impossible") return a;
    if (kind === "float" && (a.kind === "int" || a.kind === "float")) {
      this.observeAsFloat(a);
      return s_float;
    }
    if (kind === "int" && a.kind === "int") return s_int;
    throw new RtsError(at?.loc ?? null, `${slot} is declared ${kind} but receives ${describe(a)}`,
      kind === "int" ? "convert explicitly with toInt() from rlib/rarith.ts" : null);
  }

  private flowInto(block: Block, cells: SomeValue[], at: Operation | Link | null): void {
    const first = !this.annotated.has(block);
    let changed = first;
    block.inputargs.forEach((v, i) => {
      const old = (v.annotation as SomeValue | undefined) ?? s_impossible;
      const u = this.unionAt(old, cells[i], at, () => describeVariable(v.hint), v);
      if (first || !sameAnnotation(u, old)) {
        v.annotation = u;
        this.recordOrigin(v, at);
        changed = true;
      }
    });
    if (!changed) return;
    this.annotated.add(block);
    const info = this.blockFunc.get(block);
    if (info && block === info.graph.returnblock) {
      for (const c of info.callers) this.reflow(c);
    } else {
      this.pending.add(block);
    }
  }

  reflow(r: Reader): void {
    if (r instanceof Block && this.annotated.has(r)) this.pending.add(r);
  }

  reflowAll(readers: Iterable<Reader>): void {
    for (const r of readers) this.reflow(r);
  }

  /** Where each variable or field last took a more general annotation: errors cite it. */
  private origins = new Map<object, SourceLoc | null>();

  private recordOrigin(key: object, at: Operation | Link | null): void {
    this.origins.set(key, at instanceof Operation ? at.loc : at instanceof Link ? linkLoc(at) : null);
  }

  /** The union, or an error naming the slot (`what`) and, when known, where its old type came from. */
  unionAt(a: SomeValue, b: SomeValue, at: Operation | Link | null, what: () => string, key: object | null = null,
    hint = "RTS values have one static type: use separate variables, or a common base class"): SomeValue {
    try {
      const u = union(a, b);
      if (u.kind === "float") {
        this.observeAsFloat(a);
        this.observeAsFloat(b);
      }
      return u;
    } catch (e) {
      if (!(e instanceof UnionError)) throw e;
      const loc = at instanceof Operation ? at.loc : at instanceof Link ? linkLoc(at) : null;
      const origin = key ? this.origins.get(key) : null;
      const notes = origin ? [`it holds ${describe(a)} because of ${formatLoc(origin)}`] : [];
      throw new RtsError(loc, `${what()} would hold both ${describe(e.a)} and ${describe(e.b)}`,
        hint, notes);
    }
  }

  complete(): void {
    while (this.pending.size > 0) {
      const block: Block = this.pending.values().next().value!;
      this.pending.delete(block);
      this.flowBlock(block);
    }
    const [first] = this.deferred.values();
    if (first) throw first;
  }

  /** What `catch (e)` receives: an Error (only Error instances can be thrown). */
  caughtAnnotation(): SomeValue {
    return { kind: "inst", classdef: this.classdef(this.program.errorClass), nullable: false };
  }

  private flowBlock(block: Block): void {
    this.current = block;
    try {
      const excLink = block.exceptionLink;
      for (const op of block.operations) {
        // An input that has no annotation yet blocks the rest of the block until it gets one.
        if (op.args.some((a) => this.annotation(a).kind === "impossible")) return;
        let r: SomeValue;
        try {
          r = consider(this, op);
          this.deferred.delete(op);
        } catch (e) {
          if (!(e instanceof RtsError)) throw e;
          this.deferred.set(op, e);
          return;
        }
        const old = (op.result.annotation as SomeValue | undefined) ?? s_impossible;
        op.result.annotation = this.unionAt(old, r, op, () => `the result of ${op.opname}`);
        if (r.kind === "impossible") {
          // The last operation of a LAST_EXCEPTION block that never returns can still raise.
          if (excLink && op === block.operations[block.operations.length - 1]) this.flowException(excLink);
          return;
        }
      }
      if (excLink) this.flowException(excLink);
      for (const link of block.exits) {
        if (link === excLink) continue;
        if (block.exitswitch instanceof Constant && block.exitswitch !== LAST_EXCEPTION && block.exitswitch.value !== link.exitcase) continue;
        this.flowInto(link.target, link.args.map((a) => this.annotation(a)), link);
      }
    } finally {
      this.current = null;
    }
  }

  private flowException(link: Link): void {
    link.excValue!.annotation = this.caughtAnnotation();
    this.flowInto(link.target, link.args.map((a) => this.annotation(a)), link);
  }

  annotation(v: Value): SomeValue {
    if (v instanceof Variable) return (v.annotation as SomeValue | undefined) ?? s_impossible;
    if (v.annotation === undefined) v.annotation = this.constantAnnotation(v.value, v.numberKind);
    return v.annotation as SomeValue;
  }

  constantAnnotation(value: unknown, kind: NumberKind = null): SomeValue {
    if (value === UNINITIALIZED) return s_impossible;
    if (value === null) return s_null;
    if (value === undefined) return s_none;
    switch (typeof value) {
      case "number":
        return kind === "float" ? s_float : numberAnnotation(value);
      case "boolean":
        return s_bool;
      case "string":
        return s_str;
    }
    if (value instanceof FunctionDesc || value instanceof ClassDesc || value instanceof Builtin || value instanceof ImportedFunction || value instanceof JitDriverDesc) {
      return s_desc;
    }
    return this.prebuiltAnnotation(value as object);
  }

  /** Prebuilt objects seen so far (each is annotated once; structures may be cyclic). */
  readonly prebuilt = new Map<object, SomeValue>();

  /** A prebuilt instance, array or typed array; its contents generalize its fields / items. */
  private prebuiltAnnotation(obj: object): SomeValue {
    const known = this.prebuilt.get(obj);
    if (known) return known;
    const typed = typedArrayKindOf(obj);
    if (typed) {
      const a: SomeValue = { kind: "typed", elem: typed, nullable: false };
      this.prebuilt.set(obj, a);
      return a;
    }
    if (Array.isArray(obj)) {
      const ld = this.listdefFor(obj);
      const a: SomeValue = { kind: "list", listdef: ld, nullable: false };
      this.prebuilt.set(obj, a);
      for (const x of obj) this.reflowAll(ld.generalize(this.constantAnnotation(x)));
      return a;
    }
    const cls = this.program.classOfPrebuilt(obj);
    if (!cls) throw new Error(`prebuilt object of unknown class ${obj.constructor?.name}`);
    const cd = this.classdef(cls);
    const a: SomeValue = { kind: "inst", classdef: cd, nullable: false };
    this.prebuilt.set(obj, a);
    for (let c: ClassDesc | null = cls; c; c = c.base) {
      for (const f of c.fields) {
        const v = (obj as Record<string, unknown>)[f.name];
        if (v !== undefined) this.generalizeField(this.classdef(c), f.name, this.constantAnnotation(v, f.kind), null);
      }
    }
    return a;
  }

  /** Widens a field's annotation; readers of the field reflow when it changed. */
  generalizeField(cd: ClassDef, name: string, v: SomeValue, at: Operation | null): void {
    this.generalizeSlot(cd.slot(name), v, at, () => `field ${cd.desc.name}.${name}`);
  }

  generalizeSlot(slot: Slot, v: SomeValue, at: Operation | null, what: () => string): void {
    const u = this.unionAt(slot.ann, v, at, what, slot);
    const changed = !sameAnnotation(u, slot.ann);
    slot.ann = u;
    if (changed) this.recordOrigin(slot, at);
    if (changed) this.reflowAll(slot.readers);
  }

  // ---- function values ----------------------------------------------------------------------

  familyOf(desc: FunctionDesc): FuncFamily {
    let f = this.families.get(desc);
    if (!f) {
      f = new FuncFamily(desc);
      this.families.set(desc, f);
    }
    return f.find();
  }

  captureSlots(desc: FunctionDesc): Slot[] {
    let slots = this.captures.get(desc);
    if (!slots) {
      slots = desc.captures!.map(() => ({ ann: s_impossible, readers: new Set<Reader>() }));
      this.captures.set(desc, slots);
    }
    return slots;
  }

  /** A call through a function value: every function of the family may be the callee, so
   *  each is annotated with the family's parameters, and the call gives their merged result. */
  callFamily(family: FuncFamily, args: SomeValue[], op: Operation): SomeValue {
    const where = (i: number) => () => `parameter ${i + 1} of the functions called here`;
    const unite = (a: SomeValue, b: SomeValue, i: number) => this.unionAt(a, b, op, where(i));
    if (family.generalizeParams(args, unite)) this.reflowAll(family.find().readers);
    const fam = family.find();
    fam.readers.add(this.current!);
    for (const m of [...fam.members]) {
      const n = m.graph.startblock.inputargs.length - 1;
      if (n > args.length) {
        const name = m.decl ? m.name : m.name.replace(/\.value$/, ""); // a function passed as a value: its adapter
        throw new RtsError(op.loc, `this call passes ${args.length} argument(s), but ${name} (which can be called here) takes ${n}`,
          "pass every parameter the functions that flow here declare");
      }
      const self: SomeValue = { kind: "fn", family: fam, nullable: false };
      const r = this.call(m, [self, ...fam.find().params.slice(0, n)], op);
      // The family's result covers every member's (one return type for the call through the table).
      const root = fam.find();
      const u = this.unionAt(root.result, r, op, () => "the result of the functions that can be called here", null,
        "every function that flows to one call must return the same type (a block body `{ f(x); }` returns nothing)");
      if (!sameAnnotation(u, root.result)) {
        root.result = u;
        this.reflowAll(root.readers);
      }
    }
    return fam.find().result;
  }
}

/** An annotation shared by the readers that looked at it (a field, a captured value). */
export interface Slot {
  ann: SomeValue;
  readers: Set<Reader>;
}

/** An integral number that JS and i64 agree on is an int; everything else is a float. */
export function numberAnnotation(x: number): SomeValue {
  if (Number.isInteger(x) && Math.abs(x) <= 2 ** 53 && !Object.is(x, -0)) return x >= 0 ? s_nonneg : s_int;
  return s_float;
}

function describeVariable(hint: string): string {
  switch (hint) {
    case "and":
    case "or":
      return `the value of this ${hint === "and" ? "&&" : "||"} expression`;
    case "cond":
      return "the value of this ?: expression";
    case "optional":
      return "the value of this ?. expression (undefined when the object is null)";
    case "nullish":
      return "the value of this ?? expression";
    case "t":
      return "a temporary value";
    case "result":
      return "the value this function returns";
    default:
      return `the variable '${hint}'`;
  }
}

function linkLoc(l: Link): SourceLoc | null {
  if (l.loc) return l.loc;
  const ops = l.prevblock?.operations ?? [];
  return ops.length ? ops[ops.length - 1].loc : null;
}
