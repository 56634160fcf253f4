// Strings: concatenation with strings, numbers and booleans; length; charAt; charCodeAt;
// String.fromCharCode; += building.
export function main(argv: string[]): number {
  const a = "Hello";
  const b = "World";
  const c = a + ", " + b + "!";
  console.log(c, c.length);
  console.log("n=" + 5, 5 + "=n", "x" + 1 + 2, 1 + 2 + "x", "f" + 2.5, "t" + true, false + "f");
  console.log("" + 0, "" + -12, "" + 1e21, "b" + (3 > 2), "" + true + false);
  console.log(a.charAt(0), a.charAt(4), "[" + a.charAt(5) + "]", a.charAt(1) + a.charAt(2));
  console.log(a.charCodeAt(0), a.charCodeAt(1), b.charCodeAt(4), " ".charCodeAt(0), "~".charCodeAt(0));
  console.log(String.fromCharCode(72), String.fromCharCode(105), String.fromCharCode(48 + 7));
  console.log("".length, "a".length, "abc".length, (a + b).length);
  let codes = "";
  for (let i = 0; i < c.length; i++) {
    codes += c.charCodeAt(i);
    if (i < c.length - 1) codes += ",";
  }
  console.log(codes);
  let upper = "";
  for (let i = 0; i < c.length; i++) {
    const code = c.charCodeAt(i);
    if (code >= 97 && code <= 122) upper += String.fromCharCode(code - 32);
    else upper += c.charAt(i);
  }
  console.log(upper);
  let s = "";
  s += "a";
  s += 1;
  s += true;
  s += 2.5;
  s += "z";
  console.log(s, s.length);
  let digits = 0;
  let letters = 0;
  let others = 0;
  const mixed = "abc123 XYZ-789!";
  for (let i = 0; i < mixed.length; i++) {
    const ch = mixed.charCodeAt(i);
    if (ch >= 48 && ch <= 57) digits++;
    else if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) letters++;
    else others++;
  }
  console.log("digits", digits, "letters", letters, "others", others);
  const empty = "";
  console.log("[" + empty + "]", empty.length, empty === "");
  return 0;
}
