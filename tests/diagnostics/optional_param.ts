function greet(name?: string): string {
  return "hi " + name;
}
export function main(argv: string[]): number {
  console.log(greet("x"));
  return 0;
}
