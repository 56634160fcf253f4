// String methods a template engine or an error formatter needs: replace and replaceAll with
// string patterns (and the $ patterns of the replacement), codePointAt, concat, plus the
// searching methods they are used with.
class Template {
  constructor(public text: string) {}
  render(names: string[], values: string[]): string {
    let out = this.text;
    for (let i = 0; i < names.length; i++) out = out.replaceAll("{{" + names[i] + "}}", values[i]);
    return out;
  }
}

function codePoints(s: string): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    out.push(cp.toString(16));
    if (cp > 0xffff) i++;
  }
  return out.join(" ");
}

export function main(argv: string[]): number {
  const s = "the cat sat on the mat";
  console.log(s.replace("the", "a"), "|", s.replaceAll("the", "a"), "|", s.replace("dog", "x"));
  console.log(s.replaceAll("at", "[$&]"), "|", s.replace("cat", "$$"), "|", s.replace("sat", "<$`>"), "|", s.replace("on", "<$'>"));
  console.log("aaa".replaceAll("a", "b"), "aaa".replaceAll("aa", "b"), "abc".replaceAll("", "-"), "abc".replace("", "-"), "".replaceAll("", "x"));
  console.log("x$1y".replace("$", "$$$$"), "cost: 5".replace("5", "$1"), "a.b.c".replaceAll(".", "/"));
  const t = new Template("Hello {{name}}, you have {{n}} new {{what}}. Bye {{name}}!");
  console.log(t.render(["name", "n", "what"], ["Ada", "3", "messages"]));
  console.log(t.render(["name"], ["$&"]));
  console.log(codePoints("aé€😀z"), "😀".codePointAt(1)!, "A".codePointAt(0)!);
  console.log("ab".concat("cd"), "x".concat("y", "z"), "".concat(""), "n=".concat(String(42)));
  const path = "/usr/local/lib/rts/rlib";
  const parts = path.split("/").filter((p) => p !== "");
  console.log(parts.join("."), path.lastIndexOf("/"), path.slice(path.lastIndexOf("/") + 1), path.replace("/usr", "~"));
  let msg = "error at {line}:{col}: {msg}";
  msg = msg.replace("{line}", String(12)).replace("{col}", String(7)).replace("{msg}", "unexpected '$'");
  console.log(msg);
  return 0;
}
