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

/** The symbol a name refers to, through import aliases. */
export function symbolOf(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const sym = checker.getSymbolAtLocation(node);
  return sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
}
