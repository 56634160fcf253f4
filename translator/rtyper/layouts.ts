// Type ids and instance layouts of the classes the annotator saw. Type ids are given in
// preorder over the class tree, so `x instanceof C` is one range check on x's type id.
import { ClassDesc } from "../frontend/program.ts";
import { ClassDef } from "../annotator/model.ts";
import { FIRST_CLASS_TYPEID, StructLayout } from "./lltype.ts";
import { lltypeOf } from "./rtyper.ts";

export class Layouts {
  private byClass = new Map<ClassDesc, StructLayout>();
  private order: ClassDesc[] = [];

  constructor(classdefs: Map<ClassDesc, ClassDef>) {
    const known = [...classdefs.keys()];
    let next = FIRST_CLASS_TYPEID;
    const visit = (c: ClassDesc, base: StructLayout | null) => {
      const layout = new StructLayout(c.name, next++, 0);
      if (base) {
        for (const [name, f] of base.fields) layout.fields.set(name, f);
        layout.size = base.size;
      }
      const cd = classdefs.get(c)!;
      for (const f of c.fields) {
        const slot = cd.fields.get(f.name);
        if (slot) layout.addField(f.name, lltypeOf(slot.ann));
      }
      this.byClass.set(c, layout);
      this.order.push(c);
      for (const sub of c.subclasses) if (classdefs.has(sub)) visit(sub, layout);
      layout.typeidEnd = next;
    };
    for (const c of known) if (!c.base) visit(c, null);
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

  all(): [ClassDesc, StructLayout][] {
    return [...this.byClass];
  }
}
