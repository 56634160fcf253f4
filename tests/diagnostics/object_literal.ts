export function main(argv: string[]): number {
  const p = { x: 1, y: 2 };
  return p.x + p.y;
}
