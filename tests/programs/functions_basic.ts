// Functions: parameters of each type, return values of each type, void functions, early returns,
// calls before the declaration (hoisting), functions calling functions, argument evaluation order.
class Log {
  text = "";
  n = 0;
}

function next(log: Log, tag: string): number {
  log.n++;
  log.text += tag;
  return log.n;
}

function three(a: number, b: number, c: number): string {
  return a + "," + b + "," + c;
}

function greet(name: string, excited: boolean): string {
  return "Hello, " + name + (excited ? "!" : ".");
}

function isVowel(ch: string): boolean {
  return ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u";
}

function countVowels(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isVowel(s.charAt(i))) n++;
  return n;
}

function firstNegative(xs: number[]): number {
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < 0) return i;
  }
  return -1;
}

function report(label: string, value: number): void {
  if (value < 0) {
    console.log(label, "negative");
    return;
  }
  console.log(label, value);
}

function compose(x: number): number {
  return inc(dbl(inc(x)));
}

function later(): string {
  return "declared after its caller";
}

export function main(argv: string[]): number {
  console.log(later());
  console.log(greet("rts", true), greet("world", false));
  console.log(countVowels("translation"), countVowels("rhythm"), countVowels(""));
  console.log(firstNegative([3, 4, -1, -5]), firstNegative([1, 2]), firstNegative([]));
  report("a", 5);
  report("b", -5);
  report("c", 0.5);
  console.log(compose(3), compose(-1), compose(0.25));
  const log = new Log();
  console.log(three(next(log, "x"), next(log, "y"), next(log, "z")), log.text);
  console.log(next(log, "p") * 10 + next(log, "q"), log.text);
  console.log(next(log, "m") - next(log, "n") * next(log, "o"), log.text, log.n);
  return 0;
}

function inc(x: number): number {
  return x + 1;
}

function dbl(x: number): number {
  return x * 2;
}
