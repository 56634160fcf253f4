// Source positions carried through the pipeline so that every later error can point at code.
import * as path from "node:path";
export interface SourceLoc {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  length: number;
}

/** `file:line:col`, the file relative to the current directory (as in diagnostics). */
export function formatLoc(loc: SourceLoc | null): string {
  return loc ? `${path.relative(process.cwd(), loc.file) || loc.file}:${loc.line}:${loc.col}` : "<unknown>";
}
