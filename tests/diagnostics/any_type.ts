function show(x: any): number {
  return x;
}
export function main(argv: string[]): number {
  return show(1);
}
