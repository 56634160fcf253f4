// Compiles a program to bytecode in one recursive-descent pass over the tokens.
//
//   program   := stmt*
//   stmt      := NAME "=" expr ";" | NAME "[" expr "]" "=" expr ";"
//              | "print" item ("," item)* ";"            item := expr | STRING
//              | "if" "(" expr ")" block ("else" (block | if-stmt))?
//              | "while" "(" expr ")" block
//   block     := "{" stmt* "}"
//   expr      := and ("||" and)*         and := cmp ("&&" cmp)*
//   cmp       := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//   sum       := term (("+" | "-") term)*  term := unary (("*" | "/" | "%") unary)*
//   unary     := ("-" | "!") unary | primary
//   primary   := NUMBER | NAME | NAME "[" expr "]" | "array" "(" expr ")" | "len" "(" expr ")" | "(" expr ")"
//
// Variables are global and start at 0; reading a name that no statement assigns is an error.
import { CompileError } from "./errors.ts";
import * as op from "./opcodes.ts";
import { T_END, T_NAME, T_NUMBER, T_STRING, T_SYMBOL, Token, tokenize } from "./lexer.ts";

/** A compiled program. Nothing changes it once compiled, so the JIT may read it as constant. */
export class Code {
  constructor(
    readonly ops: Int32Array,
    /** The source line of each instruction (at the opcode's index), for error messages. */
    readonly lines: Int32Array,
    readonly consts: number[],
    readonly strings: string[],
    readonly varNames: string[],
    /** The most values the stack ever holds. */
    readonly stackSize: number,
  ) {}
}

const KEYWORDS = ["print", "if", "else", "while", "array", "len"];

function isKeyword(name: string): boolean {
  return KEYWORDS.some((k) => k === name);
}

function toInt32Array(xs: number[]): Int32Array {
  const a = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) a[i] = xs[i];
  return a;
}

/** Binary operators of one precedence level: their token text and opcode. */
class Level {
  constructor(
    public symbols: string[],
    public opcodes: number[],
  ) {}
}

const SUM = new Level(["+", "-"], [op.ADD, op.SUB]);
const TERM = new Level(["*", "/", "%"], [op.MUL, op.DIV, op.MOD]);
const COMPARE = new Level(["<", "<=", ">", ">=", "==", "!="], [op.LT, op.LE, op.GT, op.GE, op.EQ, op.NE]);

class Compiler {
  private pos = 0;
  private ops: number[] = [];
  private lines: number[] = [];
  private consts: number[] = [];
  private strings: string[] = [];
  private vars = new Map<string, number>();
  private varNames: string[] = [];
  /** First read of each variable, to report one that is never assigned. */
  private reads = new Map<string, Token>();
  private assigned = new Set<string>();
  private depth = 0;
  private maxDepth = 0;

  constructor(private tokens: Token[]) {}

  compile(): Code {
    while (this.peek().kind !== T_END) this.statement();
    this.emit(op.HALT, this.peek().line, 0);
    for (const [name, token] of this.reads) {
      if (!this.assigned.has(name)) throw new CompileError(`variable '${name}' is never assigned`, token.line, token.col);
    }
    return new Code(toInt32Array(this.ops), toInt32Array(this.lines), this.consts, this.strings, this.varNames, this.maxDepth);
  }

  // ---- Tokens.

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== T_END) this.pos++;
    return t;
  }

  private isSymbol(text: string): boolean {
    const t = this.peek();
    return t.kind === T_SYMBOL && t.text === text;
  }

  private isKeyword(text: string): boolean {
    const t = this.peek();
    return t.kind === T_NAME && t.text === text;
  }

  private expect(text: string): Token {
    const t = this.peek();
    if (!((t.kind === T_SYMBOL || t.kind === T_NAME) && t.text === text)) this.fail(`expected '${text}'`, t);
    return this.next();
  }

  private fail(what: string, t: Token): void {
    const found = t.kind === T_END ? "end of input" : t.kind === T_STRING ? `"${t.text}"` : `'${t.text}'`;
    throw new CompileError(`${what}, found ${found}`, t.line, t.col);
  }

  // ---- Emitting. Every opcode changes the stack depth by a fixed amount.

  private emit(opcode: number, line: number, effect: number): number {
    const at = this.ops.length;
    this.ops.push(opcode);
    this.lines.push(line);
    this.depth += effect;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    return at;
  }

  private emitWith(opcode: number, operand: number, line: number, effect: number): number {
    const at = this.emit(opcode, line, effect);
    this.ops.push(operand);
    this.lines.push(line);
    return at;
  }

  /** Points the jump at `at` to the next instruction. */
  private patch(at: number): void {
    this.ops[at + 1] = this.ops.length;
  }

  private variable(name: string): number {
    let slot = this.vars.get(name) ?? -1;
    if (slot < 0) {
      slot = this.varNames.length;
      this.vars.set(name, slot);
      this.varNames.push(name);
    }
    return slot;
  }

  private constant(value: number, line: number): void {
    let k = this.consts.findIndex((c) => c === value);
    if (k < 0) {
      k = this.consts.length;
      this.consts.push(value);
    }
    this.emitWith(op.CONST, k, line, 1);
  }

  // ---- Statements.

  private statement(): void {
    const t = this.peek();
    if (this.isKeyword("print")) this.printStatement();
    else if (this.isKeyword("if")) this.ifStatement();
    else if (this.isKeyword("while")) this.whileStatement();
    else if (t.kind === T_NAME && !isKeyword(t.text)) this.assignment();
    else this.fail("expected a statement", t);
  }

  private assignment(): void {
    const name = this.next();
    this.assigned.add(name.text);
    const slot = this.variable(name.text);
    if (this.isSymbol("[")) {
      this.emitWith(op.LOAD, slot, name.line, 1);
      this.next();
      this.expression();
      this.expect("]");
      this.expect("=");
      this.expression();
      this.emit(op.SET_ITEM, name.line, -3);
    } else {
      this.expect("=");
      this.expression();
      this.emitWith(op.STORE, slot, name.line, -1);
    }
    this.expect(";");
  }

  private printStatement(): void {
    const line = this.next().line;
    let first = true;
    while (first || this.isSymbol(",")) {
      if (!first) {
        this.next();
        this.emitWith(op.PRINT_STRING, this.string(" "), line, 0);
      }
      first = false;
      if (this.peek().kind === T_STRING) {
        this.emitWith(op.PRINT_STRING, this.string(this.next().text), line, 0);
      } else {
        this.expression();
        this.emit(op.PRINT_NUMBER, line, -1);
      }
    }
    this.emit(op.PRINT_END, line, 0);
    this.expect(";");
  }

  private string(s: string): number {
    let k = this.strings.findIndex((x) => x === s);
    if (k < 0) {
      k = this.strings.length;
      this.strings.push(s);
    }
    return k;
  }

  private condition(): number {
    const line = this.expect("(").line;
    this.expression();
    this.expect(")");
    return this.emitWith(op.JUMP_IF_FALSE, 0, line, -1);
  }

  private ifStatement(): void {
    const line = this.next().line;
    const skipThen = this.condition();
    this.block();
    if (this.isKeyword("else")) {
      this.next();
      const skipElse = this.emitWith(op.JUMP, 0, line, 0);
      this.patch(skipThen);
      if (this.isKeyword("if")) this.ifStatement();
      else this.block();
      this.patch(skipElse);
    } else {
      this.patch(skipThen);
    }
  }

  private whileStatement(): void {
    const line = this.next().line;
    const top = this.ops.length;
    const exit = this.condition();
    this.block();
    this.emitWith(op.JUMP, top, line, 0);
    this.patch(exit);
  }

  private block(): void {
    this.expect("{");
    while (!this.isSymbol("}")) {
      if (this.peek().kind === T_END) this.fail("expected '}'", this.peek());
      this.statement();
    }
    this.next();
  }

  // ---- Expressions: each leaves one value on the stack.

  private expression(): void {
    this.shortCircuit("||", () => this.shortCircuit("&&", () => this.comparison()));
  }

  /** `a && b` is `a ? (b != 0) : 0` and `a || b` is `a ? 1 : (b != 0)`, with jumps. */
  private shortCircuit(symbol: string, operand: () => void): void {
    operand();
    if (!this.isSymbol(symbol)) return;
    const ends: number[] = [];
    const line = this.peek().line;
    const isAnd = symbol === "&&";
    while (this.isSymbol(symbol)) {
      this.next();
      if (!isAnd) this.emit(op.NOT, line, 0);
      ends.push(this.emitWith(op.JUMP_IF_FALSE, 0, line, -1));
      operand();
    }
    if (!isAnd) this.emit(op.NOT, line, 0);
    ends.push(this.emitWith(op.JUMP_IF_FALSE, 0, line, -1));
    this.constant(isAnd ? 1 : 0, line);
    const done = this.emitWith(op.JUMP, 0, line, 0);
    for (const at of ends) this.patch(at);
    this.depth--; // the other branch pushes the same one value
    this.constant(isAnd ? 0 : 1, line);
    this.patch(done);
  }

  private comparison(): void {
    this.binary(SUM, () => this.binary(TERM, () => this.unary()));
    const i = COMPARE.symbols.findIndex((s) => this.isSymbol(s));
    if (i < 0) return;
    const line = this.next().line;
    this.binary(SUM, () => this.binary(TERM, () => this.unary()));
    this.emit(COMPARE.opcodes[i], line, -1);
  }

  private binary(level: Level, operand: () => void): void {
    operand();
    let i = level.symbols.findIndex((s) => this.isSymbol(s));
    while (i >= 0) {
      const line = this.next().line;
      operand();
      this.emit(level.opcodes[i], line, -1);
      i = level.symbols.findIndex((s) => this.isSymbol(s));
    }
  }

  private unary(): void {
    if (this.isSymbol("-") || this.isSymbol("!")) {
      const t = this.next();
      this.unary();
      this.emit(t.text === "-" ? op.NEG : op.NOT, t.line, 0);
    } else {
      this.primary();
    }
  }

  private primary(): void {
    const t = this.peek();
    if (t.kind === T_NUMBER) {
      this.next();
      this.constant(t.value, t.line);
    } else if (this.isSymbol("(")) {
      this.next();
      this.expression();
      this.expect(")");
    } else if (this.isKeyword("array") || this.isKeyword("len")) {
      this.next();
      this.expect("(");
      this.expression();
      this.expect(")");
      this.emit(t.text === "array" ? op.NEW_ARRAY : op.LENGTH, t.line, 0);
    } else if (t.kind === T_NAME && !isKeyword(t.text)) {
      this.next();
      if (!this.reads.has(t.text)) this.reads.set(t.text, t);
      this.emitWith(op.LOAD, this.variable(t.text), t.line, 1);
      if (this.isSymbol("[")) {
        this.next();
        this.expression();
        this.expect("]");
        this.emit(op.GET_ITEM, t.line, -1);
      }
    } else {
      this.fail("expected an expression", t);
    }
  }
}

export function compile(src: string): Code {
  return new Compiler(tokenize(src)).compile();
}
