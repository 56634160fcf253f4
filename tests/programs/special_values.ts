// NaN, Infinity, -Infinity: the globals and arithmetic that produces them, comparisons,
// truthiness, conversion to 32-bit integers, printing through console.log and strings.
function isNaNValue(x: number): boolean {
  return x !== x;
}

export function main(argv: string[]): number {
  console.log(NaN, Infinity, -Infinity);
  const nan = 0 / 0;
  const inf = 1 / 0;
  const ninf = -1 / 0;
  console.log(nan, inf, ninf);
  console.log("" + nan + " " + inf + " " + ninf, `${NaN}/${Infinity}/${-Infinity}`);
  console.log(nan === nan, nan !== nan, nan < 1, nan > 1, nan <= nan, isNaNValue(nan), isNaNValue(inf));
  console.log(inf > 1.7976931348623157e308, ninf < -1.7976931348623157e308, inf === Infinity, -inf === ninf);
  console.log(inf - inf, inf * 0, inf + inf, inf * -1, 1 / inf, -1 / inf, inf / inf);
  console.log(1.7976931348623157e308 * 2, -1.7976931348623157e308 * 2, 5e-324 / 2, -5e-324 / 2);
  console.log(nan + 1, nan * 0, nan - nan);
  console.log(nan | 0, inf | 0, ninf | 0, nan >>> 0, ninf >>> 0, ~nan, ~inf, inf >> 1, nan << 3);
  if (nan) console.log("NaN truthy");
  else console.log("NaN falsy");
  if (inf) console.log("Infinity truthy");
  console.log(!nan, !inf, !!ninf);
  let x = 1.5;
  for (let i = 0; i < 2000; i++) x = x * 2;
  console.log(x, -x, x - x);
  let y = Infinity;
  y = y / 2;
  console.log(y, -y);
  const arr: number[] = [1, NaN, 3];
  let sum = 0;
  for (const v of arr) sum += v;
  console.log(sum, arr[1], arr[0] + arr[2]);
  return 0;
}
