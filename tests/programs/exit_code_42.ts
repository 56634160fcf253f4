// Exit code: main returns a computed 42 (6 * 7 by repeated addition), from inside a loop.
function multiply(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < b; i++) r += a;
  return r;
}

export function main(argv: string[]): number {
  let n = 0;
  while (true) {
    n++;
    const p = multiply(6, n);
    console.log("6 *", n, "=", p);
    if (p === 42) {
      console.log("found the answer");
      return p;
    }
    if (n > 100) break;
  }
  console.log("not reached");
  return 1;
}
