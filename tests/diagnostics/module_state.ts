let counter = 0;
function tick(): void {
  counter = counter + 1;
}
export function main(argv: string[]): number {
  tick();
  return counter;
}
