// Recursion: Ackermann (small), mutual recursion (isEven/isOdd, Hofstadter F/M), recursive descent.
function ack(m: number, n: number): number {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

function isEven(n: number): boolean {
  if (n === 0) return true;
  return isOdd(n - 1);
}

function isOdd(n: number): boolean {
  if (n === 0) return false;
  return isEven(n - 1);
}

function hofF(n: number): number {
  if (n === 0) return 1;
  return n - hofM(hofF(n - 1));
}

function hofM(n: number): number {
  if (n === 0) return 0;
  return n - hofF(hofM(n - 1));
}

// A tiny recursive-descent evaluator over a digit string: expr := term ('+' term)*, term := digit ('*' digit)*
class Cursor {
  pos = 0;
  constructor(public text: string) {}
}

function parseExpr(c: Cursor): number {
  let v = parseTerm(c);
  while (c.pos < c.text.length && c.text.charAt(c.pos) === "+") {
    c.pos++;
    v += parseTerm(c);
  }
  return v;
}

function parseTerm(c: Cursor): number {
  let v = parseAtom(c);
  while (c.pos < c.text.length && c.text.charAt(c.pos) === "*") {
    c.pos++;
    v *= parseAtom(c);
  }
  return v;
}

function parseAtom(c: Cursor): number {
  if (c.text.charAt(c.pos) === "(") {
    c.pos++;
    const v = parseExpr(c);
    c.pos++; // ')'
    return v;
  }
  const d = c.text.charCodeAt(c.pos) - 48;
  c.pos++;
  return d;
}

export function main(argv: string[]): number {
  for (let m = 0; m <= 3; m++) {
    let line = "ack(" + m + ", n):";
    for (let n = 0; n <= 4; n++) line += " " + ack(m, n);
    console.log(line);
  }
  console.log(isEven(10), isOdd(10), isEven(7), isOdd(7), isEven(0));
  console.log(isEven(1001), isOdd(1001));
  let fs = "";
  let ms = "";
  for (let i = 0; i < 20; i++) {
    fs += hofF(i) + " ";
    ms += hofM(i) + " ";
  }
  console.log("F:", fs);
  console.log("M:", ms);
  console.log(parseExpr(new Cursor("1+2*3")));
  console.log(parseExpr(new Cursor("(1+2)*3")));
  console.log(parseExpr(new Cursor("2*(3+4)*(5+1)+9")));
  return 0;
}
