export function main(argv: string[]): number {
  const handlers: ((x: number) => void)[] = [];
  const seen: number[] = [];
  handlers.push((x) => {
    console.log(x);
  });
  handlers.push((x) => seen.push(x));
  for (const h of handlers) h(1);
  return 0;
}
