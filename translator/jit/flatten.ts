// A low-level graph -> SSARepr (RPython's codewriter/flatten.py): blocks are laid out one
// after the other, each starting with a label; a link becomes copies of its arguments into
// the target block's input variables, then a jump; a boolean exitswitch becomes
// goto_if_not, an integer one a switch with a SwitchDescr. Links to the return block become
// int_return / ref_return / float_return / void_return.
import { Block, Constant, DEFAULT_CASE, Graph, Link, Variable } from "../flowgraph/model.ts";
import { SwitchDescr } from "./descr.ts";
import { DescrTable, JTransformer } from "./jtransform.ts";
import { cleanJumps } from "./jumps.ts";
import { Insn, kindOf, Label, SSARepr } from "./ssarepr.ts";

const RETURN: Record<string, string> = { i: "int_return", r: "ref_return", f: "float_return" };

export function flatten(g: Graph, jt: JTransformer, descrs: DescrTable): SSARepr {
  const blocks = g.blocks().filter((b) => b !== g.returnblock);
  const labelOf = new Map<Block, Label>(blocks.map((b, i) => [b, new Label(`L${i}`)]));
  const items: (Insn | Label)[] = [];
  let extra = 0;
  const freshLabel = () => new Label(`L${blocks.length + extra++}`);

  /** Copies into the target's inputs, then the jump (or the return). */
  const follow = (link: Link, next: Block | undefined) => {
    if (link.target === g.returnblock) {
      const v = link.args[0];
      const k = kindOf(g.getReturnVar());
      items.push(k ? new Insn(RETURN[k], [v]) : new Insn("void_return", []));
      return;
    }
    link.args.forEach((a, i) => {
      const to = link.target.inputargs[i];
      if (a !== to) {
        const c = jt.copy(a, to);
        if (c) items.push(c);
      }
    });
    if (link.target !== next) items.push(new Insn("goto", [labelOf.get(link.target)!]));
  };

  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    items.push(labelOf.get(b)!);
    for (const op of b.operations) items.push(...jt.transform(op));
    if (b.exits.length === 0) return; // ends in a trap
    const sw = b.exitswitch;
    if (sw === null || b.exits.length === 1) return follow(b.exits[0], next);
    if (sw instanceof Constant) return follow(b.exits.find((l) => l.exitcase === sw.value) ?? b.exits[b.exits.length - 1], next);
    if (b.exits.length === 2 && typeof b.exits[0].exitcase === "boolean") {
      const ifTrue = b.exits.find((l) => l.exitcase === true)!;
      const ifFalse = b.exits.find((l) => l.exitcase === false)!;
      const falseLabel = freshLabel();
      items.push(new Insn("goto_if_not", [sw as Variable, falseLabel]));
      follow(ifTrue, undefined);
      items.push(falseLabel);
      return follow(ifFalse, next);
    }
    // An integer switch: one label per case link, the default link last.
    const cases = b.exits.filter((l) => l.exitcase !== DEFAULT_CASE);
    const dflt = b.exits.find((l) => l.exitcase === DEFAULT_CASE)!;
    const caseLabels = cases.map(() => freshLabel());
    const defaultLabel = freshLabel();
    const descr = descrs.intern(new SwitchDescr(new Map(cases.map((l, k) => [Number(l.exitcase), caseLabels[k].name])), defaultLabel.name),
      `switch#${descrs.descrs.length}`);
    items.push(new Insn("switch", [sw as Variable, descr]));
    items.push(new Insn("goto", [defaultLabel]));
    cases.forEach((l, k) => {
      items.push(caseLabels[k]);
      follow(l, undefined);
    });
    items.push(defaultLabel);
    follow(dflt, next);
  });
  return new SSARepr(g.name, g.startblock.inputargs.filter((v) => kindOf(v)), cleanJumps(items));
}
