// % follows the sign of the dividend; -4 % 2 is -0; float remainders; % by a never-zero variable.
export function main(argv: string[]): number {
  console.log(7 % 3, -7 % 3, 7 % -3, -7 % -3);
  console.log(6 % 3, -6 % 3, 0 % 5, -4 % 2, 4 % -2);
  console.log(5.5 % 2, -5.5 % 2, 5 % 2.5, 0.3 % 0.1, -1 % 0.75);
  for (let a = -5; a <= 5; a++) {
    let line = "";
    for (let b = 1; b <= 4; b++) line += " " + (a % b);
    console.log(a, ":", line);
  }
  for (let a = -4; a <= 4; a++) {
    console.log(a, "mod 2 ->", a % 2, "mod -3 ->", a % -3);
  }
  let m = 1;
  for (let i = 0; i < 10; i++) {
    m = (m * 7 + 3) % 11;
    console.log("lcg", m);
  }
  let neg = -100;
  neg %= 7;
  console.log(neg);
  let d = 1;
  while (d < 20) {
    console.log(100 % d, -100 % d);
    d = d * 2 + 1;
  }
  return 0;
}
