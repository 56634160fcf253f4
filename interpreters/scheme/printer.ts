// Printing values the way Guile does: `display` shows strings and characters as they are,
// `write` as they are read back (quoted and escaped). Floats take Guile's format: the same
// shortest round-trip digits as JavaScript, but always with a `.0` or an exponent, and
// scientific notation below 1e-3 or from 1e7 when it would need three or more zeros
// padded before the point (`1.0e7`, `12345678.0`, `1.2345e8`, `1.0e-4`).
import type { float } from "../../rlib/types.ts";
import {
  Value, Fixnum, Flonum, Bool, EmptyList, Unspecified, Char, MString, Sym, Pair, Vector, Primitive, Closure,
} from "./values.ts";

export function formatFlonum(x: float): string {
  if (x !== x) return "+nan.0";
  if (x === Infinity) return "+inf.0";
  if (x === -Infinity) return "-inf.0";
  if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
  const js = String(x);
  const negative = js.charCodeAt(0) === 45;
  const body = negative ? js.slice(1) : js;
  // Decompose JS's text into the significant digits and the scientific exponent
  // (x = d.ddd * 10^exp).
  let digits = "";
  let exp = 0;
  const e = body.indexOf("e");
  const mantissa = e >= 0 ? body.slice(0, e) : body;
  const dot = mantissa.indexOf(".");
  const intPart = dot >= 0 ? mantissa.slice(0, dot) : mantissa;
  const fracPart = dot >= 0 ? mantissa.slice(dot + 1) : "";
  if (intPart !== "0") {
    digits = intPart + fracPart;
    exp = intPart.length - 1;
  } else {
    let z = 0;
    while (z < fracPart.length && fracPart.charCodeAt(z) === 48) z++;
    digits = fracPart.slice(z);
    exp = -(z + 1);
  }
  if (e >= 0) exp += parseInt(body.slice(e + 1));
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  const sign = negative ? "-" : "";
  if (exp < -3 || (exp >= 7 && exp >= digits.length + 3)) {
    const frac = digits.length > 1 ? digits.slice(1) : "0";
    return `${sign}${digits.slice(0, 1)}.${frac}e${exp}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

const CHAR_NAMES = ["nul", "space", "newline", "tab", "return", "delete", "alarm", "backspace", "escape"];
const CHAR_CODES = [0, 32, 10, 9, 13, 127, 7, 8, 27];

/** The name `write` uses after #\ for a character code, and the reader accepts. */
export function charName(code: number): string {
  for (let i = 0; i < CHAR_CODES.length; i++) {
    if (CHAR_CODES[i] === code) return CHAR_NAMES[i];
  }
  if (code < 32) return `x${code.toString(16)}`;
  return String.fromCharCode(code);
}

/** The code of a character name (as after #\), or -1. */
export function charCodeOfName(name: string): number {
  for (let i = 0; i < CHAR_NAMES.length; i++) {
    if (CHAR_NAMES[i] === name) return CHAR_CODES[i];
  }
  if (name === "linefeed") return 10;
  return -1;
}

function writeString(s: string, out: string[]): void {
  out.push('"');
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc = "";
    if (c === 34) esc = '\\"';
    else if (c === 92) esc = "\\\\";
    else if (c === 10) esc = "\\n";
    else if (c === 9) esc = "\\t";
    else if (c === 13) esc = "\\r";
    else if (c < 32) esc = `\\x${c.toString(16)};`;
    else continue;
    if (i > start) out.push(s.slice(start, i));
    out.push(esc);
    start = i + 1;
  }
  if (start < s.length) out.push(s.slice(start));
  out.push('"');
}

/** Appends the printed form of `v` to `out` (write: true for `write`, false for `display`). */
export function printValue(v: Value, write: boolean, out: string[]): void {
  if (v instanceof Fixnum) {
    out.push(`${v.value}`);
  } else if (v instanceof Flonum) {
    out.push(formatFlonum(v.value));
  } else if (v instanceof MString) {
    if (write) writeString(v.text, out);
    else out.push(v.text);
  } else if (v instanceof Sym) {
    out.push(v.name);
  } else if (v instanceof Pair) {
    printList(v, write, out);
  } else if (v instanceof Bool) {
    out.push(v.value ? "#t" : "#f");
  } else if (v instanceof EmptyList) {
    out.push("()");
  } else if (v instanceof Char) {
    if (write) out.push(`#\\${charName(v.code)}`);
    else out.push(String.fromCharCode(v.code));
  } else if (v instanceof Vector) {
    out.push("#(");
    for (let i = 0; i < v.items.length; i++) {
      if (i > 0) out.push(" ");
      printValue(v.items[i], write, out);
    }
    out.push(")");
  } else if (v instanceof Closure) {
    out.push(v.code.name === "" ? "#<procedure>" : `#<procedure ${v.code.name}>`);
  } else if (v instanceof Primitive) {
    out.push(`#<procedure ${v.name}>`);
  } else if (v instanceof Unspecified) {
    out.push("#<unspecified>");
  } else {
    out.push("#<unbound>");
  }
}

function printList(p: Pair, write: boolean, out: string[]): void {
  out.push("(");
  printValue(p.car, write, out);
  let rest = p.cdr;
  while (rest instanceof Pair) {
    out.push(" ");
    printValue(rest.car, write, out);
    rest = rest.cdr;
  }
  if (!(rest instanceof EmptyList)) {
    out.push(" . ");
    printValue(rest, write, out);
  }
  out.push(")");
}

export function toDisplayString(v: Value): string {
  const out: string[] = [];
  printValue(v, false, out);
  return out.join("");
}

export function toWriteString(v: Value): string {
  const out: string[] = [];
  printValue(v, true, out);
  return out.join("");
}
