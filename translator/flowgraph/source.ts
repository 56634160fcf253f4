// Source positions carried through the pipeline so that every later error can point at code.
export interface SourceLoc {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  length: number;
}

export function formatLoc(loc: SourceLoc | null): string {
  return loc ? `${loc.file}:${loc.line}:${loc.col}` : "<unknown>";
}
