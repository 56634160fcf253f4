class P {
  constructor(public x: number, public y: number) {}
}
export function main(argv: string[]): number {
  const { x, ...others } = new P(1, 2);
  return x + others.y;
}
