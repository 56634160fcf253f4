// Text form of graphs, used by `rts translate --dump=STAGE` and by tests.
import { Block, Constant, DEFAULT_CASE, Graph, Value, Variable } from "./model.ts";

/** Describes the type attached to a value by a stage (annotation or low-level type). */
export type TypeNamer = (v: Value) => string | null;

export function formatConstant(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || value === undefined || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "object" && "describe" in (value as object)) return (value as { describe(): string }).describe();
  return String(value);
}

export function formatValue(v: Value, typeName?: TypeNamer): string {
  const base = v instanceof Variable ? v.name : formatConstant((v as Constant).value);
  const t = typeName?.(v);
  return t ? `${base}: ${t}` : base;
}

export function printGraph(g: Graph, typeName?: TypeNamer): string {
  const blocks = g.blocks();
  const index = new Map<Block, number>(blocks.map((b, i) => [b, i]));
  const label = (b: Block) => (b === g.returnblock ? "return" : b === g.exceptblock ? "except" : `block${index.get(b)}`);
  const out: string[] = [`graph ${g.name}`];
  for (const b of blocks) {
    if (b === g.returnblock || b === g.exceptblock) continue;
    out.push(`  ${label(b)}(${b.inputargs.map((v) => formatValue(v, typeName)).join(", ")}):`);
    for (const op of b.operations) {
      const args = op.args.map((a) => formatValue(a)).join(", ");
      out.push(`    ${formatValue(op.result, typeName)} = ${op.opname}(${args})`);
    }
    for (const l of b.exits) {
      const caught = l.excValue ? ` ${l.excValue.name}` : "";
      const when = !b.exitswitch ? "" : l.exitcase === DEFAULT_CASE ? "else: " : `if ${formatValue(b.exitswitch)} == ${formatConstant(l.exitcase)}${caught}: `;
      out.push(`    ${when}goto ${label(l.target)}(${l.args.map((a) => formatValue(a)).join(", ")})`);
    }
  }
  out.push(`  return(${formatValue(g.getReturnVar(), typeName)})`);
  return out.join("\n");
}
