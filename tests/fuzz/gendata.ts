// Random RTS cases over data structures, for the fuzz differential test next to gen.ts's
// cases over numbers: arrays (of ints and strings, with the rlib array methods, callbacks
// included), string methods, and classes (a small hierarchy with fields, overridden methods,
// virtual calls through the base type, instanceof). A case has the shape gen.ts's cases have:
// top-level declarations (classes named with the case's ID) and `function case__ID__(): void`.
//
// Every value stays far from the RTS/JS differences: integers are 32-bit (`| 0` after each
// arithmetic operation, so never -0 either), indexes are taken modulo a length tested to be
// nonzero, loops run a few times, and no operation can fail at run time (pop and shift only
// on arrays whose length was tested).
import fc from "fast-check";
import { ID, Rand } from "./gen.ts";

const WORDS = ["a", "b", "ab", "ba", "abc", "x", "", "λ", "Ωa", "a-b", "a,b", " a ", "AbC", "$&"];

class DataGen {
  lines: string[] = [];
  ind = 1;
  ints: string[] = [];
  strs: string[] = [];
  objs: string[] = [];
  n = 0;
  constructor(
    public r: Rand,
    public classes: string[],
  ) {}

  emit(line: string): void {
    this.lines.push("  ".repeat(this.ind) + line);
  }
  fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  smallInt(): string {
    const v = this.r.between(-20, 40);
    return v < 0 ? `(${v})` : String(v);
  }
  word(): string {
    return JSON.stringify(this.r.pick(WORDS));
  }

  /** An int expression (32-bit, never -0). */
  intExpr(d: number): string {
    const r = this.r;
    if (d <= 0 || r.chance(0.3)) {
      if (this.ints.length > 0 && r.chance(0.5)) return `${r.pick(this.ints)}.length`;
      if (this.strs.length > 0 && r.chance(0.3)) return `${r.pick(this.strs)}.length`;
      return this.smallInt();
    }
    switch (r.int(9)) {
      case 0:
        // Math.imul: a product of two 32-bit ints can pass 2^53, where JS rounds and i64 does not.
        if (r.chance(0.3)) return `Math.imul(${this.intExpr(d - 1)}, ${this.intExpr(d - 1)})`;
        return `((${this.intExpr(d - 1)} ${r.pick(["+", "-"])} ${this.intExpr(d - 1)}) | 0)`;
      case 1:
        return this.ints.length > 0 ? this.intArrayRead(r.pick(this.ints)) : this.smallInt();
      case 2:
        return this.ints.length > 0 ? `${r.pick(this.ints)}.indexOf(${this.intExpr(d - 1)})` : this.smallInt();
      case 3:
        return `${this.strExpr(d - 1)}.indexOf(${this.word()})`;
      case 4:
        return this.ints.length > 0 ? `${r.pick(this.ints)}.reduce((acc, v) => (acc + v * ${this.r.between(1, 5)}) | 0, ${this.smallInt()})` : this.smallInt();
      case 5:
        return this.objs.length > 0 ? this.objCall(r.pick(this.objs), d - 1) : this.smallInt();
      case 6:
        return `Math.max(${this.intExpr(d - 1)}, ${this.intExpr(d - 1)})`;
      case 7:
        return this.ints.length > 0 ? `${r.pick(this.ints)}.findIndex((v) => v > ${this.smallInt()})` : this.smallInt();
      default:
        return `${this.strExpr(d - 1)}.length`;
    }
  }

  intArrayRead(a: string): string {
    return `(${a}.length > 0 ? ${a}[${this.indexInto(a)}] : ${this.smallInt()})`;
  }
  /** An index into `a` when a.length > 0 (the caller tests it). */
  indexInto(a: string): string {
    return `((${this.intExpr(0)} % ${a}.length) + ${a}.length) % ${a}.length`;
  }

  /** A string expression. */
  strExpr(d: number): string {
    const r = this.r;
    if (d <= 0 || r.chance(0.25)) {
      if (this.strs.length > 0 && r.chance(0.4)) {
        const a = r.pick(this.strs);
        return `(${a}.length > 0 ? ${a}[${this.indexInto(a)}] : ${this.word()})`;
      }
      return this.word();
    }
    const s = () => this.strExpr(d - 1);
    const small = () => String(r.between(-3, 6));
    switch (r.int(14)) {
      case 0:
        return `${s()}.slice(${small()}${r.chance(0.5) ? `, ${small()}` : ""})`;
      case 1:
        return `${s()}.toUpperCase()`;
      case 2:
        return `${s()}.padStart(${r.between(0, 6)}, ${this.word()})`;
      case 3:
        return `${s()}.replace(${this.word()}, ${this.word()})`;
      case 4:
        return `${s()}.replaceAll(${JSON.stringify(r.pick(["a", "b", ",", "-"]))}, ${this.word()})`;
      case 5:
        return `${s()}.slice(0, 8).repeat(${r.between(0, 3)})`;
      case 6:
        return `${s()}.trim()`;
      case 7:
        return `(${s()} + ${s()})`;
      case 8:
        return this.ints.length > 0 ? `${r.pick(this.ints)}.join(${this.word()})` : s();
      case 9:
        return this.strs.length > 0 ? `${r.pick(this.strs)}.join(${this.word()})` : s();
      case 10:
        return `\`<\${${this.intExpr(d - 1)}}|\${${s()}}>\``;
      case 11:
        return this.objs.length > 0 ? `${this.objRead(r.pick(this.objs))}.tag()` : s();
      case 12:
        return `${s()}.split(${JSON.stringify(r.pick([",", "a", "-"]))}).join("/")`;
      default:
        return `${s()}.concat(${s()})`;
    }
  }

  boolExpr(d: number): string {
    const r = this.r;
    switch (r.int(6)) {
      case 0:
        return `(${this.intExpr(d)} < ${this.intExpr(d)})`;
      case 1:
        return this.ints.length > 0 ? `${r.pick(this.ints)}.includes(${this.intExpr(d)})` : "true";
      case 2:
        return `${this.strExpr(d)}.includes(${this.word()})`;
      case 3:
        return this.ints.length > 0 ? `${r.pick(this.ints)}.some((v) => v % ${r.between(2, 5)} === 0)` : "false";
      case 4:
        return this.objs.length > 0 && this.classes.length > 1 ? `${this.objRead(r.pick(this.objs))} instanceof ${r.pick(this.classes)}` : "true";
      default:
        // String(...) widens a literal to string: TypeScript rejects comparing two different literals.
        return `String(${this.strExpr(d)}) === ${this.strExpr(d)}`;
    }
  }

  objRead(a: string): string {
    return `${a}[${this.r.int(3)} % ${a}.length]`;
  }
  objCall(a: string, d: number): string {
    return `${this.objRead(a)}.f(${this.intExpr(d)})`;
  }

  print(): void {
    const r = this.r;
    const what: string[] = [];
    for (let i = r.between(1, 3); i > 0; i--) {
      const k = r.int(4);
      what.push(k === 0 ? this.intExpr(2) : k === 1 ? this.strExpr(2) : k === 2 ? this.boolExpr(1) : this.intExpr(1));
    }
    this.emit(`console.log(${JSON.stringify("p")}, ${what.join(", ")});`);
  }

  /** Statements in a block: the arrays declared there are not visible after it. */
  block(n: number, d: number): void {
    const ints = this.ints.length;
    const strs = this.strs.length;
    this.ind++;
    for (let j = n; j > 0; j--) this.stmt(d);
    this.ind--;
    this.ints.length = ints;
    this.strs.length = strs;
  }

  stmt(d: number): void {
    const r = this.r;
    const k = r.int(16);
    const ia = this.ints.length > 0 ? r.pick(this.ints) : null;
    const sa = this.strs.length > 0 ? r.pick(this.strs) : null;
    if (k === 0 || ia === null) {
      const name = this.fresh("xs");
      const n = r.between(0, 5);
      this.emit(`const ${name}: number[] = [${Array.from({ length: n }, () => this.smallInt()).join(", ")}];`);
      this.ints.push(name);
      return;
    }
    if (k === 1 || sa === null) {
      const name = this.fresh("ss");
      this.emit(`const ${name}: string[] = [${Array.from({ length: r.between(0, 4) }, () => this.word()).join(", ")}];`);
      this.strs.push(name);
      return;
    }
    switch (k) {
      case 2:
        this.emit(`${ia}.push(${this.intExpr(2)});`);
        return;
      case 3:
        this.emit(`if (${ia}.length > 0) console.log("pop", ${ia}.pop()!);`);
        return;
      case 4:
        this.emit(`if (${ia}.length > 0) ${ia}[${this.indexInto(ia)}] = ${this.intExpr(2)};`);
        return;
      case 5:
        // Sliced: a string pushed in a loop may contain the array's own join.
        this.emit(`${sa}.push(${this.strExpr(2)}.slice(0, 24));`);
        return;
      case 6:
        this.emit(`${r.pick([ia, sa])}.reverse();`);
        return;
      case 7:
        this.emit(r.chance(0.5) ? `${ia}.sort((a, b) => a - b);` : `${sa}.sort();`);
        return;
      case 8: {
        const name = this.fresh("xs");
        const src = r.pick([
          `${ia}.map((v, i) => (v * ${r.between(-3, 3)} + i) | 0)`,
          `${ia}.filter((v) => v > ${this.smallInt()})`,
          `${ia}.slice(${r.between(-3, 3)}${r.chance(0.5) ? `, ${r.between(-3, 4)}` : ""})`,
          `${ia}.concat(${r.pick(this.ints)})`,
          `${sa}.map((s) => s.length)`,
        ]);
        this.emit(`const ${name}: number[] = ${src};`);
        this.ints.push(name);
        return;
      }
      case 9:
        this.emit(`if (${ia}.length > 0) console.log("shift", ${ia}.shift()!, ${ia}.unshift(${this.intExpr(1)}));`);
        return;
      case 10:
        this.emit(`console.log("splice", ${ia}.splice(${r.between(-2, 3)}, ${r.between(0, 2)}).join(","), ${ia}.join(","));`);
        return;
      case 11:
        this.emit(`${ia}.fill(${this.intExpr(1)}, ${r.between(-3, 3)}${r.chance(0.5) ? `, ${r.between(-3, 5)}` : ""});`);
        return;
      case 12:
        if (d > 0) {
          const i = this.fresh("i");
          this.emit(`for (let ${i} = 0; ${i} < ${r.between(1, 4)}; ${i}++) {`);
          this.block(r.between(1, 3), d - 1);
          this.emit("}");
          return;
        }
        this.print();
        return;
      case 13:
        if (d > 0) {
          this.emit(`if (${this.boolExpr(1)}) {`);
          this.block(1, d - 1);
          this.emit("} else {");
          this.block(1, d - 1);
          this.emit("}");
          return;
        }
        this.print();
        return;
      case 14:
        if (this.objs.length > 0) {
          const o = r.pick(this.objs);
          this.emit(`${this.objRead(o)}.n = ${this.intExpr(1)};`);
          this.emit(`for (const o of ${o}) console.log(o.tag(), o.f(${this.smallInt()}), o.n);`);
          return;
        }
        this.print();
        return;
      default:
        this.print();
    }
  }
}

/** A base class and up to three subclasses with fields and overridden methods. */
function classes(r: Rand): { src: string; names: string[]; ctors: string[] } {
  const base = `D${ID}x0`;
  const names = [base];
  const ctors = [`new ${base}(${r.between(-5, 9)}, ${JSON.stringify(r.pick(WORDS))})`];
  const lines = [
    `class ${base} {`,
    `  constructor(public n: number, public s: string) {}`,
    `  f(x: number): number {`,
    `    return (this.n * ${r.between(1, 7)} + x) | 0;`,
    `  }`,
    `  tag(): string {`,
    `    return "${base}:" + this.s + this.n;`,
    `  }`,
    `}`,
  ];
  const nSub = r.between(1, 3);
  for (let i = 1; i <= nSub; i++) {
    const name = `D${ID}x${i}`;
    const parent = r.pick(names);
    const extra = r.chance(0.5);
    lines.push(`class ${name} extends ${parent} {`);
    if (extra) lines.push(`  k = ${r.between(0, 9)};`);
    if (r.chance(0.7)) {
      lines.push(`  f(x: number): number {`);
      lines.push(`    return (${r.chance(0.5) ? "super.f(x)" : "x"} ${r.pick(["+", "-", "*"])} ${extra ? "this.k" : String(r.between(1, 5))}) | 0;`);
      lines.push(`  }`);
    }
    if (r.chance(0.6)) {
      lines.push(`  tag(): string {`);
      lines.push(`    return "${name}/" + ${r.chance(0.5) ? "super.tag()" : "this.s.toUpperCase()"};`);
      lines.push(`  }`);
    }
    lines.push(`}`);
    names.push(name);
    ctors.push(`new ${name}(${r.between(-5, 9)}, ${JSON.stringify(r.pick(WORDS))})`);
  }
  return { src: lines.join("\n"), names, ctors };
}

function genDataCase(gv: fc.GeneratorValue): string {
  const r = new Rand(gv);
  const useClasses = r.chance(0.6);
  const cls = useClasses ? classes(r) : null;
  const g = new DataGen(r, cls?.names ?? []);
  if (cls) {
    const objs = Array.from({ length: r.between(1, 4) }, () => r.pick(cls.ctors));
    g.emit(`const os0: D${ID}x0[] = [${objs.join(", ")}];`);
    g.objs.push("os0");
  }
  for (let i = r.between(4, 12); i > 0; i--) g.stmt(2);
  for (const a of [...g.ints, ...g.strs]) g.emit(`console.log("end", ${a}.length, ${a}.join(";"));`);
  const fn = [`function case${ID}(): void {`, ...g.lines, "}"].join("\n");
  return cls ? `${cls.src}\n\n${fn}` : fn;
}

/** One case over arrays, strings and classes. */
export const dataCaseArb: fc.Arbitrary<string> = fc.gen().map(genDataCase);
