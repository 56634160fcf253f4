// Helpers the translator calls from generated code: the implementation of strings,
// console.log and runtime errors, written in RTS. Every exported function here is
// translated with each program (unused ones are removed by the optimizer).
import type { int, float } from "./types.ts";
import { strCopy, strNew, strSetChar } from "./lowlevel.ts";
import { formatFloat, formatInt } from "./numfmt.ts";
import { exit, write } from "./os.ts";

export function strConcat(a: string, b: string): string {
  const la = a.length;
  const lb = b.length;
  if (la === 0) return b;
  if (lb === 0) return a;
  const r = strNew(la + lb);
  strCopy(a, 0, r, 0, la);
  strCopy(b, 0, r, la, lb);
  return r;
}

export function strEquals(a: string, b: string): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` (by UTF-16 code units, as JS). */
export function strCompare(a: string, b: string): int {
  const la = a.length;
  const lb = b.length;
  const n = la < lb ? la : lb;
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return la - lb;
}

export function strFromCharCode(c: int): string {
  const r = strNew(1);
  strSetChar(r, 0, c & 0xffff);
  return r;
}

/** `s.charAt(i)`: the empty string out of range. */
export function strCharAt(s: string, i: int): string {
  if (i < 0 || i >= s.length) return "";
  return strFromCharCode(s.charCodeAt(i));
}

export function intToString(n: int): string {
  return formatInt(n);
}

export function floatToString(x: float): string {
  return formatFloat(x);
}

/** How console.log shows a number: like String(x), except that -0 prints as "-0". */
export function floatToLogString(x: float): string {
  if (x === 0 && 1 / x < 0) return "-0";
  return formatFloat(x);
}

export function boolToString(b: boolean): string {
  return b ? "true" : "false";
}

/** console.log's line: the arguments already formatted and joined with spaces. */
export function printLine(s: string): void {
  write(1, s + "\n");
}

/** A fatal runtime error: message on stderr, exit code 1 (what an uncaught error does on Node). */
export function fatal(msg: string): void {
  write(2, "rts: runtime error: " + msg + "\n");
  exit(1);
}

export function indexError(index: int, length: int): void {
  fatal("index " + formatInt(index) + " out of range for length " + formatInt(length));
}

export function nullError(what: string): void {
  fatal("cannot read " + what + " of null");
}
