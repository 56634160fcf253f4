// `virtualizable(Frame, "sp", "stack[*]", ...)` (rlib/jit.ts) at module level: the
// interpreter's frame class, whose listed fields, and the items of the arrays that `f[*]`
// fields hold, a trace keeps in registers (RPython's `_virtualizable_`). Collected here and
// checked where the source is at hand: the first argument names a class, the others are
// string literals naming its instance fields (`f[*]`: a field whose type is an array), not
// quasi-immutable ones (a field is one or the other); a scalar field is not readonly (the JIT
// reads a readonly field once already). The frontend marks the FieldDesc (declarations.ts);
// the layout, the rtyper's field flag and the codewriter's field descriptor carry the mark
// to the trace optimizer (rlib/jitrt/opt/vable.ts). A driver's `virtualizables` must name
// reds of such classes (checkVirtualizables, at the driver's merge point).
import { ts } from "ts-morph";
import { hasModifier } from "./ast.ts";
import { fail } from "./jithints.ts";
import { fieldHintCalls, hintedField, ownerOf } from "./quasihints.ts";
import { JitDriverDesc } from "./program.ts";

const HINT = "virtualizable";
const USAGE = `write ${HINT}(FrameClass, "field", "arrayField[*]", ...) at module level`;

/** How a field of a virtualizable is kept: "field" its value, "array" the items of the
 *  array it holds. */
export type VableKind = "field" | "array";

export interface VableHints {
  /** The fields the hints name, by the class declaration that declares each. */
  fields: Map<ts.ClassDeclaration, Map<string, VableKind>>;
  /** The classes named by a hint. */
  classes: Set<ts.ClassDeclaration>;
}

export function collectVirtualizableHints(files: readonly ts.SourceFile[], checker: ts.TypeChecker, quasi: Map<ts.ClassDeclaration, Set<string>>): VableHints {
  const hints: VableHints = { fields: new Map(), classes: new Set() };
  for (const { cls, names } of fieldHintCalls(files, checker, HINT, USAGE)) {
    hints.classes.add(cls);
    for (const n of names) {
      const kind: VableKind = n.text.endsWith("[*]") ? "array" : "field";
      const fieldName = kind === "array" ? n.text.slice(0, -3) : n.text;
      const field = hintedField(checker, cls, n, fieldName, HINT, "virtualizable");
      const owner = ownerOf(field);
      if (kind === "array" && !checker.isArrayType(checker.getTypeAtLocation(field))) {
        fail(n, `'${fieldName}' is not an array: '[*]' keeps the items of an array field`, `write "${fieldName}" to keep the field's value itself`);
      }
      if (kind === "field" && hasModifier(field, ts.SyntaxKind.ReadonlyKeyword)) {
        fail(n, `'${fieldName}' is readonly: the JIT reads it as a constant already`, `drop '${fieldName}' from ${HINT}()${checker.isArrayType(checker.getTypeAtLocation(field)) ? `, or write "${fieldName}[*]" to keep its items` : ""}`);
      }
      if (quasi.get(owner)?.has(fieldName)) {
        fail(n, `'${fieldName}' is quasi-immutable: it cannot be virtualizable too`, `drop '${fieldName}' from one of the two hints`);
      }
      if (!hints.fields.has(owner)) hints.fields.set(owner, new Map());
      hints.fields.get(owner)!.set(fieldName, kind);
    }
  }
  return hints;
}

/** The driver's `virtualizables` are reds whose values are instances of a class that a
 *  virtualizable() hint names (`operands`: the merge point's, greens then reds). */
export function checkVirtualizables(checker: ts.TypeChecker, driver: JitDriverDesc, call: ts.CallExpression, operands: ts.Expression[], hints: VableHints): void {
  for (const name of driver.virtualizables) {
    const i = driver.reds.indexOf(name);
    if (i < 0) fail(call, `the virtualizable '${name}' is not a red of this driver`, `add '${name}' to the driver's reds (a virtualizable is the interpreter's frame, a red)`);
    const value = operands[driver.greens.length + i];
    const cls = checker.getTypeAtLocation(value).getSymbol()?.valueDeclaration;
    if (!cls || !ts.isClassDeclaration(cls) || !hints.classes.has(cls)) {
      fail(value, `the virtualizable '${name}' is not an instance of a class that a ${HINT}() hint names`,
        `declare its class's fields at module level: ${HINT}(FrameClass, "field", "arrayField[*]")`);
    }
  }
}
