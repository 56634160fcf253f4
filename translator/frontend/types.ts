// Checks on the type annotations a reachable function or class writes: RTS types are
// static, so `any`, `unknown` and unions of unrelated types are rejected where they appear;
// and on the one library overload that takes an argument of another type (a function).
import { ts } from "ts-morph";
import { reject } from "./subset.ts";

export function checkTypeAnnotations(root: ts.Node, checker: ts.TypeChecker): void {
  const visit = (n: ts.Node): void => {
    if (ts.isCatchClause(n.parent) && n.parent.variableDeclaration?.type) reject(n.parent.variableDeclaration.type, "a type annotation on a catch variable");
    if (n.kind === ts.SyntaxKind.AnyKeyword) reject(n, "the `any` type");
    if (n.kind === ts.SyntaxKind.UnknownKeyword) reject(n, "the `unknown` type");
    if (ts.isUnionTypeNode(n)) checkUnion(n, checker);
    if (ts.isCallExpression(n)) checkReplaceCallback(n, checker);
    // Function bodies of nested functions are rejected by the builder; don't look inside.
    if (n !== root && ts.isFunctionLike(n) && !ts.isFunctionTypeNode(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(root);
}

/** `s.replace(p, (m) => ...)`: rlib's replace takes a replacement string only. */
function checkReplaceCallback(call: ts.CallExpression, checker: ts.TypeChecker): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== "replace" && callee.name.text !== "replaceAll")) return;
  if (call.arguments.length !== 2 || !(checker.getTypeAtLocation(callee.expression).flags & ts.TypeFlags.StringLike)) return;
  const arg = call.arguments[1];
  if (checker.getTypeAtLocation(arg).getCallSignatures().length > 0) reject(arg, "a replacement function in replace/replaceAll");
}

type Family = "number" | "string" | "boolean" | "object";

/** A union may add null/undefined to one family of types (strings, numbers, classes...). */
function checkUnion(u: ts.UnionTypeNode, checker: ts.TypeChecker): void {
  const families = new Set<Family>();
  for (const member of u.types) {
    const t = checker.getTypeFromTypeNode(member);
    if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) continue;
    families.add(familyOf(t));
  }
  if (families.size > 1) reject(u, `a union of ${[...families].join(" and ")} types`);
  const nullable = u.types.some((m) => checker.getTypeFromTypeNode(m).flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined));
  const [family] = families;
  if (nullable && (family === "number" || family === "boolean")) reject(u, `a ${family} that may be null or undefined`);
}

function familyOf(t: ts.Type): Family {
  if (t.flags & ts.TypeFlags.NumberLike) return "number";
  if (t.flags & ts.TypeFlags.StringLike) return "string";
  if (t.flags & ts.TypeFlags.BooleanLike) return "boolean";
  return "object";
}
