// The I/O API of RTS programs. One API, two implementations: Node's when untranslated,
// WASI's (rlib/wasi.ts) when translated.
import type { int } from "./types.ts";
import { weAreTranslated } from "./lowlevel.ts";
import * as wasi from "./wasi.ts";

// The few Node APIs the untranslated branches use, typed here so that translating a program
// does not need @types/node (loading it triples the type-checking time).
interface NodeFs {
  writeSync(fd: number, data: string): number;
  writeFileSync(path: string, data: string, options: { flag: string }): void;
  readFileSync(path: string | number, encoding: "utf8"): string;
}
interface NodeProcess {
  exit(code: number): never;
  env: Record<string, string | undefined>;
  getBuiltinModule(id: "node:fs"): NodeFs;
}
const nodeProcess = (globalThis as unknown as { process: NodeProcess }).process;
const fs = nodeProcess.getBuiltinModule("node:fs");

export const STDOUT = 1;
export const STDERR = 2;

/** Writes `s` to a file descriptor (1 = stdout, 2 = stderr) as UTF-8. */
export function write(fd: int, s: string): void {
  if (weAreTranslated()) {
    wasi.writeString(fd, s);
    return;
  }
  fs.writeSync(fd, s);
}

/** The whole file as UTF-8 text, or null when it cannot be read. */
export function readFile(path: string): string | null {
  if (weAreTranslated()) return wasi.readFile(path);
  try {
    return fs.readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** Writes `s` at the end of a file, created if needed (emptied first with `truncate`);
 *  false when it cannot be written. */
export function appendFile(path: string, s: string, truncate: boolean): boolean {
  if (weAreTranslated()) return wasi.appendFile(path, s, truncate);
  try {
    fs.writeFileSync(path, s, { flag: truncate ? "w" : "a" });
    return true;
  } catch {
    return false;
  }
}

/** All of standard input as UTF-8 text. */
export function readStdin(): string {
  if (weAreTranslated()) return wasi.readStdin();
  try {
    return fs.readFileSync(0, "utf8");
  } catch {
    return "";
  }
}

/** The value of an environment variable, or null when it is not set. */
export function getenv(name: string): string | null {
  if (weAreTranslated()) return wasi.getenv(name);
  return nodeProcess.env[name] ?? null;
}

/** Ends the program now with the given exit code. */
export function exit(code: int): void {
  if (weAreTranslated()) {
    wasi.exit(code);
    return;
  }
  nodeProcess.exit(code);
}
