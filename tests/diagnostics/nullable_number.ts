class Slot {
  value: number | null = null;
}
export function main(argv: string[]): number {
  const s = new Slot();
  s.value = argv.length;
  return s.value;
}
