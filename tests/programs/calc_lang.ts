// A realistic RTS program (the acceptance program of issue 4): a tokenizer, a
// recursive-descent parser and a tree-walking evaluator for a small expression language
// with variables, user functions (recursive, with local parameters), conditionals and
// built-in functions. It uses classes with inheritance, Map for environments, exceptions
// for every error (caught per statement, so one bad line does not stop the script) and
// closures for the built-ins.
//
//   let x = 3 * (4 + 5);
//   fn fact(n) = if n < 2 then 1 else n * fact(n - 1);
//   print fact(10) / x, max(1, 2, 3);

// ---- errors ----------------------------------------------------------------------------

class CalcError extends Error {
  constructor(public pos: number, message: string) {
    super(message);
  }
}

class SyntaxError_ extends CalcError {}

class EvalError_ extends CalcError {}

// ---- tokens ----------------------------------------------------------------------------

enum Tok {
  Num,
  Ident,
  Op,
  LParen,
  RParen,
  Comma,
  Semi,
  Eof,
}

class Token {
  constructor(public kind: Tok, public text: string, public pos: number, public value: number) {}
}

const KEYWORDS = ["let", "fn", "print", "if", "then", "else"];
const TWO_CHAR_OPS = ["<=", ">=", "==", "!="];

function contains(words: string[], w: string): boolean {
  for (const x of words) if (x === w) return true;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) {
      i++;
    } else if (isDigit(c)) {
      const start = i;
      while (i < src.length && (isDigit(src.charCodeAt(i)) || src.charCodeAt(i) === 46)) i++;
      const text = src.slice(start, i);
      const value = parseFloat(text);
      if (text.indexOf(".") !== text.lastIndexOf(".")) throw new SyntaxError_(start, `bad number '${text}'`);
      out.push(new Token(Tok.Num, text, start, value));
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < src.length && (isIdentStart(src.charCodeAt(i)) || isDigit(src.charCodeAt(i)))) i++;
      out.push(new Token(Tok.Ident, src.slice(start, i), start, 0));
    } else {
      const two = src.slice(i, i + 2);
      if (contains(TWO_CHAR_OPS, two)) {
        out.push(new Token(Tok.Op, two, i, 0));
        i += 2;
        continue;
      }
      const ch = src.charAt(i);
      switch (ch) {
        case "(": out.push(new Token(Tok.LParen, ch, i, 0)); break;
        case ")": out.push(new Token(Tok.RParen, ch, i, 0)); break;
        case ",": out.push(new Token(Tok.Comma, ch, i, 0)); break;
        case ";": out.push(new Token(Tok.Semi, ch, i, 0)); break;
        case "+": case "-": case "*": case "/": case "%": case "<": case ">": case "=":
          out.push(new Token(Tok.Op, ch, i, 0));
          break;
        default:
          throw new SyntaxError_(i, `unexpected character '${ch}'`);
      }
      i++;
    }
  }
  out.push(new Token(Tok.Eof, "<end>", src.length, 0));
  return out;
}

// ---- syntax tree -----------------------------------------------------------------------

class Scope {
  vars = new Map<string, number>();
  constructor(public parent: Scope | null) {}

  lookup(name: string, pos: number): number {
    let s: Scope | null = this;
    while (s !== null) {
      if (s.vars.has(name)) return s.vars.get(name)!;
      s = s.parent;
    }
    throw new EvalError_(pos, `undefined variable '${name}'`);
  }
}

class Interp {
  globals = new Scope(null);
  functions = new Map<string, FnDef>();
  builtins = new Map<string, (args: number[]) => number>();
  precedence = binaryPrecedence();
  calls = 0;
  depth = 0;
}

abstract class Expr {
  constructor(public pos: number) {}
  abstract eval(it: Interp, scope: Scope): number;
  abstract show(): string;
}

class NumLit extends Expr {
  constructor(pos: number, public value: number) {
    super(pos);
  }
  eval(it: Interp, scope: Scope): number {
    return this.value;
  }
  show(): string {
    return String(this.value);
  }
}

class Var extends Expr {
  constructor(pos: number, public name: string) {
    super(pos);
  }
  eval(it: Interp, scope: Scope): number {
    return scope.lookup(this.name, this.pos);
  }
  show(): string {
    return this.name;
  }
}

class Binary extends Expr {
  constructor(pos: number, public op: string, public left: Expr, public right: Expr) {
    super(pos);
  }
  eval(it: Interp, scope: Scope): number {
    const a = this.left.eval(it, scope);
    const b = this.right.eval(it, scope);
    switch (this.op) {
      case "+": return a + b;
      case "-": return a - b;
      case "*": return a * b;
      case "/":
        if (b === 0) throw new EvalError_(this.pos, "division by zero");
        return a / b;
      case "%":
        if (b === 0) throw new EvalError_(this.pos, "modulo by zero");
        return a % b;
      case "<": return a < b ? 1 : 0;
      case ">": return a > b ? 1 : 0;
      case "<=": return a <= b ? 1 : 0;
      case ">=": return a >= b ? 1 : 0;
      case "==": return a === b ? 1 : 0;
      case "!=": return a !== b ? 1 : 0;
    }
    throw new EvalError_(this.pos, `unknown operator ${this.op}`);
  }
  show(): string {
    return `(${this.left.show()} ${this.op} ${this.right.show()})`;
  }
}

class Neg extends Expr {
  constructor(pos: number, public operand: Expr) {
    super(pos);
  }
  eval(it: Interp, scope: Scope): number {
    return -this.operand.eval(it, scope);
  }
  show(): string {
    return `-${this.operand.show()}`;
  }
}

class IfExpr extends Expr {
  constructor(pos: number, public cond: Expr, public then: Expr, public otherwise: Expr) {
    super(pos);
  }
  eval(it: Interp, scope: Scope): number {
    return this.cond.eval(it, scope) !== 0 ? this.then.eval(it, scope) : this.otherwise.eval(it, scope);
  }
  show(): string {
    return `if ${this.cond.show()} then ${this.then.show()} else ${this.otherwise.show()}`;
  }
}

class FnDef {
  constructor(public name: string, public params: string[], public body: Expr) {}
}

class Call extends Expr {
  constructor(pos: number, public name: string, public args: Expr[]) {
    super(pos);
  }
  eval(it: Interp, scope: Scope): number {
    const values: number[] = [];
    for (const a of this.args) values.push(a.eval(it, scope));
    const builtin = it.builtins.get(this.name);
    if (builtin !== undefined) return builtin(values);
    const fn = it.functions.get(this.name);
    if (fn === undefined) throw new EvalError_(this.pos, `undefined function '${this.name}'`);
    if (fn.params.length !== values.length) {
      throw new EvalError_(this.pos, `${this.name} takes ${fn.params.length} arguments, got ${values.length}`);
    }
    if (it.depth >= 200) throw new EvalError_(this.pos, `recursion too deep in ${this.name}`);
    const local = new Scope(it.globals);
    fn.params.forEach((p, i) => local.vars.set(p, values[i]));
    it.calls++;
    it.depth++;
    try {
      return fn.body.eval(it, local);
    } catch (e) {
      // an error inside a function body points into the definition: report it at the
      // outermost call, which is on the line being run
      if (e instanceof EvalError_ && it.depth === 1) throw new EvalError_(this.pos, `in ${this.name}: ${e.message}`);
      throw e;
    } finally {
      it.depth--;
    }
  }
  show(): string {
    return `${this.name}(${this.args.map((a) => a.show()).join(", ")})`;
  }
}

// ---- parser ----------------------------------------------------------------------------

/** Binding strength of the binary operators, loosest first. */
const PRECEDENCE_LEVELS = [["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];

function binaryPrecedence(): Map<string, number> {
  const m = new Map<string, number>();
  PRECEDENCE_LEVELS.forEach((ops, level) => {
    for (const op of ops) m.set(op, level + 1);
  });
  return m;
}

class Parser {
  i = 0;
  constructor(public toks: Token[], public precedence: Map<string, number>) {}

  peek(): Token {
    return this.toks[this.i];
  }
  next(): Token {
    return this.toks[this.i++];
  }
  expect(kind: Tok, what: string): Token {
    const t = this.next();
    if (t.kind !== kind) throw new SyntaxError_(t.pos, `expected ${what}, found '${t.text}'`);
    return t;
  }
  isWord(w: string): boolean {
    const t = this.peek();
    return t.kind === Tok.Ident && t.text === w;
  }
  word(w: string): void {
    if (!this.isWord(w)) throw new SyntaxError_(this.peek().pos, `expected '${w}', found '${this.peek().text}'`);
    this.i++;
  }
  name(): string {
    const t = this.expect(Tok.Ident, "a name");
    if (contains(KEYWORDS, t.text)) throw new SyntaxError_(t.pos, `'${t.text}' is a keyword`);
    return t.text;
  }

  expr(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t.kind === Tok.Op ? this.precedence.get(t.text) ?? 0 : 0;
      if (prec === 0 || prec < minPrec) return left;
      this.i++;
      left = new Binary(t.pos, t.text, left, this.expr(prec + 1));
    }
  }

  unary(): Expr {
    const t = this.peek();
    if (t.kind === Tok.Op && t.text === "-") {
      this.i++;
      return new Neg(t.pos, this.unary());
    }
    return this.primary();
  }

  primary(): Expr {
    const t = this.next();
    if (t.kind === Tok.Num) return new NumLit(t.pos, t.value);
    if (t.kind === Tok.LParen) {
      const e = this.expr(1);
      this.expect(Tok.RParen, "')'");
      return e;
    }
    if (t.kind === Tok.Ident && t.text === "if") {
      const c = this.expr(1);
      this.word("then");
      const a = this.expr(1);
      this.word("else");
      return new IfExpr(t.pos, c, a, this.expr(1));
    }
    if (t.kind === Tok.Ident && !contains(KEYWORDS, t.text)) {
      if (this.peek().kind !== Tok.LParen) return new Var(t.pos, t.text);
      this.i++;
      const args: Expr[] = [];
      if (this.peek().kind !== Tok.RParen) {
        args.push(this.expr(1));
        while (this.peek().kind === Tok.Comma) {
          this.i++;
          args.push(this.expr(1));
        }
      }
      this.expect(Tok.RParen, "')'");
      return new Call(t.pos, t.text, args);
    }
    throw new SyntaxError_(t.pos, `unexpected '${t.text}'`);
  }
}

// ---- statements ------------------------------------------------------------------------

function runStatement(it: Interp, src: string): string {
  const p = new Parser(tokenize(src), it.precedence);
  let out = "";
  if (p.isWord("let")) {
    p.i++;
    const name = p.name();
    const eq = p.expect(Tok.Op, "'='");
    if (eq.text !== "=") throw new SyntaxError_(eq.pos, "expected '='");
    const v = p.expr(1).eval(it, it.globals);
    it.globals.vars.set(name, v);
    out = `${name} = ${v}`;
  } else if (p.isWord("fn")) {
    p.i++;
    const name = p.name();
    p.expect(Tok.LParen, "'('");
    const params: string[] = [];
    while (p.peek().kind !== Tok.RParen) {
      if (params.length > 0) p.expect(Tok.Comma, "','");
      params.push(p.name());
    }
    p.i++;
    const eq = p.expect(Tok.Op, "'='");
    if (eq.text !== "=") throw new SyntaxError_(eq.pos, "expected '='");
    const body = p.expr(1);
    it.functions.set(name, new FnDef(name, params, body));
    out = `defined ${name}(${params.join(", ")}) = ${body.show()}`;
  } else {
    p.word("print");
    const parts: string[] = [];
    parts.push(String(p.expr(1).eval(it, it.globals)));
    while (p.peek().kind === Tok.Comma) {
      p.i++;
      parts.push(String(p.expr(1).eval(it, it.globals)));
    }
    out = parts.join(" ");
  }
  if (p.peek().kind !== Tok.Eof) throw new SyntaxError_(p.peek().pos, `unexpected '${p.peek().text}' after the statement`);
  return out;
}

function installBuiltins(it: Interp): void {
  let randomState = 42;
  it.builtins.set("max", (xs) => xs.reduce((a, b) => (b > a ? b : a), -Infinity));
  it.builtins.set("min", (xs) => xs.reduce((a, b) => (b < a ? b : a), Infinity));
  it.builtins.set("abs", (xs) => Math.abs(xs[0]));
  it.builtins.set("sqrt", (xs) => Math.sqrt(xs[0]));
  it.builtins.set("rand", (xs) => {
    randomState = (randomState * 16807) % 2147483647;
    return randomState % xs[0];
  });
  it.builtins.set("calls", (xs) => it.calls);
}

const SCRIPT = [
  "let x = 3 * (4 + 5)",
  "print x, -x, x / 4, x % 5",
  "fn square(n) = n * n",
  "fn fact(n) = if n < 2 then 1 else n * fact(n - 1)",
  "fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)",
  "print square(x), fact(10), fib(15)",
  "print fact(10) / x, max(1, 7, 3), min(4, -2, 9), abs(-2.5), sqrt(2)",
  "fn gcd(a, b) = if b == 0 then a else gcd(b, a % b)",
  "print gcd(1071, 462), gcd(17, 5)",
  "let y = x +",
  "print 1 / 0",
  "print undefinedVar + 1",
  "print nope(1)",
  "print square(1, 2)",
  "fn inv(n) = 1 / (n - 3)",
  "print inv(5), inv(3)",
  "fn loop(n) = loop(n + 1)",
  "print loop(0)",
  "print 3 $ 4",
  "print 1.2.3",
  "let let = 4",
  "print rand(100), rand(100), rand(100)",
  "print 1 < 2, 2 <= 1, 3 == 3, 3 != 3, 10 - 2 - 3, 2 * 3 + 4 * 5",
  "print calls()",
];

export function main(argv: string[]): number {
  const it = new Interp();
  installBuiltins(it);
  let errors = 0;
  for (const line of SCRIPT) {
    try {
      console.log(`> ${line}`);
      console.log(runStatement(it, line));
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
      errors++;
      const kind = e instanceof SyntaxError_ ? "syntax error" : "error";
      console.log(`${kind} at ${e.pos + 1}: ${e.message}`);
      console.log(`  ${line}`);
      console.log(`  ${" ".repeat(e.pos)}^`);
    }
  }
  console.log(`${errors} errors, ${it.functions.size} functions, ${it.globals.vars.size} globals`);
  return errors === 0 ? 0 : 1;
}
