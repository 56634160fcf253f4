// Generic classes and functions used at several types (one specialization per type).
class Stack<T> {
  private items: T[] = [];
  push(x: T): void {
    this.items.push(x);
  }
  pop(): T {
    return this.items.pop()!;
  }
  peek(): T {
    return this.items[this.items.length - 1];
  }
  get size(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
}

class Pair<A, B> {
  constructor(public first: A, public second: B) {}
  swap(): Pair<B, A> {
    return new Pair<B, A>(this.second, this.first);
  }
}

class Queue<T> {
  private front: T[] = [];
  private back: T[] = [];
  enqueue(x: T): void {
    this.back.push(x);
  }
  dequeue(): T {
    if (this.front.length === 0) {
      while (this.back.length > 0) this.front.push(this.back.pop()!);
    }
    return this.front.pop()!;
  }
  get length(): number {
    return this.front.length + this.back.length;
  }
}

/** A base class with a type parameter, extended at a fixed type and generically. */
class Box<T> {
  constructor(public value: T) {}
  get(): T {
    return this.value;
  }
}
class NamedBox<T> extends Box<T> {
  constructor(public name: string, value: T) {
    super(value);
  }
}
class Counter extends Box<number> {
  bump(): void {
    this.value++;
  }
}

class Cache<V> {
  private map = new Map<string, V>();
  misses = 0;
  lookup(key: string, make: Maker<V>): V {
    if (!this.map.has(key)) {
      this.misses++;
      this.map.set(key, make.make(key));
    }
    return this.map.get(key)!;
  }
}
abstract class Maker<V> {
  abstract make(key: string): V;
}
class LengthMaker extends Maker<number> {
  make(key: string): number {
    return key.length * 10;
  }
}
class UpperMaker extends Maker<string> {
  make(key: string): string {
    return key.toUpperCase();
  }
}

/** A generic interface implemented by unrelated classes, one of them generic itself. */
interface Source<T> {
  next(): T;
}
class Naturals implements Source<number> {
  n = 0;
  next(): number {
    return this.n++;
  }
}
class Cycle<T> implements Source<T> {
  i = 0;
  constructor(public items: T[]) {}
  next(): T {
    const x = this.items[this.i];
    this.i = (this.i + 1) % this.items.length;
    return x;
  }
}
function numbers(xs: number[]): string {
  let s = "";
  for (const x of xs) s += " " + x;
  return s;
}
function take<T>(src: Source<T>, n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(src.next());
  return out;
}

function first<T>(xs: T[]): T {
  return xs[0];
}
function last<T>(xs: T[]): T {
  return xs[xs.length - 1];
}
function reversed<T>(xs: T[]): T[] {
  const out: T[] = [];
  for (let i = xs.length - 1; i >= 0; i--) out.push(xs[i]);
  return out;
}
function countIn<K>(xs: K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}
function makePair<A, B>(a: A, b: B): Pair<A, B> {
  return new Pair<A, B>(a, b);
}

export function main(argv: string[]): number {
  const ns = new Stack<number>();
  const ss = new Stack<string>();
  const ps = new Stack<Pair<string, number>>();
  for (let i = 0; i < 5; i++) {
    ns.push(i * 1.5);
    ss.push("s" + i);
    ps.push(new Pair<string, number>("p" + i, i));
  }
  console.log(ns.size, ss.size, ps.size, ns.peek(), ss.peek(), ps.peek().first);
  let line = "";
  while (!ss.isEmpty()) line += ss.pop() + ns.pop() + " ";
  console.log(line);
  const p = ps.pop().swap();
  console.log(p.first, p.second);

  const q = new Queue<string>();
  const qi = new Queue<number>();
  for (let i = 0; i < 6; i++) {
    q.enqueue("job" + i);
    qi.enqueue(i * i);
  }
  console.log(q.dequeue(), q.dequeue(), qi.dequeue() + qi.dequeue(), q.length, qi.length);

  const nb = new NamedBox<string>("greeting", "hello");
  const c = new Counter(41);
  c.bump();
  console.log(nb.name, nb.get(), c.get(), new Box<boolean>(true).get());

  const lengths = new Cache<number>();
  const uppers = new Cache<string>();
  const lm = new LengthMaker();
  const um = new UpperMaker();
  for (const w of ["alpha", "beta", "alpha", "gamma", "beta"]) console.log(w, lengths.lookup(w, lm), uppers.lookup(w, um));
  console.log("misses", lengths.misses, uppers.misses);

  console.log(first([3, 1, 2]), first(["x", "y"]), last([0.5, 0.25]), last(reversed(["a", "b", "c"])));
  const words = countIn(["a", "b", "a", "c", "a", "b"]);
  for (const [w, n] of words) console.log(w, n);
  const nums = countIn([1, 2, 2, 3, 3, 3]);
  for (const [k, n] of nums) console.log(k, n);
  const sources: Source<number>[] = [new Naturals(), new Cycle<number>([10, 20, 30])];
  for (const src of sources) console.log(numbers(take(src, 4)), numbers(take(src, 2)));
  console.log(take(new Cycle<string>(["x", "y"]), 5).join(""));
  const mp = makePair("k", makePair(1, true));
  console.log(mp.first, mp.second.first, mp.second.second);
  return 0;
}
