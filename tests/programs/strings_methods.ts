// JS string methods and number conversions, implemented in RTS in rlib/strmethods.ts and
// rlib/numconv.ts: slicing, searching, splitting and joining, case, trimming, padding,
// parsing and formatting numbers.
export function main(argv: string[]): number {
  const s = "  Hello, World! Hello, RTS.  ";
  const t = s.trim();
  console.log(`[${t}]`, t.length, `[${s.trimStart()}]`, `[${s.trimEnd()}]`);
  console.log(t.slice(7), t.slice(-4), t.slice(0, 5), t.slice(-4, -1), t.substring(7, 0), t.substring(3));
  console.log(t.indexOf("Hello"), t.indexOf("Hello", 1), t.lastIndexOf("Hello"), t.indexOf("xyz"), t.includes("RTS"));
  console.log(t.startsWith("Hello"), t.endsWith("."), t.startsWith("World", 7), t.at(-1), t.at(0));
  console.log(t.toUpperCase(), t.toLowerCase(), "straße".toUpperCase(), "ΣΑΣ".toLowerCase());
  const parts = t.split(", ");
  console.log(parts.length, parts[0], parts[2], parts.join(" | "), "a,b,,c".split(",").length, "abc".split("").join("-"));
  console.log("ab".repeat(3), "7".padStart(3, "0"), "x".padEnd(4, "."), "5".padStart(2));
  console.log(parseInt("42"), parseInt("  -17px"), parseInt("ff", 16), parseInt("0x1F"), parseInt("zz", 36), parseInt("x"));
  console.log(parseFloat("3.25e2abc"), parseFloat(".5"), parseFloat("-Infinity"), parseFloat("1e400"), parseFloat("nope"));
  console.log(Number("12.5"), Number(""), Number("  0x10 "), Number("1_0"), Number(7), String(12.5), String(true));
  const x = 255;
  const y = 3.14159;
  console.log(x.toString(), x.toString(2), x.toString(16), (-x).toString(36), y.toString(), (0.1).toString(3));
  console.log(y.toFixed(2), y.toFixed(0), (1.005).toFixed(2), (1e21).toFixed(2), (-1.5).toFixed(0), x.toFixed(3));
  let csv = "";
  for (let i = 0; i < 5; i++) csv += i * i + (i < 4 ? ";" : "");
  let total = 0;
  for (const f of csv.split(";")) total += parseInt(f);
  console.log(csv, total);
  // Fractional positions are truncated, as JS does (NaN is 0).
  const half = csv.length / 4;
  console.log(half, csv.charAt(half), csv.charCodeAt(half + 0.5), csv.charAt(NaN), csv.charCodeAt(-0.5), csv.slice(half), "ab".repeat(2.7));
  return 0;
}
