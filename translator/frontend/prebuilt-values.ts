// The objects module initialization built (prebuilt.ts), as the translated program sees
// them. They are walked once from each module-level binding or static field the code uses,
// *with their TypeScript type*: a JS object only knows its constructor, and the class of an
// instance of a generic class (`Box<number>`) takes its type arguments from the declared
// type of the binding, field or array that holds it.
//
// JS's Maps and Sets become stand-in objects laid out as the rlib/collections.ts classes
// (OrderedMap / OrderedSet and their OrderedTable) holding the same entries in the same
// order, but with no hash index: the translated hashes of strings, numbers and objects
// differ from anything the translator could compute (an object's identity hash is set
// at allocation), so the program rebuilds each index when it starts (`rehashFunction`).
import { ts } from "ts-morph";
import { Block, Constant, Graph, Link, Operation, Variable } from "../flowgraph/model.ts";
import { ClassDesc, FunctionDesc, typedArrayKindOf } from "./program.ts";
import { reject } from "./subset.ts";
import { collectionOf } from "./collections.ts";
import { concreteType, TypeArg, typeArguments } from "./generics.ts";

/** What the walk needs from the frontend. */
export interface PrebuiltContext {
  checker: ts.TypeChecker;
  classFor(decl: ts.ClassDeclaration, typeArgs: readonly TypeArg[]): ClassDesc;
  /** The class declaration of a JS constructor module initialization ran, or undefined. */
  classDeclOf(constructor: unknown): ts.ClassDeclaration | undefined;
  /** An rlib/collections.ts class by name. */
  collectionClass(name: string): ts.ClassDeclaration;
}

/** Index size of a prebuilt table: as OrderedTable's resize, at most 2/3 full with one more entry. */
function slotCount(entries: number): number {
  let n = 8;
  while (n < (entries + 1) * 3) n = n * 2;
  return n;
}

export class PrebuiltValues {
  /** The class of each prebuilt instance and stand-in. */
  private classes = new Map<object, ClassDesc>();
  /** The stand-in of each prebuilt Map and Set. */
  private standIns = new Map<object, object>();
  /** Arrays already walked (with the type of their first use). */
  private arrays = new Set<object>();
  /** The stand-in tables, whose index the program builds at start-up. */
  private tables: object[] = [];

  constructor(private ctx: PrebuiltContext) {}

  classOf(obj: object): ClassDesc | null {
    return this.classes.get(obj) ?? null;
  }

  /** Makes `value` (of type `type`, used at `at`) and what it refers to ready for
   *  translation; returns what the translated program holds instead (a Map's stand-in). */
  register(value: unknown, type: TypeArg, at: ts.Node): unknown {
    if (typeof value === "function") reject(at, "a function used as a value (a module-level binding holding a function)");
    if (value === null || typeof value !== "object" || typedArrayKindOf(value)) return value;
    const standIn = this.standIns.get(value);
    if (standIn) return standIn;
    if (this.classes.has(value) || this.arrays.has(value)) return value;
    if (value instanceof Map || value instanceof Set) return this.collection(value, type, at);
    if (Array.isArray(value)) {
      this.arrays.add(value);
      const t = this.concrete(type);
      const item = this.ctx.checker.getIndexTypeOfType(t.type, ts.IndexKind.Number);
      if (!item) return reject(at, "a prebuilt array held where its element type is not known");
      value.forEach((x, i) => (value[i] = this.register(x, { type: item, env: t.env }, at)));
      return value;
    }
    const decl = this.ctx.classDeclOf(Object.getPrototypeOf(value)?.constructor);
    if (!decl) {
      return reject(at, `a prebuilt ${value.constructor?.name ?? "object"} (module initialization may only build RTS class instances, arrays, typed arrays, Maps and Sets)`);
    }
    this.instance(value as Record<string, unknown>, this.classOfInstance(decl, type, at), at);
    return value;
  }

  /** The type without its type parameters (read in their instantiation) and null. */
  private concrete(type: TypeArg): TypeArg {
    const t = concreteType(type.type, type.env);
    return { type: this.ctx.checker.getNonNullableType(t.type), env: t.env };
  }

  /** The instantiation of `decl` an instance held where `type` is expected belongs to. */
  private classOfInstance(decl: ts.ClassDeclaration, type: TypeArg, at: ts.Node): ClassDesc {
    if (!decl.typeParameters) return this.ctx.classFor(decl, []);
    const t = this.concrete(type);
    if (t.type.symbol?.valueDeclaration !== decl) {
      return reject(at, `a prebuilt instance of the generic class ${decl.name!.text} held where its type arguments are not known`);
    }
    return this.ctx.classFor(decl, typeArguments(this.ctx.checker, t.type).map((a) => ({ type: a, env: t.env })));
  }

  /** Walks the fields of an instance of `cls`, each with the type its class declares. */
  private instance(obj: Record<string, unknown>, cls: ClassDesc, at: ts.Node): void {
    this.classes.set(obj, cls);
    for (let c: ClassDesc | null = cls; c; c = c.base) {
      for (const f of c.fields) {
        const node = fieldDeclaration(c.decl, f.name);
        if (!node) continue; // a field of a built-in base class (rlib/errors.ts declares them all)
        obj[f.name] = this.register(obj[f.name], { type: this.ctx.checker.getTypeAtLocation(node), env: c.typeEnv }, at);
      }
    }
  }

  /** A Map or Set: an OrderedMap / OrderedSet stand-in with the entries, in order. */
  private collection(value: Map<unknown, unknown> | Set<unknown>, type: TypeArg, at: ts.Node): object {
    const t = this.concrete(type);
    const c = collectionOf(this.ctx.checker, t.type);
    const kind = value instanceof Map ? "Map" : "Set";
    if (!c || c.kind !== kind) return reject(at, `a prebuilt ${kind} held where its key and value types are not known`);
    const keys = value instanceof Map ? [...value.keys()] : [...value];
    const values = value instanceof Map ? [...value.values()] : keys.map(() => true);
    const table = { slots: new Int32Array(slotCount(keys.length)), keys, values, hashes: keys.map(() => 0), live: keys.length, next: null, wasCleared: false };
    const standIn = { table, size: keys.length };
    this.standIns.set(value, standIn);
    this.tables.push(table);
    const decl = this.ctx.collectionClass(kind === "Map" ? "OrderedMap" : "OrderedSet");
    const args = (kind === "Map" ? [c.key, c.value] : [c.key]).map((a) => ({ type: a, env: t.env }));
    const cls = this.ctx.classFor(decl, args);
    this.instance(table, this.tableClass(cls), at);
    this.instance(standIn, cls, at);
    return standIn;
  }

  /** The OrderedTable class of a collection class, from OrderedCollection's declaration
   *  `table: OrderedTable<K, V>` (a Set's table is an OrderedTable<T, boolean>). */
  private tableClass(collection: ClassDesc): ClassDesc {
    const base = collection.base!;
    const t = concreteType(this.ctx.checker.getTypeAtLocation(fieldDeclaration(base.decl, "table")!), base.typeEnv);
    const args = typeArguments(this.ctx.checker, t.type).map((a) => ({ type: a, env: t.env }));
    return this.ctx.classFor(this.ctx.collectionClass("OrderedTable"), args);
  }

  /** The function the program runs before main when there are prebuilt tables: it builds
   *  each one's hash index (OrderedTable.rehash), or null. */
  rehashFunction(): FunctionDesc | null {
    if (this.tables.length === 0) return null;
    const desc = new FunctionDesc("prebuilt.rehashTables", null, null);
    const start = new Block([]);
    for (const table of this.tables) {
      const rehash = this.classes.get(table)!.methods.get("rehash")!;
      start.operations.push(new Operation("simple_call", [new Constant(rehash), new Constant(table)], new Variable("none")));
    }
    desc.graph = new Graph(desc.name, start);
    start.closeWith([new Link([new Constant(undefined)], desc.graph.returnblock)]);
    return desc;
  }
}

/** The node that declares field `name` of a class: a property or a parameter property. */
function fieldDeclaration(decl: ts.ClassDeclaration, name: string): ts.Node | undefined {
  for (const m of decl.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) return m.name;
    if (ts.isConstructorDeclaration(m)) {
      const p = m.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === name);
      if (p) return p.name;
    }
  }
  return undefined;
}
