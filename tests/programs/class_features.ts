// Class features: getters and setters (also overridden), static methods and fields,
// default and optional parameters, ?? and ?. on object values, enums.
enum Color {
  Red,
  Green = 5,
  Blue,
}
enum Unit {
  Meter = "m",
  Foot = "ft",
}

class Temperature {
  private celsius = 0;
  static readonly ABSOLUTE_ZERO = -273.15;
  static created = 0;
  get fahrenheit(): number {
    return this.celsius * 1.8 + 32;
  }
  set fahrenheit(f: number) {
    this.celsius = (f - 32) / 1.8;
  }
  get value(): number {
    return this.celsius;
  }
  static freezing(): Temperature {
    return new Temperature();
  }
}

class Loud extends Temperature {
  get value(): number {
    return super.value * 10;
  }
}

class Node2 {
  constructor(public label: string, public next: Node2 | null = null) {}
  describe(prefix: string = "node", sep = ":"): string {
    return prefix + sep + this.label;
  }
}

function scale(x: number, factor = 2, offset: number = 0.5): number {
  return x * factor + offset;
}

function greet(name?: string): string {
  return "hello " + (name ?? "stranger");
}

export function main(argv: string[]): number {
  const t = Temperature.freezing();
  console.log(t.fahrenheit, t.value);
  t.fahrenheit = 212;
  console.log(t.fahrenheit, t.value);
  t.fahrenheit += 18;
  console.log(t.value, Temperature.ABSOLUTE_ZERO, Temperature.created);
  const temps: Temperature[] = [new Temperature(), new Loud()];
  for (const x of temps) {
    x.fahrenheit = 50;
    console.log(x.value);
  }
  console.log(scale(3), scale(3, 3), scale(3, 3, 0));
  console.log(greet(), greet("ada"));
  const a = new Node2("a", new Node2("b"));
  console.log(a.describe(), a.describe("first"), a.describe("x", "="));
  console.log(a.next?.label, a.next?.next?.label ?? "end", a.next?.describe());
  const none: Node2 | null = argv.length > 5 ? a : null;
  console.log(none?.label ?? "nobody", (none ?? a).label);
  console.log(Color.Red, Color.Green, Color.Blue, Unit.Foot, Unit.Meter + "/s");
  const c: Color = Color.Blue;
  console.log(c === Color.Blue, c > Color.Red);
  return 0;
}
