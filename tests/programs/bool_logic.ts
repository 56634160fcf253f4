// Boolean logic: && || ! truth tables, short-circuit evaluation (observed through side effects),
// truthiness of numbers and strings in if/while conditions, booleans stored in arrays.
class Trace {
  calls = 0;
  log = "";
}

function probe(t: Trace, name: string, result: boolean): boolean {
  t.calls++;
  t.log += name;
  return result;
}

function numTruth(x: number): string {
  if (x) return "truthy";
  return "falsy";
}

function strTruth(s: string): string {
  if (s) return "truthy";
  else return "falsy";
}

export function main(argv: string[]): number {
  const bools: boolean[] = [false, true];
  for (const a of bools) {
    for (const b of bools) {
      console.log(a, b, "and", a && b, "or", a || b, "not a", !a, "xor", a !== b, "eq", a === b);
    }
  }
  const t = new Trace();
  console.log(probe(t, "A", false) && probe(t, "B", true), t.log);
  console.log(probe(t, "C", true) || probe(t, "D", true), t.log);
  console.log(probe(t, "E", true) && probe(t, "F", false) || probe(t, "G", true), t.log);
  console.log(!probe(t, "H", false) || probe(t, "I", false), t.log, t.calls);
  const nums: number[] = [0, -0, 1, -1, 0.5, 0 / 0, 1 / 0, 42];
  for (const n of nums) console.log("number", n, numTruth(n), !n, !!n);
  const strs: string[] = ["", "a", "0", " ", "false"];
  for (const s of strs) console.log("string [" + s + "]", strTruth(s), !s, !!s);
  let count = 5;
  let out = "";
  while (count) {
    out += count;
    count--;
  }
  console.log("countdown", out);
  let text = "abc";
  let n = 0;
  while (text) {
    n++;
    text = text.length > 1 ? text.charAt(1) + text.charAt(2) : "";
  }
  console.log("string loop", n);
  const x = 7;
  const inRange = x > 0 && x < 10;
  const outside = x < 0 || x > 100;
  console.log(inRange, outside, !(inRange || outside), !inRange && !outside);
  const flags: boolean[] = [];
  for (let i = 0; i < 6; i++) flags.push(i % 2 === 0 || i % 3 === 0);
  let fl = "";
  for (const f of flags) fl += f ? "1" : "0";
  console.log(fl, flags.length, flags[4], flags[5]);
  let allTrue = true;
  let anyTrue = false;
  for (const f of flags) {
    allTrue = allTrue && f;
    anyTrue = anyTrue || f;
  }
  console.log(allTrue, anyTrue);
  if (x && "nonempty") console.log("number and string both truthy");
  if (0 || "") console.log("never");
  else console.log("0 || empty string is falsy");
  return 0;
}
