// Exceptions and closures: thrown from arrow functions, through the array methods that call
// them, caught around a callback; a finally updating a captured counter.
class Invalid extends Error {
  constructor(public item: number) {
    super("invalid item " + item);
    this.name = "Invalid";
  }
}

function checkAll(items: number[], check: (x: number) => boolean): number {
  let ok = 0;
  for (const x of items) {
    if (!check(x)) throw new Invalid(x);
    ok++;
  }
  return ok;
}

export function main(argv: string[]): number {
  let attempts = 0;
  const limit = 50;
  const guarded = (xs: number[]): string => {
    try {
      attempts++;
      return "ok " + checkAll(xs, (x) => x < limit);
    } catch (e) {
      if (e instanceof Invalid) return "bad " + e.item;
      throw e;
    } finally {
      attempts += 100;
    }
  };
  console.log(guarded([1, 2, 3]), guarded([10, 60, 20]), attempts);
  const doubled = (xs: number[]): number[] =>
    xs.map((x) => {
      if (x < 0) throw new RangeError("negative " + x);
      return x * 2;
    });
  for (const xs of [[1, 2], [3, -4, 5], []]) {
    try {
      const d = doubled(xs);
      console.log(d.length, d.length > 0 ? d[d.length - 1] : -1);
    } catch (e) {
      console.log((e as Error).name, (e as Error).message);
    }
  }
  const failures: string[] = [];
  const run = (name: string, f: () => number): void => {
    try {
      console.log(name, f());
    } catch (e) {
      failures.push(name + ": " + (e as Error).message);
    }
  };
  run("sum", () => [1, 2, 3].reduce((a, b) => a + b, 0));
  run("throws", () => {
    throw new Error("from a closure");
  });
  run("nested", () => checkAll([5, 500], (x) => x < 100));
  console.log(failures.join(" | "));
  return 0;
}
