// Division is always float division (7/2 = 3.5); truncation with |0; floor division by hand.
function floorMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function floorDiv(a: number, b: number): number {
  return (a - floorMod(a, b)) / b;
}

export function main(argv: string[]): number {
  console.log(7 / 2, 6 / 3, 1 / 3, -7 / 2, 7 / -2, -7 / -2, 1 / 8, 10 / 4);
  console.log(0 / 5, 0 / -5, 1 / 0, -1 / 0, 0 / 0);
  console.log((7 / 2) | 0, (-7 / 2) | 0, ~~(10 / 3), (1000000 / 7) | 0);
  let a = 7;
  let b = 2;
  const q = a / b;
  console.log(q, q * b, q === 3.5);
  a = 9;
  b = 3;
  console.log(a / b, a / b === 3, (a / b) * 2);
  for (let i = -7; i <= 7; i += 2) {
    console.log(i, "/ 3 =", i / 3, "trunc", (i / 3) | 0, "floor", floorDiv(i, 3), "mod", floorMod(i, 3));
  }
  let x = 1000;
  for (let i = 0; i < 5; i++) {
    x = x / 10;
    console.log(x);
  }
  let y = 1;
  for (let i = 0; i < 4; i++) {
    y = y / 3;
    console.log(y);
  }
  console.log(y * 81);
  const total = 22;
  const parts = 7;
  console.log("share", total / parts, "whole", (total / parts) | 0, "rest", total % parts);
  return 0;
}
