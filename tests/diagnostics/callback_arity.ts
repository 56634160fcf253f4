function applyAll(fs: ((x: number) => number)[], x: number): number {
  let acc = 0;
  for (const f of fs) acc += f(x);
  return acc;
}

function scale(x: number, by?: number): number {
  return by === undefined ? x : x * by;
}

export function main(argv: string[]): number {
  console.log(applyAll([(x) => x + 1, scale], 3));
  return 0;
}
