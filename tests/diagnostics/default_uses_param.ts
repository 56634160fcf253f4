function area(w: number, h: number = w): number {
  return w * h;
}
export function main(argv: string[]): number {
  return area(3);
}
