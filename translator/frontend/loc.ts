import { ts } from "ts-morph";
import { SourceLoc } from "../flowgraph/source.ts";

export function locAt(sf: ts.SourceFile, pos: number, length: number): SourceLoc {
  const lc = sf.getLineAndCharacterOfPosition(pos);
  return { file: sf.fileName, line: lc.line + 1, col: lc.character + 1, length };
}

export function locOfNode(node: ts.Node): SourceLoc {
  const sf = node.getSourceFile();
  const start = node.getStart(sf);
  return locAt(sf, start, node.getEnd() - start);
}

/** The symbol a name refers to, through import aliases (`{ x }` names the variable x). */
export function symbolOf(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
  const sym = shorthand ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
  return sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
}
