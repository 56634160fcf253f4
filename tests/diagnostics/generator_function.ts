export function main(argv: string[]): number {
  const count = function* (n: number) {
    for (let i = 0; i < n; i++) yield i;
  };
  for (const x of count(3)) console.log(x);
  return 0;
}
