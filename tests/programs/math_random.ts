// Math.random is seeded (rlib/random.ts): the same numbers untranslated and translated.
export function main(argv: string[]): number {
  let sum = 0;
  const counts = new Int32Array(10);
  for (let i = 0; i < 10000; i++) {
    const r = Math.random();
    sum += r;
    counts[Math.floor(r * 10)]++;
  }
  console.log(Math.random(), Math.random());
  let line = "";
  for (let i = 0; i < 10; i++) line += counts[i] + " ";
  console.log(line, sum > 4800 && sum < 5200);
  return 0;
}
