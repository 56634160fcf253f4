// Allocates about 2 GiB in total (2 million 1 KiB arrays) while keeping only the last 64
// alive: a collector must keep the heap small.
export function main(argv: string[]): number {
  const ring: Int32Array[] = [];
  for (let i = 0; i < 64; i++) ring.push(new Int32Array(256));
  let sum = 0;
  for (let i = 0; i < 2000000; i++) {
    const a = new Int32Array(256);
    a[i % 256] = i;
    ring[i % 64] = a;
    sum = (sum + ring[(i * 7) % 64][i % 256]) | 0;
  }
  console.log(sum);
  return 0;
}
