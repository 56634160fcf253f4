// An uncaught exception from deep recursion: the trace shows the 10 innermost functions
// (V8's default stack trace limit), in every mode.
function down(n: number): number {
  if (n === 0) throw new RangeError("bottom reached");
  return down(n - 1) + 1;
}

export function main(argv: string[]): number {
  console.log(down(30));
  return 0;
}
