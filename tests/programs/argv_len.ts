// argv: the runner passes no arguments, so argv.length is 0 and the loop body never runs.
export function main(argv: string[]): number {
  console.log(argv.length);
  console.log("argc:", argv.length);
  let total = 0;
  for (const a of argv) {
    console.log("arg", a);
    total += a.length;
  }
  for (let i = 0; i < argv.length; i++) {
    console.log(i, argv[i]);
  }
  console.log("total chars", total);
  console.log(argv.length === 0 ? "no args" : "some args");
  const copy: string[] = [];
  for (const a of argv) copy.push(a);
  copy.push("extra");
  console.log(copy.length, copy[copy.length - 1]);
  return argv.length;
}
