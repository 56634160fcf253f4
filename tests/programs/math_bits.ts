// Math.imul, Math.clz32 and Math.fround as a VM's hashing, bit tricks and float32 emulation
// use them: MurmurHash3 (x86, 32-bit) of strings, FNV-1a, next powers of two and integer
// log2, and single-precision arithmetic.
function murmur3(key: string, seed: number): number {
  let h = seed | 0;
  const n = key.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    let k = (key.charCodeAt(i) & 0xff) | ((key.charCodeAt(i + 1) & 0xff) << 8) | ((key.charCodeAt(i + 2) & 0xff) << 16) | ((key.charCodeAt(i + 3) & 0xff) << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const rest = n - i;
  if (rest === 3) k ^= (key.charCodeAt(i + 2) & 0xff) << 16;
  if (rest >= 2) k ^= (key.charCodeAt(i + 1) & 0xff) << 8;
  if (rest >= 1) {
    k ^= key.charCodeAt(i) & 0xff;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function nextPow2(x: number): number {
  return x <= 1 ? 1 : 2 ** (32 - Math.clz32(x - 1));
}

function log2Floor(x: number): number {
  return 31 - Math.clz32(x);
}

export function main(argv: string[]): number {
  for (const s of ["", "a", "ab", "abc", "abcd", "hello world", "The quick brown fox jumps over the lazy dog"]) {
    console.log(JSON_quote(s), murmur3(s, 0), murmur3(s, 42), fnv1a(s));
  }
  console.log(Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 0x7fffffff), Math.imul(2.9, 3.9), Math.imul(-0, 7));
  console.log(Math.clz32(0), Math.clz32(1), Math.clz32(-1), Math.clz32(0x80000000), Math.clz32(1000), Math.clz32(3.7), Math.clz32(2 ** 32 + 8));
  const sizes: string[] = [];
  for (const x of [0, 1, 2, 3, 5, 8, 9, 100, 1000, 65537, 1000000]) sizes.push(`${x}->${nextPow2(x)}/${x > 0 ? log2Floor(x) : -1}`);
  console.log(sizes.join(" "));
  let acc = 0.0;
  let acc32 = Math.fround(0);
  for (let i = 1; i <= 100; i++) {
    acc += 1 / i;
    acc32 = Math.fround(acc32 + Math.fround(1 / i));
  }
  console.log(acc, acc32, Math.fround(0.1), Math.fround(1e40), Math.fround(-1e-50), Math.fround(16777217), Math.fround(5.5));
  return 0;
}

function JSON_quote(s: string): string {
  return '"' + s + '"';
}
