class Failure extends Error {}

function pending(n: number): Failure | null {
  return n > 1 ? new Failure("n > 1") : null;
}

export function main(argv: string[]): number {
  const f = pending(argv.length);
  if (argv.length > 3) throw f;
  return 0;
}
