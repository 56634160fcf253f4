// Jump cleanup on a flattened function: the graphs have many blocks that only jump on (the
// builder's joins), which flatten turns into `goto` chains. A label whose code is just
// `goto M` is replaced by M everywhere, a goto to the very next instruction is dropped, and
// so is code no jump reaches.
import { SwitchDescr } from "./descr.ts";
import { endsFlow, Insn, Label } from "./ssarepr.ts";

export function cleanJumps(items: (Insn | Label)[]): (Insn | Label)[] {
  for (;;) {
    const before = items.length;
    threadJumps(items);
    items = dropFallthroughGotos(removeUnreachable(items));
    if (items.length === before) return items;
  }
}

/** Retargets jumps to a label whose code is only `goto M` to M. */
function threadJumps(items: (Insn | Label)[]): void {
  const forward = new Map<string, string>();
  items.forEach((item, i) => {
    if (!(item instanceof Label)) return;
    let k = i + 1;
    while (items[k] instanceof Label) k++;
    const next = items[k];
    if (next instanceof Insn && next.opname === "goto") forward.set(item.name, (next.args[0] as Label).name);
  });
  const resolve = (name: string): string => {
    const seen = new Set<string>();
    while (forward.has(name) && !seen.has(name)) {
      seen.add(name);
      name = forward.get(name)!;
    }
    return name;
  };
  for (const item of items) {
    if (!(item instanceof Insn)) continue;
    item.args = item.args.map((a) => (a instanceof Label ? new Label(resolve(a.name)) : a));
    const d = item.args.find((a) => a instanceof SwitchDescr) as SwitchDescr | undefined;
    if (d) {
      for (const [v, l] of d.labels) d.labels.set(v, resolve(l));
      d.defaultLabel = resolve(d.defaultLabel);
    }
  }
}

/** Drops code after a jump or return up to the next label some jump names. */
function removeUnreachable(items: (Insn | Label)[]): (Insn | Label)[] {
  const referenced = new Set<string>();
  for (const item of items) {
    if (!(item instanceof Insn)) continue;
    for (const a of item.args) {
      if (a instanceof Label) referenced.add(a.name);
      if (a instanceof SwitchDescr) [...a.labels.values(), a.defaultLabel].forEach((l) => referenced.add(l));
    }
  }
  const out: (Insn | Label)[] = [];
  let reachable = true;
  items.forEach((item, i) => {
    if (item instanceof Label) {
      if (referenced.has(item.name) || i === 0) {
        reachable = true;
        out.push(item);
      }
      return;
    }
    if (!reachable) return;
    out.push(item);
    if (endsFlow(item)) reachable = false;
  });
  return out;
}

/** Drops a goto when only labels stand between it and its target. */
function dropFallthroughGotos(items: (Insn | Label)[]): (Insn | Label)[] {
  return items.filter((item, i) => {
    if (!(item instanceof Insn) || item.opname !== "goto") return true;
    const target = (item.args[0] as Label).name;
    for (let k = i + 1; items[k] instanceof Label; k++) if ((items[k] as Label).name === target) return false;
    return true;
  });
}
