// number[] basics: literals, push (returns the new length), pop, length, index read/write,
// arrays passed to functions and mutated there, aliasing, reference equality.
function sum(a: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function doubleAll(a: number[]): void {
  for (let i = 0; i < a.length; i++) a[i] *= 2;
}

function show(a: number[]): string {
  let r = "[";
  for (let i = 0; i < a.length; i++) r += (i > 0 ? ", " : "") + a[i];
  return r + "]";
}

function range(n: number): number[] {
  const r: number[] = [];
  for (let i = 0; i < n; i++) r.push(i);
  return r;
}

export function main(argv: string[]): number {
  const a: number[] = [5, 3, 8, 1];
  console.log(show(a), a.length, a[0], a[3]);
  const newLen = a.push(10);
  console.log(newLen, a.length, show(a));
  a.push(-2);
  a.push(7.5);
  console.log(show(a), sum(a));
  const last = a.pop()!;
  console.log(last, a.length, show(a));
  a.pop();
  console.log(a.length, a[a.length - 1]);
  a[0] = 50;
  a[a.length - 1] += 1;
  console.log(show(a));
  doubleAll(a);
  console.log(show(a), sum(a));
  const empty: number[] = [];
  console.log(empty.length, show(empty), sum(empty));
  empty.push(1);
  console.log(empty.length, empty[0]);
  const r = range(10);
  console.log(show(r), sum(r));
  const alias = r;
  alias[0] = 100;
  console.log(r[0], alias === r, range(2) === range(2));
  const stack: number[] = [];
  for (let i = 1; i <= 5; i++) stack.push(i * i);
  let popped = "";
  while (stack.length > 0) {
    popped += stack[stack.length - 1] + " ";
    stack.pop();
  }
  console.log(popped, stack.length);
  const fib: number[] = [0, 1];
  while (fib.length < 20) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
  console.log(show(fib));
  const rev: number[] = [];
  for (let i = fib.length - 1; i >= 15; i--) rev.push(fib[i]);
  console.log(show(rev));
  const floats: number[] = [0.5, 0.25, 0.125];
  floats[1] = floats[0] + floats[2];
  console.log(show(floats), sum(floats));
  const flags: boolean[] = [true, false];
  flags.push(!flags[1]);
  console.log(flags[0], flags[1], flags[2], flags.length);
  return 0;
}
