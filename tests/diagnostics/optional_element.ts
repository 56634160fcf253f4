class Env {
  slots: number[] | null = null;
}
export function main(argv: string[]): number {
  const e = new Env();
  return e.slots?.[0] ?? 0;
}
