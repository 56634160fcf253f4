class Box {
  constructor(private v: number) {}
  get value(): number {
    return this.v;
  }
}
export function main(argv: string[]): number {
  return new Box(3).value;
}
