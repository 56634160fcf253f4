// User-facing errors in the style of tsc: file:line:col, a code frame with a caret,
// what was found, why RTS rejects it and what to write instead. Any stage may raise one;
// the CLI prints it and exits with code 1. Translator bugs are plain Errors instead.
import * as fs from "node:fs";
import * as path from "node:path";
import { SourceLoc } from "../flowgraph/source.ts";

export class RtsError extends Error {
  constructor(
    public loc: SourceLoc | null,
    message: string,
    /** What to write instead. */
    public hint: string | null = null,
    /** Extra lines, e.g. where a conflicting type came from. */
    public notes: string[] = [],
  ) {
    super(message);
  }
}

/** Raised when a stage found several errors; each is reported. */
export class RtsErrors extends Error {
  constructor(public errors: RtsError[]) {
    super(errors.map((e) => e.message).join("\n"));
  }
}

function codeFrame(loc: SourceLoc, text: string): string[] {
  const lines = text.split("\n");
  const line = lines[loc.line - 1] ?? "";
  const gutter = String(loc.line).length;
  const width = Math.max(1, Math.min(loc.length, line.length - loc.col + 1));
  return [
    `${String(loc.line).padStart(gutter)} | ${line.replace(/\t/g, " ")}`,
    `${" ".repeat(gutter)} | ${" ".repeat(loc.col - 1)}${"^".repeat(width)}`,
  ];
}

/** Renders an error for the terminal; `readSource` is overridable for tests. */
export function formatRtsError(e: RtsError, readSource: (file: string) => string | null = readFileOrNull): string {
  const out: string[] = [];
  if (e.loc) {
    const file = path.relative(process.cwd(), e.loc.file) || e.loc.file;
    out.push(`${file}:${e.loc.line}:${e.loc.col} - error RTS: ${e.message}`);
    const text = readSource(e.loc.file);
    if (text !== null) out.push("", ...codeFrame(e.loc, text));
  } else {
    out.push(`error RTS: ${e.message}`);
  }
  for (const n of e.notes) out.push(`  note: ${n}`);
  if (e.hint) out.push(`  hint: ${e.hint}`);
  return out.join("\n");
}

function readFileOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
