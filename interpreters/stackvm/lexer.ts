// Splits source text into tokens. Comments run from '#' to the end of the line.
import { CompileError } from "./errors.ts";

export const T_NUMBER = 0;
export const T_NAME = 1;
export const T_STRING = 2;
/** Punctuation and operators; the token's text says which. */
export const T_SYMBOL = 3;
export const T_END = 4;

export class Token {
  constructor(
    public kind: number,
    public text: string,
    public value: number,
    public line: number,
    public col: number,
  ) {}
}

const ONE_CHAR = "+-*/%<>=!(){}[];,";

function isTwoCharSymbol(s: string): boolean {
  return s === "<=" || s === ">=" || s === "==" || s === "!=" || s === "&&" || s === "||";
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    const col = i - lineStart + 1;
    if (c === 10) {
      i++;
      line++;
      lineStart = i;
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 35) { // '#'
      while (i < src.length && src.charCodeAt(i) !== 10) i++;
    } else if (isDigit(c)) {
      const start = i;
      let value = 0;
      while (i < src.length && isDigit(src.charCodeAt(i))) {
        value = value * 10 + (src.charCodeAt(i) - 48);
        i++;
      }
      if (value > 9007199254740991) throw new CompileError(`number too large: ${src.slice(start, i)}`, line, col);
      tokens.push(new Token(T_NUMBER, src.slice(start, i), value, line, col));
    } else if (isNameStart(c)) {
      const start = i;
      while (i < src.length && (isNameStart(src.charCodeAt(i)) || isDigit(src.charCodeAt(i)))) i++;
      tokens.push(new Token(T_NAME, src.slice(start, i), 0, line, col));
    } else if (c === 34) { // '"'
      const start = i + 1;
      i++;
      while (i < src.length && src.charCodeAt(i) !== 34 && src.charCodeAt(i) !== 10) i++;
      if (i >= src.length || src.charCodeAt(i) !== 34) throw new CompileError("unterminated string", line, col);
      tokens.push(new Token(T_STRING, src.slice(start, i), 0, line, col));
      i++;
    } else {
      const two = src.slice(i, i + 2);
      if (isTwoCharSymbol(two)) {
        tokens.push(new Token(T_SYMBOL, two, 0, line, col));
        i += 2;
      } else if (ONE_CHAR.includes(src.charAt(i))) {
        tokens.push(new Token(T_SYMBOL, src.charAt(i), 0, line, col));
        i++;
      } else {
        throw new CompileError(`unexpected character '${src.charAt(i)}'`, line, col);
      }
    }
  }
  tokens.push(new Token(T_END, "end of input", 0, line, i - lineStart + 1));
  return tokens;
}
