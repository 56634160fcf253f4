// Type ids and instance layouts of the classes the annotator saw. Type ids are given in
// preorder over the class tree, so `x instanceof C` is one range check on x's type id.
import { ClassDesc, FunctionDesc } from "../frontend/program.ts";
import { ClassDef } from "../annotator/model.ts";
import { Slot } from "../annotator/annotator.ts";
import { CLOSURE, FIRST_CLASS_TYPEID, IDENTITY_HASH, LLType, StructLayout } from "./lltype.ts";
import { lltypeOf } from "./lltype-of.ts";

export class Layouts {
  private byClass = new Map<ClassDesc, StructLayout>();
  private order: ClassDesc[] = [];
  /** Closure objects (one layout per closure function) and cells (one per value type),
   *  with type ids after the classes': the collector traces their pointers like fields. */
  private byClosure = new Map<FunctionDesc, StructLayout>();
  private cells = new Map<LLType, StructLayout>();
  private next = FIRST_CLASS_TYPEID;

  constructor(classdefs: Map<ClassDesc, ClassDef>, captures: Map<FunctionDesc, Slot[]>) {
    const known = [...classdefs.keys()];
    const visit = (c: ClassDesc, base: StructLayout | null) => {
      const layout = new StructLayout(c.name, this.next++, 0);
      if (base) {
        for (const [name, f] of base.fields) layout.fields.set(name, f);
        layout.size = base.size;
      }
      const cd = classdefs.get(c)!;
      if (cd.identityHashed) layout.addField(IDENTITY_HASH, "i64");
      for (const f of c.fields) {
        const slot = cd.fields.get(f.name);
        if (slot && f.quasiImmutable) layout.addQuasiImmutableField(f.name, lltypeOf(slot.ann));
        else if (slot) layout.addField(f.name, lltypeOf(slot.ann), f.readonly, f.virtualizable);
      }
      this.byClass.set(c, layout);
      this.order.push(c);
      for (const sub of c.subclasses) if (classdefs.has(sub)) visit(sub, layout);
      layout.typeidEnd = this.next;
    };
    for (const c of known) if (!c.base) visit(c, null);
    for (const [fn, slots] of captures) {
      const layout = this.struct(`closure ${fn.name}`);
      layout.addField("fn", "i32");
      if (layout.fields.get("fn")!.offset !== CLOSURE.fn) throw new Error("closure layout");
      // Captured values are stored once, when the closure is made (a captured variable
      // that changes is in a cell, which the field points to).
      slots.forEach((s, i) => layout.addField(`c${i}`, lltypeOf(s.ann), true));
      this.byClosure.set(fn, layout);
    }
  }

  private struct(name: string): StructLayout {
    const id = this.next++;
    return new StructLayout(name, id, id + 1);
  }

  ofClosure(fn: FunctionDesc): StructLayout {
    const l = this.byClosure.get(fn);
    if (!l) throw new Error(`no closure layout for ${fn.name}`);
    return l;
  }

  /** The layout of a cell holding a value of type `t` (one field, `value`). */
  cell(t: LLType): StructLayout {
    const kind = t === "ptr" ? "ptr" : "i64"; // only whether the collector traces it matters
    let l = this.cells.get(kind);
    if (!l) {
      l = this.struct(`cell ${kind}`);
      l.addField("value", kind);
      this.cells.set(kind, l);
    }
    return l;
  }

  ofClass(c: ClassDesc): StructLayout {
    const l = this.byClass.get(c);
    if (!l) throw new Error(`no layout for ${c.name}`);
    return l;
  }

  /** The class and its subclasses, in type-id order. */
  subtreeInTypeidOrder(c: ClassDesc): ClassDesc[] {
    const l = this.ofClass(c);
    return this.order.filter((x) => {
      const id = this.byClass.get(x)!.typeid;
      return id >= l.typeid && id < l.typeidEnd;
    });
  }

  /** Every layout with its own type id: classes, closures, cells. */
  all(): StructLayout[] {
    return [...this.byClass.values(), ...this.byClosure.values(), ...this.cells.values()];
  }
}
