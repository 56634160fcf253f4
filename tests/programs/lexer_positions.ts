// A hand-written lexer for a C-like language: identifiers and keywords (a Set), numbers
// (decimal, hex, floats), strings with escapes, two-character operators, comments, and
// line:column positions, with a lexical error reported by an exception.
enum Kind {
  Ident,
  Keyword,
  Int,
  Float,
  Str,
  Op,
  Eof,
}

const KIND_NAMES = ["Ident", "Keyword", "Int", "Float", "Str", "Op", "Eof"];
const KEYWORDS = ["if", "else", "while", "return", "fn", "let"];
const TWO_CHAR = ["==", "!=", "<=", ">=", "&&", "||", "->", "+=", "-="];

class Token {
  constructor(
    public kind: Kind,
    public text: string,
    public line: number,
    public col: number,
  ) {}
  describe(): string {
    return `${KIND_NAMES[this.kind]}(${this.text})@${this.line}:${this.col}`;
  }
}

class LexError extends Error {
  constructor(msg: string, line: number, col: number) {
    super(`${line}:${col}: ${msg}`);
    this.name = "LexError";
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

class Lexer {
  pos = 0;
  line = 1;
  col = 1;
  keywords = new Set<string>(KEYWORDS);
  constructor(public src: string) {}

  advance(): number {
    const c = this.src.charCodeAt(this.pos++);
    if (c === 10) {
      this.line++;
      this.col = 1;
    } else {
      this.col++;
    }
    return c;
  }
  at(k: number): number {
    return this.pos + k < this.src.length ? this.src.charCodeAt(this.pos + k) : 0;
  }
  tokens(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      out.push(t);
      if (t.kind === Kind.Eof) return out;
    }
  }
  next(): Token {
    for (;;) {
      const c = this.at(0);
      if (c === 32 || c === 10 || c === 9) this.advance();
      else if (c === 47 && this.at(1) === 47) while (this.pos < this.src.length && this.at(0) !== 10) this.advance();
      else break;
    }
    const line = this.line;
    const col = this.col;
    const start = this.pos;
    if (this.pos >= this.src.length) return new Token(Kind.Eof, "", line, col);
    const c = this.at(0);
    if (isIdentStart(c)) {
      while (isIdentStart(this.at(0)) || isDigit(this.at(0))) this.advance();
      const text = this.src.slice(start, this.pos);
      return new Token(this.keywords.has(text) ? Kind.Keyword : Kind.Ident, text, line, col);
    }
    if (isDigit(c)) {
      if (c === 48 && (this.at(1) === 120 || this.at(1) === 88)) {
        this.advance();
        this.advance();
        while (isDigit(this.at(0)) || ((this.at(0) | 32) >= 97 && (this.at(0) | 32) <= 102)) this.advance();
        return new Token(Kind.Int, String(parseInt(this.src.slice(start + 2, this.pos), 16)), line, col);
      }
      let isFloat = false;
      while (isDigit(this.at(0))) this.advance();
      if (this.at(0) === 46 && isDigit(this.at(1))) {
        isFloat = true;
        this.advance();
        while (isDigit(this.at(0))) this.advance();
      }
      const text = this.src.slice(start, this.pos);
      return new Token(isFloat ? Kind.Float : Kind.Int, isFloat ? String(parseFloat(text)) : text, line, col);
    }
    if (c === 34) {
      this.advance();
      let s = "";
      while (this.at(0) !== 34) {
        if (this.pos >= this.src.length || this.at(0) === 10) throw new LexError("unterminated string", line, col);
        let ch = this.advance();
        if (ch === 92) {
          const e = this.advance();
          ch = e === 110 ? 10 : e === 116 ? 9 : e;
        }
        s += String.fromCharCode(ch);
      }
      this.advance();
      return new Token(Kind.Str, JSON_like(s), line, col);
    }
    const two = this.src.slice(this.pos, this.pos + 2);
    if (TWO_CHAR.includes(two)) {
      this.advance();
      this.advance();
      return new Token(Kind.Op, two, line, col);
    }
    if ("+-*/%<>=!(){};,".includes(this.src.charAt(this.pos))) {
      this.advance();
      return new Token(Kind.Op, this.src.charAt(start), line, col);
    }
    throw new LexError(`unexpected character '${this.src.charAt(this.pos)}'`, line, col);
  }
}

function JSON_like(s: string): string {
  return '"' + s.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll("\t", "\\t") + '"';
}

export function main(argv: string[]): number {
  const src = `fn fact(n) {
  // recursive
  if (n <= 1) { return 1; }
  return n * fact(n - 1);
}
let x = 0x1F + 3.25 - 10; let msg = "tab\\there\\n";
while (x != 0 && msg == "") { x -= 1; }`;
  const toks = new Lexer(src).tokens();
  console.log("tokens", toks.length);
  for (let i = 0; i < toks.length; i += 6) {
    console.log(toks.slice(i, i + 6).map((t) => t.describe()).join(" "));
  }
  const counts = new Map<string, number>();
  for (const t of toks) counts.set(KIND_NAMES[t.kind], (counts.get(KIND_NAMES[t.kind]) ?? 0) + 1);
  const summary: string[] = [];
  counts.forEach((n, k) => summary.push(`${k}=${n}`));
  console.log(summary.join(" "));
  for (const bad of ["let a = @;", 'let s = "open\n";', "x = 1 # 2"]) {
    try {
      new Lexer(bad).tokens();
    } catch (e) {
      if (e instanceof LexError) console.log(e.message);
      else throw e;
    }
  }
  return 0;
}
