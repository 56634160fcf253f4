// Maps and Sets built by module initialization (prebuilt): module-level bindings, fields of
// prebuilt instances, static fields, inside arrays and other Maps, shared between holders;
// string, number and object keys; instances of generic classes built at module level.
// Translated, each table's hash index is rebuilt at start-up.
class Op {
  constructor(public name: string, public arity: number) {}
}

class OpTable {
  byName = new Map<string, Op>();
  arities = new Set<number>();
  add(op: Op): OpTable {
    this.byName.set(op.name, op);
    this.arities.add(op.arity);
    return this;
  }
  static readonly shared = new Map<string, number>([["x", 10], ["y", 20]]);
}

class Box<T> {
  constructor(public value: T) {}
}

class Env<T> {
  vars = new Map<string, T>();
  constructor(public parent: Env<T> | null) {}
  lookup(name: string): T | undefined {
    const v = this.vars.get(name);
    if (v !== undefined) return v;
    return this.parent !== null ? this.parent.lookup(name) : undefined;
  }
}

const KEYWORDS = new Map([["if", 1], ["else", 2], ["while", 3], ["return", 4]]);
const VOWELS = new Set("aeiou".split(""));
const EMPTY = new Map<string, string>();
const OPS = new OpTable().add(new Op("add", 2)).add(new Op("neg", 1)).add(new Op("mul", 2));
const NAMES = new Map<Op, string>([[OPS.byName.get("add")!, "plus"], [OPS.byName.get("neg")!, "minus"]]);
const NUMBERS = new Map<number, string>([[0.5, "half"], [-0, "zero"], [NaN, "nan"], [1e21, "big"], [7, "seven"]]);
const NESTED = new Map<string, Set<string>>([["fruit", new Set(["apple", "pear"])], ["veg", new Set(["leek"])]]);
const TABLES: Map<string, number>[] = [KEYWORDS, OpTable.shared];
const BOX: Box<number> = new Box(41);
const BOXES: Box<string>[] = [new Box("p"), new Box("q")];
const GLOBAL_ENV = new Env<string>(null);
GLOBAL_ENV.vars.set("pi", "3.14159");
const LOCAL_ENV = new Env<string>(GLOBAL_ENV);
LOCAL_ENV.vars.set("x", "two");
const BIG = new Map<number, number>();
for (let i = 0; i < 100; i++) BIG.set(i * 7, i);

export function main(argv: string[]): number {
  console.log(KEYWORDS.get("while")!, KEYWORDS.get("for") ?? -1, KEYWORDS.size, KEYWORDS.has("if"));
  KEYWORDS.set("for", 5);
  KEYWORDS.delete("if");
  for (const [k, v] of KEYWORDS) console.log("keyword", k, v);
  console.log(TABLES[0].get("for")!, TABLES[0] === KEYWORDS, TABLES[1].get("y")!);

  let vowels = 0;
  for (const c of "translation at module level".split("")) if (VOWELS.has(c)) vowels++;
  console.log("vowels", vowels, VOWELS.size, Array.from(VOWELS).join(""));
  console.log("empty", EMPTY.size, EMPTY.get("a") ?? "none");
  EMPTY.set("a", "b");
  console.log("empty", EMPTY.size, EMPTY.get("a") ?? "none");

  console.log("ops", OPS.byName.size, OPS.byName.get("mul")!.arity, Array.from(OPS.arities).join(","));
  OPS.add(new Op("sqrt", 1)).add(new Op("fma", 3));
  for (const op of OPS.byName.values()) console.log("op", op.name, op.arity, NAMES.get(op) ?? "-");
  console.log("identity", NAMES.get(new Op("add", 2)) ?? "not found", NAMES.has(OPS.byName.get("neg")!));

  console.log("numbers", NUMBERS.get(0)!, NUMBERS.get(-0)!, NUMBERS.get(NaN)!, NUMBERS.get(0.5)!, NUMBERS.get(1e21)!, NUMBERS.get(7)!, NUMBERS.has(8));
  for (const [kind, items] of NESTED) console.log("nested", kind, items.size, items.has("pear"), Array.from(items).join("+"));
  NESTED.get("veg")!.add("kale");
  console.log("nested", NESTED.get("veg")!.size);

  console.log("static", OpTable.shared.get("x")! + OpTable.shared.get("y")!);
  OpTable.shared.set("z", 30);
  console.log("static", OpTable.shared.size, TABLES[1].get("z")!);

  console.log("generic", BOX.value + 1, BOXES.map((b) => b.value).join(""));
  console.log("env", LOCAL_ENV.lookup("x")!, LOCAL_ENV.lookup("pi")!, LOCAL_ENV.lookup("e") ?? "unbound");

  let sum = 0;
  for (let i = 0; i < 700; i += 7) sum += BIG.get(i)!;
  for (let i = 100; i < 300; i++) BIG.set(i * 7, i);
  console.log("big", BIG.size, sum, BIG.get(693)!, BIG.get(2093)!, BIG.has(1));
  return 0;
}
