function sum(a: number, b: number): number {
  return arguments.length;
}

export function main(argv: string[]): number {
  return sum(1, 2);
}
