// Functions whose only results are null or undefined (a translator once returned nothing for
// `return null`, so the caller saw undefined), and try statements after a try block that
// never ends normally (its handler is only reachable through the exception).
class Entry {
  constructor(
    public key: string,
    public next: Entry | null,
  ) {}
  find(key: string): Entry | null {
    return null;
  }
}

function alwaysNull(): Entry | null {
  return null;
}

function alwaysUndefined(): Entry | undefined {
  return undefined;
}

function nothing(): void {}

function nullOrUndefined(flag: boolean): string | null | undefined {
  if (flag) return null;
  return undefined;
}

class Parser {
  pos = 0;
  fail(msg: string): Error {
    return new Error(`${msg} at ${this.pos}`);
  }
  skipForever(text: string): void {
    for (;;) {
      if (this.pos >= text.length) throw this.fail("end of input");
      this.pos++;
    }
  }
}

function step(n: number): number {
  if (n > 5) throw new RangeError("too far");
  return n + 2;
}

export function main(argv: string[]): number {
  const a = alwaysNull();
  const b = alwaysUndefined();
  console.log(a === null, a === undefined, a == null, b === null, b === undefined, b == null);
  console.log(String(a === null) + "/" + String(b === undefined));
  const e = new Entry("k", null);
  const f = e.find("x");
  console.log(f === null, f === undefined, e.next === null);
  const g: () => Entry | null = () => null;
  const h = g();
  console.log(h === null, h === undefined);
  nothing();
  for (const flag of [true, false]) {
    const r = nullOrUndefined(flag);
    console.log(flag, r === null, r === undefined, r ?? "default");
  }
  const p = new Parser();
  try {
    p.skipForever("abc");
  } catch (err) {
    console.log("first", (err as Error).message);
  }
  try {
    p.skipForever("abcdef");
  } catch (err) {
    console.log("second", (err as Error).message);
  }
  let n = 0;
  try {
    for (;;) n = step(n);
  } catch (err) {
    console.log("never", n);
  } finally {
    console.log("finally runs", n);
  }
  return 0;
}
