// Non-ASCII text: é, 日本 and an emoji (a surrogate pair): printing, length, char codes,
// building from char codes, escapes, code-point counting and pair-preserving reversal.
function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

function reverseCodePoints(s: string): string {
  let r = "";
  let i = s.length - 1;
  while (i >= 0) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      r += s.charAt(i - 1) + s.charAt(i);
      i -= 2;
    } else {
      r += s.charAt(i);
      i--;
    }
  }
  return r;
}

function codes(s: string): string {
  let r = "";
  for (let i = 0; i < s.length; i++) r += (i > 0 ? " " : "") + s.charCodeAt(i);
  return r;
}

export function main(argv: string[]): number {
  const cafe = "café";
  const japan = "日本";
  const smile = "😀";
  console.log(cafe, japan, smile);
  console.log(cafe.length, japan.length, smile.length);
  console.log(codes(cafe), "|", codes(japan), "|", codes(smile));
  console.log(cafe.charAt(3), japan.charAt(1), cafe.charCodeAt(3));
  const mixed = "naïve " + japan + " " + smile + "!";
  console.log(mixed, mixed.length, countCodePoints(mixed));
  console.log(reverseCodePoints(mixed));
  const built = String.fromCharCode(0xe9) + String.fromCharCode(0x65e5) + String.fromCharCode(0x672c) +
    String.fromCharCode(0xd83d) + String.fromCharCode(0xde00);
  console.log(built, built.length, built === "é日本😀");
  console.log("\u00e9", "\u65e5\u672c", "\u{1F600}", "\ud83d\ude00" === smile);
  console.log(`${japan}は${cafe}です ${smile}${smile}`);
  let row = "";
  for (let i = 0; i < 5; i++) row += String.fromCharCode(0x3042 + 2 * i);
  console.log(row, row.length);
  const accented = "àéîõü";
  let up = "";
  for (let i = 0; i < accented.length; i++) up += String.fromCharCode(accented.charCodeAt(i) - 32);
  console.log(accented, "->", up);
  console.log("Ωmega" + 1 + true, "€" + 2.5, "ß".length, "👍🏽".length);
  return 0;
}
