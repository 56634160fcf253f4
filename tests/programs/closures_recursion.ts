// Recursion through closures: self-recursive arrow functions, nested function
// declarations calling each other (hoisted), and recursive helpers capturing state.
class Node {
  constructor(public value: number, public left: Node | null, public right: Node | null) {}
}

function build(depth: number, next: () => number): Node | null {
  if (depth === 0) return null;
  const v = next();
  return new Node(v, build(depth - 1, next), build(depth - 1, next));
}

export function main(argv: string[]): number {
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const fib = (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2));
  console.log(fact(12), fib(20));

  // Hoisted nested functions: used before their declaration, and mutually recursive.
  console.log(isEven(10), isOdd(7), isEven(7));
  function isEven(n: number): boolean {
    return n === 0 ? true : isOdd(n - 1);
  }
  function isOdd(n: number): boolean {
    return n === 0 ? false : isEven(n - 1);
  }

  // A tree walk with a recursive closure that accumulates into captured variables.
  let counter = 0;
  const tree = build(4, () => ++counter * 3);
  let sum = 0;
  let visited = 0;
  const order: number[] = [];
  const walk = (t: Node | null, depth: number): void => {
    if (t === null) return;
    walk(t.left, depth + 1);
    visited++;
    sum += t.value * depth;
    order.push(t.value);
    walk(t.right, depth + 1);
  };
  walk(tree, 1);
  console.log("visited", visited, "sum", sum);
  console.log(order.map((x) => "" + x).join(" "));

  // Memoization through a captured array.
  const memo: number[] = [];
  let calls = 0;
  function ways(n: number): number {
    calls++;
    if (n < 0) return 0;
    if (n === 0) return 1;
    while (memo.length <= n) memo.push(-1);
    if (memo[n] >= 0) return memo[n];
    const r = ways(n - 1) + ways(n - 2) + ways(n - 3);
    memo[n] = r;
    return r;
  }
  console.log("ways", ways(30), "calls", calls);

  // Closures returning closures, recursively: a chain of adders.
  const chain = (n: number): ((x: number) => number) => (n === 0 ? (x: number) => x : (x: number) => chain(n - 1)(x + n));
  console.log("chain", chain(10)(0));

  // Ackermann through a closure stored in an object field.
  const holder = new Holder();
  holder.f = (m, n) => (m === 0 ? n + 1 : n === 0 ? holder.f(m - 1, 1) : holder.f(m - 1, holder.f(m, n - 1)));
  console.log("ack", holder.f(2, 3));
  return 0;
}

class Holder {
  f: (m: number, n: number) => number = (m, n) => m + n;
}
