// An LRU cache (a Map to nodes of a doubly linked list, evicting the least recently used),
// as an inline cache or a compiled-code cache in a VM would be kept, with hit statistics.
class Node2 {
  prev: Node2 | null = null;
  next: Node2 | null = null;
  constructor(
    public key: string,
    public value: number,
  ) {}
}

class LruCache {
  private map = new Map<string, Node2>();
  private head: Node2 | null = null;
  private tail: Node2 | null = null;
  hits = 0;
  misses = 0;
  evicted: string[] = [];
  constructor(public capacity: number) {}

  private unlink(n: Node2): void {
    if (n.prev) n.prev.next = n.next;
    else this.head = n.next;
    if (n.next) n.next.prev = n.prev;
    else this.tail = n.prev;
    n.prev = null;
    n.next = null;
  }
  private pushFront(n: Node2): void {
    n.next = this.head;
    if (this.head) this.head.prev = n;
    this.head = n;
    if (!this.tail) this.tail = n;
  }
  get(key: string, compute: (k: string) => number): number {
    const n = this.map.get(key);
    if (n) {
      this.hits++;
      this.unlink(n);
      this.pushFront(n);
      return n.value;
    }
    this.misses++;
    const fresh = new Node2(key, compute(key));
    this.map.set(key, fresh);
    this.pushFront(fresh);
    if (this.map.size > this.capacity) {
      const old = this.tail!;
      this.unlink(old);
      this.map.delete(old.key);
      this.evicted.push(old.key);
    }
    return fresh.value;
  }
  order(): string {
    const keys: string[] = [];
    for (let n = this.head; n; n = n.next) keys.push(n.key);
    return keys.join(",");
  }
}

export function main(argv: string[]): number {
  let computed = 0;
  const cost = (k: string): number => {
    computed++;
    let h = 7;
    for (let i = 0; i < k.length; i++) h = (h * 31 + k.charCodeAt(i)) | 0;
    return h;
  };
  const cache = new LruCache(4);
  for (const k of ["a", "b", "c", "a", "d", "e", "b", "a", "f", "c", "a"]) {
    const v = cache.get(k, cost);
    console.log(k, v, cache.order());
  }
  console.log("hits", cache.hits, "misses", cache.misses, "computed", computed, "evicted", cache.evicted.join(""));
  const big = new LruCache(50);
  let seed = 99;
  let sum = 0;
  for (let i = 0; i < 5000; i++) {
    seed = (seed * 16807) % 2147483647;
    const key = "k" + (seed % 80);
    sum = (sum + big.get(key, cost)) | 0;
  }
  console.log("big", big.hits, big.misses, big.evicted.length, sum, big.order().split(",").length);
  return 0;
}
