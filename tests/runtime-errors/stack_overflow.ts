// Unbounded recursion: Node throws RangeError; translated, the Wasm stack is exhausted.
function down(n: number): number {
  return down(n + 1) + 1;
}
export function main(argv: string[]): number {
  console.log("before");
  return down(0);
}
