// Loops: while, do-while (body runs at least once, continue jumps to the test), for (with a comma
// update), for(;;), for-of over number[] and string[], nested loops, counting down.
export function main(argv: string[]): number {
  let i = 0;
  let s = "";
  while (i < 5) {
    s += i;
    i++;
  }
  console.log("while", s, i);
  let j = 10;
  let runs = 0;
  do {
    runs++;
    j++;
  } while (j < 5);
  console.log("do-while once", runs, j);
  let k = 0;
  let odd = "";
  do {
    k++;
    if (k % 2 === 0) continue;
    odd += k + " ";
  } while (k < 9);
  console.log("do-while continue", odd);
  let total = 0;
  for (let n = 1; n <= 10; n++) total += n;
  console.log("for", total);
  let pairs = "";
  for (let a = 0, b = 10; a < b; a++, b -= 2) pairs += "(" + a + "," + b + ")";
  console.log("comma update", pairs);
  let steps = 0;
  for (;;) {
    steps++;
    if (steps * steps > 50) break;
  }
  console.log("for(;;)", steps);
  const nums: number[] = [3, 1, 4, 1, 5, 9, 2, 6];
  let prod = 1;
  for (const n of nums) prod *= n;
  console.log("for-of numbers", prod);
  const words: string[] = ["alpha", "beta", "gamma"];
  let initials = "";
  for (const w of words) initials += w.charAt(0);
  console.log("for-of strings", initials);
  let grid = "";
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) grid += r * 4 + c + (c < 3 ? " " : "");
    grid += r < 2 ? " / " : "";
  }
  console.log("nested", grid);
  let down = "";
  for (let n = 10; n > 0; n -= 3) down += n + " ";
  console.log("down", down);
  let x = 27;
  let collatz = 0;
  while (x !== 1) {
    x = x % 2 === 0 ? x / 2 : 3 * x + 1;
    collatz++;
  }
  console.log("collatz(27) steps", collatz);
  let w = 0;
  while (true) {
    w += 7;
    if (w > 30) break;
  }
  console.log("while(true)", w);
  let mutated = 0;
  const arr: number[] = [1, 2, 3];
  for (const v of arr) mutated += v * 10;
  for (let idx = 0; idx < arr.length; idx++) arr[idx] = arr[idx] * arr[idx];
  console.log(mutated, arr[0], arr[1], arr[2]);
  return 0;
}
