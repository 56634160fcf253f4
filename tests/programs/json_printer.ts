// A JSON-like value model (classes for each kind), a recursive-descent parser with error
// positions, and a printer (compact and indented, with string escapes): what a VM's data
// literal reader and printer look like.
abstract class JValue {
  abstract show(indent: string, step: string): string;
}
class JNull extends JValue {
  show(indent: string, step: string): string {
    return "null";
  }
}
class JBool extends JValue {
  constructor(public value: boolean) {
    super();
  }
  show(indent: string, step: string): string {
    return this.value ? "true" : "false";
  }
}
class JNum extends JValue {
  constructor(public value: number) {
    super();
  }
  show(indent: string, step: string): string {
    return String(this.value);
  }
}
class JStr extends JValue {
  constructor(public value: string) {
    super();
  }
  show(indent: string, step: string): string {
    return quote(this.value);
  }
}
class JArr extends JValue {
  items: JValue[] = [];
  show(indent: string, step: string): string {
    if (this.items.length === 0) return "[]";
    const inner = indent + step;
    const sep = step === "" ? "," : ",\n" + inner;
    const open = step === "" ? "[" : "[\n" + inner;
    const close = step === "" ? "]" : "\n" + indent + "]";
    return open + this.items.map((v) => v.show(inner, step)).join(sep) + close;
  }
}
class JObj extends JValue {
  keys: string[] = [];
  values = new Map<string, JValue>();
  put(k: string, v: JValue): void {
    if (!this.values.has(k)) this.keys.push(k);
    this.values.set(k, v);
  }
  show(indent: string, step: string): string {
    if (this.keys.length === 0) return "{}";
    const inner = indent + step;
    const colon = step === "" ? ":" : ": ";
    const parts = this.keys.map((k) => quote(k) + colon + this.values.get(k)!.show(inner, step));
    if (step === "") return "{" + parts.join(",") + "}";
    return "{\n" + inner + parts.join(",\n" + inner) + "\n" + indent + "}";
  }
}

function quote(s: string): string {
  let r = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) r += '\\"';
    else if (c === 92) r += "\\\\";
    else if (c === 10) r += "\\n";
    else if (c === 9) r += "\\t";
    else if (c < 32) r += "\\u" + c.toString(16).padStart(4, "0");
    else r += s.charAt(i);
  }
  return r + '"';
}

class ParseError extends Error {
  constructor(msg: string, public pos: number) {
    super(`${msg} at ${pos}`);
    this.name = "ParseError";
  }
}

class Parser {
  pos = 0;
  constructor(public src: string) {}
  ws(): void {
    while (this.pos < this.src.length && " \n\t\r".includes(this.src.charAt(this.pos))) this.pos++;
  }
  peek(): string {
    this.ws();
    if (this.pos >= this.src.length) throw new ParseError("unexpected end", this.pos);
    return this.src.charAt(this.pos);
  }
  expect(c: string): void {
    if (this.peek() !== c) throw new ParseError(`expected '${c}'`, this.pos);
    this.pos++;
  }
  word(w: string): void {
    if (!this.src.startsWith(w, this.pos)) throw new ParseError("bad literal", this.pos);
    this.pos += w.length;
  }
  value(): JValue {
    const c = this.peek();
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return new JStr(this.string());
    if (c === "t") {
      this.word("true");
      return new JBool(true);
    }
    if (c === "f") {
      this.word("false");
      return new JBool(false);
    }
    if (c === "n") {
      this.word("null");
      return new JNull();
    }
    return this.number();
  }
  number(): JValue {
    const start = this.pos;
    while (this.pos < this.src.length && "+-0123456789.eE".includes(this.src.charAt(this.pos))) this.pos++;
    const text = this.src.slice(start, this.pos);
    const v = Number(text);
    if (text === "" || v !== v) throw new ParseError(`bad number '${text}'`, start);
    return new JNum(v);
  }
  string(): string {
    this.expect('"');
    let r = "";
    for (;;) {
      if (this.pos >= this.src.length) throw new ParseError("unterminated string", this.pos);
      const c = this.src.charAt(this.pos++);
      if (c === '"') return r;
      if (c !== "\\") {
        r += c;
        continue;
      }
      const e = this.src.charAt(this.pos++);
      if (e === "n") r += "\n";
      else if (e === "t") r += "\t";
      else if (e === "u") {
        r += String.fromCharCode(parseInt(this.src.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else r += e;
    }
  }
  array(): JValue {
    this.expect("[");
    const a = new JArr();
    if (this.peek() === "]") {
      this.pos++;
      return a;
    }
    for (;;) {
      a.items.push(this.value());
      if (this.peek() === ",") this.pos++;
      else break;
    }
    this.expect("]");
    return a;
  }
  object(): JValue {
    this.expect("{");
    const o = new JObj();
    if (this.peek() === "}") {
      this.pos++;
      return o;
    }
    for (;;) {
      this.ws();
      const k = this.string();
      this.expect(":");
      o.put(k, this.value());
      if (this.peek() === ",") this.pos++;
      else break;
    }
    this.expect("}");
    return o;
  }
}

function parse(src: string): JValue {
  const p = new Parser(src);
  const v = p.value();
  p.ws();
  if (p.pos !== src.length) throw new ParseError("trailing characters", p.pos);
  return v;
}

export function main(argv: string[]): number {
  const doc = `{"name": "rts", "version": 2.5, "tags": ["vm", "jit", "gc"], "nested": {"a": [1, -2e3, 0.125, []],
    "b": {}, "ok": true, "no": false, "none": null}, "esc": "line\\nbreak \\"q\\" tab\\t \\u0041\\u00e9", "name": "again"}`;
  const v = parse(doc);
  console.log(v.show("", ""));
  console.log(v.show("", "  "));
  const bad = ["[1, 2", '{"a" 1}', "[tru]", '"abc', "[1, 2] x", "-", "{}"];
  for (const src of bad) {
    try {
      console.log("ok", parse(src).show("", ""));
    } catch (e) {
      if (e instanceof ParseError) console.log(e.name, e.pos, e.message);
      else throw e;
    }
  }
  const big = new JArr();
  for (let i = 0; i < 5; i++) {
    const o = new JObj();
    o.put("i", new JNum(i));
    o.put("sq", new JNum(i * i / 4));
    o.put("s", new JStr("x".repeat(i)));
    big.items.push(o);
  }
  const text = big.show("", "");
  console.log(text, text.length, parse(text).show("", "") === text);
  return 0;
}
