// Errors the runtime raises, caught by the program: TypeError for a field read, a field
// write, a method call and a getter through null or undefined (with V8's messages), and the
// library's RangeErrors (repeat, toFixed, toString(radix)).
class Node2 {
  next: Node2 | null = null;
  later?: Node2;
  constructor(public value: number) {}
  describe(): string {
    return "node " + this.value;
  }
  get doubled(): number {
    return this.value * 2;
  }
}

function nth(head: Node2, n: number): Node2 | null {
  let p: Node2 | null = head;
  for (let i = 0; i < n && p !== null; i++) p = p.next;
  return p;
}

function attempt(what: string, k: number, head: Node2): void {
  try {
    const p = nth(head, k);
    let r = "";
    if (what === "read") r = "value " + p!.value;
    else if (what === "write") {
      p!.value = 99;
      r = "wrote";
    } else if (what === "call") r = p!.describe();
    else if (what === "getter") r = "doubled " + p!.doubled;
    else if (what === "undefined") r = "later " + head.later!.value;
    else if (what === "length") {
      const names: string[] | null = k > 2 ? null : ["a"];
      r = "length " + names!.length;
    }
    console.log(what, k, "->", r);
  } catch (e) {
    if (e instanceof TypeError) console.log(what, k, "-> TypeError:", e.message);
    else throw e;
  }
}

function range(what: string, n: number): void {
  try {
    let r = "";
    if (what === "repeat") r = "ab".repeat(n);
    else if (what === "toFixed") r = (1.25).toFixed(n);
    else r = (255).toString(n);
    console.log(what, n, "->", r);
  } catch (e) {
    if (e instanceof RangeError) console.log(what, n, "->", e.name, e.message, e instanceof Error);
  }
}

export function main(argv: string[]): number {
  const head = new Node2(1);
  head.next = new Node2(2);
  head.next.next = new Node2(3);
  for (const what of ["read", "write", "call", "getter", "undefined", "length"]) {
    for (let k = 1; k <= 4; k += 2) attempt(what, k, head);
  }
  range("repeat", 3);
  range("repeat", -1);
  range("toFixed", 1);
  range("toFixed", 101);
  range("toString", 16);
  range("toString", 1);
  range("toString", 37);
  let errors = 0;
  for (let i = 0; i < 200; i++) {
    try {
      const p = nth(head, i % 5);
      errors += p!.value > 0 ? 0 : 1;
    } catch (e) {
      errors += 10;
    }
  }
  console.log("errors", errors);
  return 0;
}
