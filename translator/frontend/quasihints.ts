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
  for (const { call, name } of moduleLevelHints(files, checker)) {
    if (name !== HINT) continue;
    const [target, ...names] = call.arguments;
    const cls = target ? symbolOf(checker, target)?.valueDeclaration : undefined;
    if (!target || !cls || !ts.isClassDeclaration(cls)) fail(target ?? call, `${HINT}() must name a class`, USAGE);
    if (names.length === 0) fail(call, `${HINT}() names no field`, USAGE);
    for (const n of names) {
      const field = checkedField(checker, cls, n);
      const owner = (ts.isParameter(field) ? field.parent.parent : field.parent) as ts.ClassDeclaration;
      if (!hints.has(owner)) hints.set(owner, new Set());
      hints.get(owner)!.add((n as ts.StringLiteral).text);
    }
  }
  return hints;
}

/** The declaration of the field `arg` names, which must be an instance field of `cls`. */
function checkedField(checker: ts.TypeChecker, cls: ts.ClassDeclaration, arg: ts.Expression): ts.PropertyDeclaration | ts.ParameterDeclaration {
  const className = cls.name?.text ?? "the class";
  if (!ts.isStringLiteral(arg)) fail(arg, `${HINT}() takes the fields' names as string literals`, USAGE);
  const member = checker.getTypeAtLocation(cls).getProperty(arg.text)?.valueDeclaration;
  if (!member) fail(arg, `${className} has no field '${arg.text}'`, `name a field ${className} declares or inherits`);
  const isField = ts.isPropertyDeclaration(member) || (ts.isParameter(member) && ts.isConstructorDeclaration(member.parent));
  if (!isField || hasModifier(member, ts.SyntaxKind.StaticKeyword)) {
    fail(arg, `'${arg.text}' is not an instance field of ${className}`, "only fields declared in the class (or as constructor parameter properties) can be quasi-immutable");
  }
  if (hasModifier(member, ts.SyntaxKind.ReadonlyKeyword)) {
    fail(arg, `'${arg.text}' is readonly: the JIT reads it as a constant already`,
      `drop '${arg.text}' from ${HINT}() (it is for fields written after construction, rarely)`);
  }
  return member as ts.PropertyDeclaration | ts.ParameterDeclaration;
}
