// The reader: Scheme source text to data (lists, symbols, numbers...), one datum at a time.
// A syntax error is recorded in `error` (with its line) and stops the reader.
import type { int } from "../../rlib/types.ts";
import { Value, Fixnum, Flonum, Char, MString, Pair, Vector, NIL, TRUE, FALSE, FIXNUM_MAX, fixnum, intern, list2 } from "./values.ts";
import { charCodeOfName } from "./printer.ts";

export class Reader {
  readonly src: string;
  pos: int = 0;
  line: int = 1;
  /** The first syntax error, "" when none. */
  error: string = "";

  constructor(src: string) {
    this.src = src;
  }

  /** The next datum, or null at the end of the text or after a syntax error. */
  next(): Value | null {
    this.skipAtmosphere();
    if (this.error !== "" || this.pos >= this.src.length) return null;
    const d = this.datum();
    return this.error === "" ? d : null;
  }

  private fail(msg: string): Value {
    return this.failAt(this.line, msg);
  }

  private failAt(line: int, msg: string): Value {
    if (this.error === "") this.error = `syntax error on line ${line}: ${msg}`;
    this.pos = this.src.length;
    return NIL;
  }

  private peek(): int {
    return this.pos < this.src.length ? this.src.charCodeAt(this.pos) : -1;
  }

  /** Skips whitespace and comments (`;` to end of line, `#| |#` nested, `#;` datum). */
  private skipAtmosphere(): void {
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (c === 10) {
        this.line++;
        this.pos++;
      } else if (c === 32 || c === 9 || c === 13 || c === 12) {
        this.pos++;
      } else if (c === 59) { // ;
        while (this.pos < this.src.length && this.src.charCodeAt(this.pos) !== 10) this.pos++;
      } else if (c === 35 && this.pos + 1 < this.src.length && this.src.charCodeAt(this.pos + 1) === 124) { // #|
        this.skipBlockComment();
      } else if (c === 35 && this.pos + 1 < this.src.length && this.src.charCodeAt(this.pos + 1) === 59) { // #;
        this.pos += 2;
        this.skipAtmosphere();
        if (this.pos >= this.src.length) {
          this.fail("datum comment without a datum");
          return;
        }
        this.datum();
      } else {
        return;
      }
    }
  }

  private skipBlockComment(): void {
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      const d = this.pos + 1 < this.src.length ? this.src.charCodeAt(this.pos + 1) : -1;
      if (c === 35 && d === 124) {
        depth++;
        this.pos += 2;
      } else if (c === 124 && d === 35) {
        depth--;
        this.pos += 2;
        if (depth === 0) return;
      } else {
        if (c === 10) this.line++;
        this.pos++;
      }
    }
    this.fail("unterminated #| comment");
  }

  private datum(): Value {
    const c = this.peek();
    if (c === 40 || c === 91) { // ( [
      this.pos++;
      return this.listTail(c === 40 ? 41 : 93);
    }
    if (c === 41 || c === 93) {
      this.pos++;
      return this.fail(`unexpected '${String.fromCharCode(c)}'`);
    }
    if (c === 39) return this.abbreviation("quote", 1);
    if (c === 96) return this.abbreviation("quasiquote", 1);
    if (c === 44) {
      if (this.pos + 1 < this.src.length && this.src.charCodeAt(this.pos + 1) === 64) return this.abbreviation("unquote-splicing", 2);
      return this.abbreviation("unquote", 1);
    }
    if (c === 34) return this.stringLiteral();
    if (c === 35) return this.hashSyntax();
    return this.atom();
  }

  private abbreviation(name: string, length: int): Value {
    this.pos += length;
    this.skipAtmosphere();
    if (this.pos >= this.src.length) return this.fail(`end of input after ${name} abbreviation`);
    return list2(intern(name), this.datum());
  }

  /** The rest of a list after its opening bracket, up to `close`. */
  private listTail(close: int): Value {
    const startLine = this.line;
    const items: Value[] = [];
    let tail: Value = NIL;
    while (true) {
      this.skipAtmosphere();
      if (this.error !== "") return NIL;
      const c = this.peek();
      if (c === -1) return this.failAt(startLine, "a list that starts here is not closed (missing ')')");
      if (c === 41 || c === 93) {
        this.pos++;
        if (c !== close) return this.fail("mismatched brackets");
        break;
      }
      if (c === 46 && this.isDelimiter(this.pos + 1)) { // a dot: the improper tail
        this.pos++;
        if (items.length === 0) return this.fail("'.' at the start of a list");
        this.skipAtmosphere();
        if (this.pos >= this.src.length) return this.fail("end of input after '.'");
        tail = this.datum();
        this.skipAtmosphere();
        const d = this.peek();
        if (d !== close) return this.fail("expected ')' after the datum following '.'");
        this.pos++;
        break;
      }
      items.push(this.datum());
    }
    let result = tail;
    for (let i = items.length - 1; i >= 0; i--) result = new Pair(items[i], result);
    return result;
  }

  private isDelimiter(i: int): boolean {
    if (i >= this.src.length) return true;
    const c = this.src.charCodeAt(i);
    return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34 || c === 59;
  }

  private stringLiteral(): Value {
    this.pos++;
    const parts: string[] = [];
    let start = this.pos;
    while (true) {
      if (this.pos >= this.src.length) return this.fail("end of input inside a string (missing '\"')");
      const c = this.src.charCodeAt(this.pos);
      if (c === 34) break;
      if (c === 10) this.line++;
      if (c !== 92) {
        this.pos++;
        continue;
      }
      parts.push(this.src.slice(start, this.pos));
      this.pos++;
      const e = this.peek();
      this.pos++;
      if (e === 110) parts.push("\n");
      else if (e === 116) parts.push("\t");
      else if (e === 114) parts.push("\r");
      else if (e === 97) parts.push("\x07");
      else if (e === 48) parts.push("\x00");
      else if (e === 92 || e === 34) parts.push(String.fromCharCode(e));
      else if (e === 120) { // \xHH;
        const semi = this.src.indexOf(";", this.pos);
        const code = semi < 0 ? -1 : parseHex(this.src.slice(this.pos, semi));
        if (code < 0) return this.fail("bad \\x escape in a string");
        parts.push(String.fromCharCode(code));
        this.pos = semi + 1;
      } else if (e === 10) { // a line continuation: skip the newline and leading blanks
        this.line++;
        while (this.peek() === 32 || this.peek() === 9) this.pos++;
      } else {
        return this.fail(`unknown string escape \\${String.fromCharCode(e)}`);
      }
      start = this.pos;
    }
    parts.push(this.src.slice(start, this.pos));
    this.pos++;
    return new MString(parts.join(""));
  }

  private hashSyntax(): Value {
    const next = this.pos + 1 < this.src.length ? this.src.charCodeAt(this.pos + 1) : -1;
    if (next === 40) { // #(
      this.pos += 2;
      const items: Value[] = [];
      let list = this.listTail(41);
      while (list instanceof Pair) {
        items.push(list.car);
        list = list.cdr;
      }
      if (list !== NIL) return this.fail("a vector literal cannot have a '.' tail");
      return new Vector(items);
    }
    if (next === 92) { // #\
      this.pos += 2;
      const start = this.pos;
      this.pos++; // the first character, even a delimiter: #\( #\space
      while (!this.isDelimiter(this.pos)) this.pos++;
      const name = this.src.slice(start, this.pos);
      if (name.length === 1) return new Char(name.charCodeAt(0));
      const code = charCodeOfName(name);
      if (code >= 0) return new Char(code);
      if (name.charCodeAt(0) === 120) {
        const hex = parseHex(name.slice(1));
        if (hex >= 0) return new Char(hex);
      }
      return this.fail(`unknown character name #\\${name}`);
    }
    const token = this.token();
    if (token === "#t" || token === "#true") return TRUE;
    if (token === "#f" || token === "#false") return FALSE;
    return this.fail(`unknown syntax ${token}`);
  }

  private token(): string {
    const start = this.pos;
    while (!this.isDelimiter(this.pos)) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private atom(): Value {
    const token = this.token();
    const n = parseNumber(token, 10);
    if (n === NUMBER_TOO_BIG) return this.fail(`integer ${token} is beyond the fixnum range (no bignums)`);
    if (n !== null) return n;
    if (token === "|") return this.fail("'|' symbols are not supported");
    return intern(token);
  }
}

function parseHex(s: string): int {
  if (s.length === 0 || s.length > 6) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d < 0 || d >= 16) return -1;
    v = v * 16 + d;
  }
  return v;
}

function digitValue(c: int): int {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/** Returned by parseNumber for an integer literal too large for a fixnum. */
export const NUMBER_TOO_BIG = new Fixnum(0);

/** The number a token denotes in `radix` (integers; decimals in radix 10), or null. */
export function parseNumber(token: string, radix: int): Value | null {
  if (token === "+inf.0") return new Flonum(Infinity);
  if (token === "-inf.0") return new Flonum(-Infinity);
  if (token === "+nan.0" || token === "-nan.0") return new Flonum(NaN);
  let i = 0;
  let negative = false;
  const first = token.length > 0 ? token.charCodeAt(0) : -1;
  if (first === 43 || first === 45) {
    negative = first === 45;
    i = 1;
  }
  if (i >= token.length) return null;
  let value = 0;
  let integral = true;
  let sawDigit = false;
  for (let k = i; k < token.length; k++) {
    const d = digitValue(token.charCodeAt(k));
    if (d >= 0 && d < radix) {
      sawDigit = true;
      // Stop accumulating past the fixnum range (an i64 must not wrap on long literals).
      if (integral && value <= FIXNUM_MAX) value = value * radix + d;
    } else {
      integral = false;
    }
  }
  if (!sawDigit) return null;
  if (integral) {
    if (value > FIXNUM_MAX) return NUMBER_TOO_BIG;
    return fixnum(negative ? -value : value);
  }
  if (radix !== 10 || !isDecimal(token, i)) return null;
  return new Flonum(parseFloat(token));
}

/** digits [. digits] [e [sign] digits] from i, with at least one digit before the exponent. */
function isDecimal(s: string, from: int): boolean {
  let i = from;
  let digits = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < s.length && s.charCodeAt(i) === 46) {
    i++;
    while (i < s.length && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < s.length && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    i++;
    if (i < s.length && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    let expDigits = 0;
    while (i < s.length && isDigit(s.charCodeAt(i))) {
      i++;
      expDigits++;
    }
    if (expDigits === 0) return false;
  }
  return i === s.length;
}

function isDigit(c: int): boolean {
  return c >= 48 && c <= 57;
}
