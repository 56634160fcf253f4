// Generic methods (instance and static), monomorphized per receiver class and type arguments:
// a generic method of a generic class, one inherited through a generic base, `this.m<U>()`,
// closures inside generic methods, a generic method called through null, and `instanceof`
// of generic classes.
class Box<T> {
  constructor(public value: T) {}
  map<U>(f: (x: T) => U): Box<U> {
    return new Box<U>(f(this.value));
  }
  zip<U>(other: Box<U>): Pair<T, U> {
    return new Pair<T, U>(this.value, other.value);
  }
  twice(): Box<string> {
    return this.map((x: T) => `${x}${x}`);
  }
}

class Pair<A, B> {
  constructor(public first: A, public second: B) {}
  describe<S>(sep: S): string {
    return `${this.first}${sep}${this.second}`;
  }
}

class Registry {
  private entries: string[] = [];
  static first<T>(xs: T[]): T {
    return xs[0];
  }
  static repeat<T>(x: T, n: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(x);
    return out;
  }
  add<T>(label: string, items: T[], show: (x: T) => string): number {
    let count = 0;
    for (const x of items) {
      this.entries.push(`${label}:${show(x)}`);
      count++;
    }
    return this.entries.length;
  }
  dump(): string {
    return this.entries.join(",");
  }
}

/** Inherits the generic methods of Registry; a generic base class instantiated by a subclass. */
class NamedRegistry extends Registry {
  constructor(public name: string) {
    super();
  }
}
class IntBox extends Box<number> {
  double(): number {
    return this.map((x) => x * 2).value;
  }
  negated(): Box<number> {
    return super.map((x) => -x);
  }
}

class List<T> {
  items: T[] = [];
  push(x: T): List<T> {
    this.items.push(x);
    return this;
  }
  fold<R>(init: R, f: (acc: R, x: T) => R): R {
    let acc = init;
    for (const x of this.items) acc = f(acc, x);
    return acc;
  }
  mapList<U>(f: (x: T) => U): List<U> {
    const out = new List<U>();
    for (const x of this.items) out.push(f(x));
    return out;
  }
}

/** `instanceof` of a generic class where the value's type holds one instantiation of it. */
function describeItem(x: Box<number> | Pair<string, number> | Registry): string {
  if (x instanceof Box) return `box ${x.value + 1}`;
  if (x instanceof Pair) return `pair ${x.first}${x.second}`;
  return "registry";
}

function maybeRegistry(n: number): Registry | null {
  return n > 0 ? new Registry() : null;
}

export function main(argv: string[]): number {
  const b = new Box<number>(21);
  console.log(b.map((x) => x * 2).value, b.map((x) => `n${x}`).value, b.map((x) => x > 20).value);
  console.log(b.twice().value, new Box<string>("ab").twice().value);
  const p = b.zip(new Box<string>("z"));
  console.log(p.first + 1, p.second, p.describe("-"), p.describe(0.5), p.describe(true));
  console.log(Registry.first([3, 4]), Registry.first(["a", "b"]), Registry.repeat("ab", 3).join("|"));
  console.log(Registry.repeat(1.5, 2).length, Registry.repeat(7, 0).length);
  const r = new NamedRegistry("reg");
  console.log(r.add("n", [1, 2], (x) => `${x * 10}`), r.add("s", ["u", "v", "w"], (s) => s.toUpperCase()));
  console.log(r.name, r.dump());
  console.log(new IntBox(8).double(), new IntBox(8).map((x) => x + 0.25).value, new IntBox(8).negated().value);
  const l = new List<number>().push(1).push(2).push(3);
  console.log(l.fold(0, (a, x) => a + x), l.fold("", (a, x) => a + x), l.mapList((x) => x * x).fold(0, (a, x) => a + x));
  const words = l.mapList((x) => "w" + x);
  console.log(words.fold(0, (a, w) => a + w.length), words.items.join(" "));
  console.log(describeItem(new Box<number>(1)), describeItem(new IntBox(2)), describeItem(new Pair<string, number>("a", 1)), describeItem(r));
  try {
    console.log(maybeRegistry(1)!.add("x", [1], (x) => `${x}`));
    console.log(maybeRegistry(0)!.add("y", [2], (x) => `${x}`));
  } catch (e) {
    console.log("caught", e instanceof TypeError, (e as Error).message);
  }
  return 0;
}
