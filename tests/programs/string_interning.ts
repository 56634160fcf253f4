// A symbol table as a Lisp or Smalltalk VM keeps one: strings interned to unique Sym objects
// (compared by identity), property lists keyed by symbols, and gensyms.
class Sym {
  plist = new Map<Sym, string>();
  constructor(
    public name: string,
    public id: number,
  ) {}
}

class SymbolTable {
  private table = new Map<string, Sym>();
  all: Sym[] = [];
  gensymCounter = 0;
  intern(name: string): Sym {
    const known = this.table.get(name);
    if (known) return known;
    const s = new Sym(name, this.all.length);
    this.table.set(name, s);
    this.all.push(s);
    return s;
  }
  gensym(prefix: string): Sym {
    // Not interned: a fresh symbol that no name reaches.
    this.gensymCounter++;
    return new Sym(`${prefix}${this.gensymCounter}`, -this.gensymCounter);
  }
  has(name: string): boolean {
    return this.table.has(name);
  }
}

function tokenize(src: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (c === "(" || c === ")" || c === " " || c === "\n") {
      if (cur.length > 0) out.push(cur);
      cur = "";
      if (c === "(" || c === ")") out.push(c);
    } else {
      cur += c;
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export function main(argv: string[]): number {
  const st = new SymbolTable();
  const src = "(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))\n(define x (fact 5)) (display x)";
  const syms: Sym[] = [];
  for (const t of tokenize(src)) if (t !== "(" && t !== ")") syms.push(st.intern(t));
  console.log("tokens", syms.length, "symbols", st.all.length);
  console.log(st.all.map((s) => `${s.id}:${s.name}`).join(" "));
  const define = st.intern("define");
  let defines = 0;
  for (const s of syms) if (s === define) defines++;
  console.log("defines", defines, st.intern("fact") === st.intern("fact"), st.intern("fact") === st.intern("FACT".toLowerCase()));
  const g1 = st.gensym("g");
  const g2 = st.gensym("g");
  console.log(g1.name, g2.name, g1 === g2, st.has(g1.name), st.intern(g1.name) === g1);
  const fact = st.intern("fact");
  fact.plist.set(st.intern("arity"), "1");
  fact.plist.set(st.intern("doc"), "factorial");
  fact.plist.set(g1, "private");
  for (const [k, v] of fact.plist) console.log("  ", k.name, "=", v);
  const seen = new Set<Sym>();
  let dup = 0;
  for (const s of syms) {
    if (seen.has(s)) dup++;
    seen.add(s);
  }
  console.log("duplicates", dup, "distinct", seen.size);
  let many = 0;
  for (let i = 0; i < 2000; i++) if (st.intern("v" + (i % 300)).id >= 0) many++;
  console.log("interned", st.all.length, many, st.intern("v299").id - st.intern("v0").id);
  return 0;
}
