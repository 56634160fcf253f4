class Total {
  n = 0;
}
export function main(argv: string[]): number {
  const m = new Map<string, number>();
  m.set("a", 1);
  const t = new Total();
  m.forEach((v) => {
    t.n += v;
  });
  return t.n;
}
