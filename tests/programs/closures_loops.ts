// Closures made in loops capture each iteration's binding exactly as JavaScript does.
export function main(argv: string[]): number {
  // for (let ...): one binding per iteration, copied before the increment.
  const fs: (() => number)[] = [];
  for (let i = 0; i < 4; i++) fs.push(() => i * i);
  let out = "";
  for (const f of fs) out += f() + " ";
  console.log(out);

  // A closure that changes its iteration's copy; the loop's own counter is unaffected.
  const incs: (() => number)[] = [];
  for (let i = 0; i < 3; i++) {
    incs.push(() => ++i);
    incs.push(() => i);
  }
  console.log(incs.map((f) => "" + f()).join(" "));

  // Changing the loop variable inside the body changes the copy the next iteration starts from.
  const seen: (() => number)[] = [];
  for (let i = 0; i < 10; i++) {
    seen.push(() => i);
    i += 2;
  }
  console.log(seen.map((f) => "" + f()).join(" "));

  // for-of bindings and block-scoped consts in while loops.
  const names: (() => string)[] = [];
  for (const w of ["x", "y", "z"]) names.push(() => w + w);
  let k = 0;
  while (k < 3) {
    const snapshot = k * 100;
    names.push(() => "k" + snapshot);
    k++;
  }
  console.log(names.map((f) => f()).join(" "));

  // A variable declared outside the loop is shared by every closure.
  let outer = 0;
  const readers: (() => number)[] = [];
  for (let i = 0; i < 3; i++) {
    outer += 10;
    readers.push(() => outer + i);
  }
  outer = 1000;
  console.log(readers.map((f) => "" + f()).join(" "));

  // Nested loops: each closure sees its own (i, j).
  const grid: (() => string)[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 2; j++) grid.push(() => `${i}${j}`);
  }
  console.log(grid.map((f) => f()).join(","));

  // do-while with a let declared in the body.
  const dw: (() => number)[] = [];
  let n = 0;
  do {
    let sq = n * n;
    dw.push(() => sq++);
    n++;
  } while (n < 4);
  console.log(dw.map((f) => "" + f()).join(" "), dw.map((f) => "" + f()).join(" "));
  return 0;
}
