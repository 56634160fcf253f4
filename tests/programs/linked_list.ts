// A singly linked list built from classes with ListNode | null links: push front/back, length,
// sum, reverse in place, remove, find, and traversal with while (node !== null).
class ListNode {
  next: ListNode | null = null;
  constructor(public value: number) {}
}

class LinkedList {
  head: ListNode | null = null;
  tail: ListNode | null = null;
  size = 0;

  pushFront(v: number): void {
    const n = new ListNode(v);
    n.next = this.head;
    this.head = n;
    if (this.tail === null) this.tail = n;
    this.size++;
  }

  pushBack(v: number): void {
    const n = new ListNode(v);
    const t = this.tail;
    if (t === null) {
      this.head = n;
    } else {
      t.next = n;
    }
    this.tail = n;
    this.size++;
  }

  sum(): number {
    let s = 0;
    let cur = this.head;
    while (cur !== null) {
      s += cur.value;
      cur = cur.next;
    }
    return s;
  }

  str(): string {
    let r = "[";
    let cur = this.head;
    while (cur !== null) {
      r += cur.value;
      if (cur.next !== null) r += " -> ";
      cur = cur.next;
    }
    return r + "]";
  }

  reverse(): void {
    let prev: ListNode | null = null;
    let cur = this.head;
    this.tail = cur;
    while (cur !== null) {
      const next: ListNode | null = cur.next;
      cur.next = prev;
      prev = cur;
      cur = next;
    }
    this.head = prev;
  }

  remove(v: number): boolean {
    let prev: ListNode | null = null;
    let cur = this.head;
    while (cur !== null) {
      if (cur.value === v) {
        if (prev === null) this.head = cur.next;
        else prev.next = cur.next;
        if (this.tail === cur) this.tail = prev;
        this.size--;
        return true;
      }
      prev = cur;
      cur = cur.next;
    }
    return false;
  }

  indexOf(v: number): number {
    let i = 0;
    for (let cur = this.head; cur != null; cur = cur.next) {
      if (cur.value === v) return i;
      i++;
    }
    return -1;
  }
}

export function main(argv: string[]): number {
  const list = new LinkedList();
  console.log(list.str(), list.size, list.sum(), list.head === null);
  for (let i = 1; i <= 5; i++) list.pushBack(i * 10);
  list.pushFront(5);
  list.pushFront(1.5);
  console.log(list.str(), list.size, list.sum());
  list.reverse();
  console.log(list.str());
  console.log(list.remove(30), list.remove(99), list.remove(1.5), list.remove(50));
  console.log(list.str(), list.size);
  list.pushBack(77);
  console.log(list.str(), list.indexOf(77), list.indexOf(5), list.indexOf(1234));
  const t = list.tail;
  if (t !== null) console.log("tail", t.value, t.next === null);
  const big = new LinkedList();
  for (let i = 0; i < 10000; i++) big.pushFront(i);
  console.log(big.size, big.sum());
  big.reverse();
  const h = big.head;
  if (h !== null) console.log("head after reverse", h.value);
  return 0;
}
