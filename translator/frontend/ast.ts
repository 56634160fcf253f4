// Syntactic and symbol queries on the TypeScript AST shared by the builder and the frontend.
import { ts } from "ts-morph";

/** A link of a property/element/call chain (where `?.` may appear). */
export function isChainLink(e: ts.Node): boolean {
  return ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e) || ts.isNonNullExpression(e);
}

/** The expression inside parentheses and non-null assertions. */
export function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** The object of a method call `o.m(...)`. */
export function receiverOf(call: ts.CallExpression): ts.Expression {
  return (call.expression as ts.PropertyAccessExpression).expression;
}

/** Whether a declaration has the modifier (readonly, static...). */
export function hasModifier(n: ts.Node, kind: ts.SyntaxKind): boolean {
  return !!ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === kind);
}

/** Whether a declaration is outside every function and class. */
export function isModuleLevel(decl: ts.Node): boolean {
  for (let p = decl.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassLike(p)) return false;
    if (ts.isSourceFile(p)) return true;
  }
  return true;
}

/** A symbol declared only in .d.ts files (String, Number, console...). */
export function isGlobalLib(sym: ts.Symbol): boolean {
  const decls = sym.declarations ?? [];
  return decls.length > 0 && decls.every((d) => d.getSourceFile().isDeclarationFile);
}

/** A name of the default library (a global RTS implements or rejects). */
export function isGlobalName(checker: ts.TypeChecker, id: ts.Identifier): boolean {
  const sym = checker.getSymbolAtLocation(id);
  return !!sym && isGlobalLib(sym);
}
