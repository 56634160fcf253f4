// `quasiImmutable(C, "f", ...)` (rlib/jit.ts) at module level: the fields a class's
// instances may change, but rarely (RPython's `_immutable_fields_ = ["f?"]`). Collected
// here, checked where the source is at hand: the first argument names a class, the others
// are string literals naming fields C declares (or inherits), neither methods nor
// accessors nor readonly fields (already immutable to the JIT). The frontend marks the
// FieldDesc (declarations.ts); the rtyper gives it a hidden word and its writes an
// invalidation (translator/rtyper/layouts.ts, rtype-access.ts).
import { ts } from "ts-morph";
import { hasModifier } from "./ast.ts";
import { fail, moduleLevelHints } from "./jithints.ts";
import { symbolOf } from "./loc.ts";

const HINT = "quasiImmutable";
const USAGE = `write ${HINT}(ClassName, "field", ...) at module level`;

/** The fields the hints name, by the class declaration that declares each (a hint may name
 *  an inherited field: it is one field in every class that has it). */
export function collectQuasiImmutableHints(files: readonly ts.SourceFile[], checker: ts.TypeChecker): Map<ts.ClassDeclaration, Set<string>> {
  const hints = new Map<ts.ClassDeclaration, Set<string>>();
  for (const { cls, names } of fieldHintCalls(files, checker, HINT, USAGE)) {
    for (const n of names) {
      const field = hintedField(checker, cls, n, n.text, HINT, "quasi-immutable");
      const owner = ownerOf(field);
      if (!hints.has(owner)) hints.set(owner, new Set());
      hints.get(owner)!.add((n as ts.StringLiteral).text);
    }
  }
  return hints;
}

/** The module-level calls `hint(C, "f", ...)` of a hint about a class's fields: the class and
 *  the string literals (also vablehints.ts). */
export function fieldHintCalls(files: readonly ts.SourceFile[], checker: ts.TypeChecker, hint: string, usage: string): { cls: ts.ClassDeclaration; names: ts.StringLiteral[] }[] {
  const out: { cls: ts.ClassDeclaration; names: ts.StringLiteral[] }[] = [];
  for (const { call, name } of moduleLevelHints(files, checker)) {
    if (name !== hint) continue;
    const [target, ...names] = call.arguments;
    const cls = target ? symbolOf(checker, target)?.valueDeclaration : undefined;
    if (!target || !cls || !ts.isClassDeclaration(cls)) fail(target ?? call, `${hint}() must name a class`, usage);
    if (names.length === 0) fail(call, `${hint}() names no field`, usage);
    for (const n of names) if (!ts.isStringLiteral(n)) fail(n, `${hint}() takes the fields' names as string literals`, usage);
    out.push({ cls, names: names as ts.StringLiteral[] });
  }
  return out;
}

/** The declaration of field `name` (which `arg` gives), an instance field of `cls` (named by
 *  the hint `hint`, which makes it `what`; also vablehints.ts). */
export function hintedField(checker: ts.TypeChecker, cls: ts.ClassDeclaration, arg: ts.Expression, name: string, hint: string, what: string): ts.PropertyDeclaration | ts.ParameterDeclaration {
  const className = cls.name?.text ?? "the class";
  const member = checker.getTypeAtLocation(cls).getProperty(name)?.valueDeclaration;
  if (!member) fail(arg, `${className} has no field '${name}'`, `name a field ${className} declares or inherits`);
  const isField = ts.isPropertyDeclaration(member) || (ts.isParameter(member) && ts.isConstructorDeclaration(member.parent));
  if (!isField || hasModifier(member, ts.SyntaxKind.StaticKeyword)) {
    fail(arg, `'${name}' is not an instance field of ${className}`, `only fields declared in the class (or as constructor parameter properties) can be ${what}`);
  }
  if (hint === HINT && hasModifier(member, ts.SyntaxKind.ReadonlyKeyword)) {
    fail(arg, `'${name}' is readonly: the JIT reads it as a constant already`,
      `drop '${name}' from ${HINT}() (it is for fields written after construction, rarely)`);
  }
  return member as ts.PropertyDeclaration | ts.ParameterDeclaration;
}

/** The class that declares `field`. */
export function ownerOf(field: ts.PropertyDeclaration | ts.ParameterDeclaration): ts.ClassDeclaration {
  return (ts.isParameter(field) ? field.parent.parent : field.parent) as ts.ClassDeclaration;
}
