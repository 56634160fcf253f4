// Bitwise operators with exact JS 32-bit semantics: | & ^ ~ << >> >>> on negatives, on values beyond
// 32 bits, shift counts taken mod 32, and 32-bit hashing.
export function main(argv: string[]): number {
  console.log(5 | 3, 5 & 3, 5 ^ 3, ~5, 5 << 2, 5 >> 1, 5 >>> 1);
  console.log(-5 | 3, -5 & 3, -5 ^ 3, ~-5, -5 << 2, -5 >> 1, -5 >>> 1);
  console.log(-1 >>> 0, -1 >>> 28, -1 >> 28, -8 >> 1, -8 >>> 1, -2147483648 >> 31, -2147483648 >>> 31);
  console.log(1 << 31, 1 << 32, 1 << 33, 1 << -1, 3 << 30, 0x7fffffff << 1, 0x40000000 << 1);
  console.log(2 ** 32 + 5 | 0, (2 ** 32 + 5) >>> 0, 2 ** 31 | 0, 2 ** 31 >>> 0, (2 ** 32 - 1) | 0);
  console.log(4294967296 * 3 + 7 | 0, -(2 ** 31) - 1 | 0, 2 ** 40 >> 3, (2 ** 40 + 2 ** 31) >>> 0);
  console.log(1e10 | 0, -1e10 | 0, 3.7 | 0, -3.7 | 0, ~~5.99, ~~-5.99, 2.5 >> 0, -2.5 >>> 0);
  console.log(0xdeadbeef | 0, 0xdeadbeef & 0xffff, 0xdeadbeef >>> 16, 0xdeadbeef >> 16, 0xcafebabe ^ 0xffffffff);
  console.log(0xff00 & 0x0ff0, 0xff00 | 0x0ff0, 0xff00 ^ 0x0ff0, ~0xff);
  let x = 1;
  let shifts = "";
  for (let i = 0; i < 34; i += 3) shifts += (x << i) + " ";
  console.log(shifts);
  let r = "";
  for (let i = 0; i < 40; i += 5) r += (-1000000 >> i) + "/" + (-1000000 >>> i) + " ";
  console.log(r);
  let h = 0;
  const text = "The quick brown fox jumps over the lazy dog";
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  console.log("hash", h, h >>> 0);
  let bits = 0;
  let v = 0xf0f0f0f;
  while (v !== 0) {
    bits += v & 1;
    v = v >>> 1;
  }
  console.log("popcount", bits);
  let rot = 0x12345678;
  for (let i = 0; i < 4; i++) {
    rot = (rot << 8) | (rot >>> 24);
    console.log("rotl8", rot, rot >>> 0);
  }
  const big = 2 ** 45 + 12345;
  console.log(big | 0, big & 0xff, big >> 2, big >>> 2, big ^ 1, ~big);
  let flags = 0;
  flags |= 1 << 3;
  flags |= 1 << 31;
  console.log(flags, flags >>> 0, (flags & (1 << 31)) !== 0, (flags & (1 << 2)) !== 0);
  return 0;
}
