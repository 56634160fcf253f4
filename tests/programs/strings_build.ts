// Building strings in loops: alphabet from char codes, repeat, reverse, Caesar cipher, join,
// padding, number to binary/hex by hand, a long string's length.
function repeat(s: string, n: number): string {
  let r = "";
  for (let i = 0; i < n; i++) r += s;
  return r;
}

function reverse(s: string): string {
  let r = "";
  for (let i = s.length - 1; i >= 0; i--) r += s.charAt(i);
  return r;
}

function caesar(s: string, shift: number): string {
  let r = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) r += String.fromCharCode(((c - 97 + shift) % 26 + 26) % 26 + 97);
    else r += s.charAt(i);
  }
  return r;
}

function join(parts: string[], sep: string): string {
  let r = "";
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) r += sep;
    r += parts[i];
  }
  return r;
}

function padLeft(s: string, width: number, fill: string): string {
  let r = s;
  while (r.length < width) r = fill + r;
  return r;
}

function toBase(n: number, base: number): string {
  if (n === 0) return "0";
  const digits = "0123456789abcdef";
  let r = "";
  let m = n;
  while (m > 0) {
    r = digits.charAt(m % base) + r;
    m = (m / base) | 0;
  }
  return r;
}

export function main(argv: string[]): number {
  let alpha = "";
  for (let c = 65; c < 91; c++) alpha += String.fromCharCode(c);
  console.log(alpha, alpha.length);
  console.log(repeat("ab", 5), repeat("-", 0) + "|", repeat("xyz", 3).length);
  console.log(reverse("stressed"), reverse(""), reverse("a"), reverse(alpha));
  const secret = caesar("hello, world", 3);
  console.log(secret, caesar(secret, -3), caesar("xyz", 27));
  const parts: string[] = [];
  for (let i = 1; i <= 5; i++) parts.push("item" + i);
  console.log(join(parts, ", "), join([], "+") + "|", join(["solo"], "+"));
  console.log(padLeft("42", 6, "0"), padLeft("abcdef", 3, " "), padLeft("7", 4, "*"));
  console.log(toBase(255, 2), toBase(255, 16), toBase(1000000, 16), toBase(0, 2), toBase(3735928559, 16));
  let long = "";
  for (let i = 0; i < 10000; i++) long += String.fromCharCode(97 + (i % 26));
  console.log(long.length, long.charAt(0), long.charAt(25), long.charAt(26), long.charAt(9999));
  let table = "";
  for (let r = 1; r <= 3; r++) {
    for (let c = 1; c <= 4; c++) table += padLeft("" + r * c, 3, " ");
    table += "\n";
  }
  console.log(table);
  console.log(String.fromCharCode(65 + 65536), String.fromCharCode(0x263a));
  return 0;
}
