// Set<T>: union, intersection, difference through generic helpers; Array.from over keys,
// values and sets; strings, numbers and objects as elements.
function union<T>(a: Set<T>, b: Set<T>): Set<T> {
  const out = new Set<T>();
  for (const x of a) out.add(x);
  for (const x of b) out.add(x);
  return out;
}

function intersection<T>(a: Set<T>, b: Set<T>): Set<T> {
  const out = new Set<T>();
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}

function difference<T>(a: Set<T>, b: Set<T>): Set<T> {
  const out = new Set<T>();
  for (const x of a) if (!b.has(x)) out.add(x);
  return out;
}

function setOf(xs: string[]): Set<string> {
  return new Set<string>(xs);
}

function joined(s: Set<string>): string {
  return Array.from(s).join(",");
}

class Token {
  constructor(public text: string) {}
}

export function main(argv: string[]): number {
  const a = setOf("the quick brown fox jumps over the lazy dog".split(" "));
  const b = setOf("a lazy dog sleeps over the brown mat".split(" "));
  console.log(a.size, b.size);
  console.log("union", joined(union(a, b)));
  console.log("both", joined(intersection(a, b)));
  console.log("only a", joined(difference(a, b)));

  const primes = new Set<number>();
  for (let n = 2; n < 60; n++) {
    let prime = true;
    for (const p of primes) if (n % p === 0) prime = false;
    if (prime) primes.add(n);
  }
  const odds = new Set<number>();
  for (let n = 1; n < 60; n += 2) odds.add(n);
  const arr = Array.from(intersection(primes, odds));
  let line = "";
  for (const p of arr) line += p + " ";
  console.log(arr.length, line);

  const m = new Map<string, number>();
  m.set("x", 10);
  m.set("y", 20);
  m.set("z", 30);
  const ks = Array.from(m.keys());
  const vs = Array.from(m.values());
  ks.push("w");
  console.log(ks.join("/"), vs[0] + vs[1] + vs[2], m.size);

  const t1 = new Token("a");
  const t2 = new Token("a");
  const toks = new Set<Token>();
  toks.add(t1);
  toks.add(t2);
  toks.add(t1);
  const both = union(toks, new Set<Token>());
  console.log(toks.size, both.size, both.has(t2), intersection(toks, both).size);
  for (const t of Array.from(toks)) toks.delete(t);
  console.log(toks.size);
  return 0;
}
