// throw / try / catch: a custom error hierarchy, catch by instanceof, rethrow, name and
// message, toString, errors carrying data, exceptions through several frames and in loops.
class ParseError extends Error {
  constructor(message: string, public pos: number) {
    super(message);
    this.name = "ParseError";
  }
}

class UnexpectedEnd extends ParseError {
  constructor(pos: number) {
    super("unexpected end of input", pos);
    this.name = "UnexpectedEnd";
  }
}

class EvalError2 extends Error {}

class Counter {
  count = 0;
}

function digit(s: string, i: number): number {
  if (i >= s.length) throw new UnexpectedEnd(i);
  const c = s.charCodeAt(i);
  if (c < 48 || c > 57) throw new ParseError("not a digit: '" + s.charAt(i) + "'", i);
  return c - 48;
}

/** Sums the digits of "d+d+d"; every second character must be '+'. */
function sumDigits(s: string): number {
  let total = digit(s, 0);
  let i = 1;
  while (i < s.length) {
    if (s.charAt(i) !== "+") throw new ParseError("expected '+'", i);
    total += digit(s, i + 1);
    i += 2;
  }
  return total;
}

function check(n: number): number {
  if (n > 20) throw new EvalError2("too big: " + n);
  return n;
}

function evaluate(s: string): string {
  try {
    return "ok " + check(sumDigits(s));
  } catch (e) {
    if (e instanceof UnexpectedEnd) return "end at " + e.pos;
    if (e instanceof ParseError) return e.name + " at " + e.pos + ": " + e.message;
    throw e;
  }
}

function deep(n: number, c: Counter): number {
  c.count++;
  if (n === 0) throw new Error("bottom");
  return deep(n - 1, c) + 1;
}

export function main(argv: string[]): number {
  for (const s of ["1+2+3", "9", "1+", "1-2", "x", "9+9+9", "", "5+5+5+5+1"]) {
    try {
      console.log(s, "->", evaluate(s));
    } catch (e) {
      console.log(s, "-> rethrown:", e instanceof EvalError2, e instanceof Error, (e as Error).message, (e as Error).name);
    }
  }
  const c = new Counter();
  try {
    deep(50, c);
  } catch (e) {
    if (e instanceof Error) console.log("caught", e.message, "after", c.count, "calls");
  }
  const plain = new Error();
  console.log("[" + plain.message + "]", plain.name, plain.toString());
  const named = new ParseError("bad", 3);
  console.log(named.toString(), new EvalError2("x").toString());
  named.name = "";
  console.log(named.toString());
  let caught = 0;
  for (let i = 0; i < 1000; i++) {
    try {
      if (i % 7 === 3) throw new ParseError("seven", i);
      caught += 0;
    } catch (e) {
      if (e instanceof ParseError) caught += e.pos;
    }
  }
  console.log("sum of caught positions", caught);
  return 0;
}
