// More typed arrays: Int8Array, Int16Array, Uint16Array, Uint32Array wrapping, and a byte buffer
// used as a little-endian 32-bit store.
function store32(buf: Uint8Array, at: number, v: number): void {
  buf[at] = v & 0xff;
  buf[at + 1] = (v >> 8) & 0xff;
  buf[at + 2] = (v >> 16) & 0xff;
  buf[at + 3] = (v >> 24) & 0xff;
}

function load32(buf: Uint8Array, at: number): number {
  return buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24);
}

export function main(argv: string[]): number {
  const i8 = new Int8Array(4);
  i8[0] = 127;
  i8[1] = 128;
  i8[2] = -129;
  i8[3] = 255;
  console.log(i8[0], i8[1], i8[2], i8[3]);
  i8[0]++;
  console.log(i8[0]);
  const i16 = new Int16Array(3);
  i16[0] = 32768;
  i16[1] = -32769;
  i16[2] = 70000;
  console.log(i16[0], i16[1], i16[2], i16.length);
  const u16 = new Uint16Array(3);
  u16[0] = -1;
  u16[1] = 65536 + 42;
  u16[2] = 0x12345;
  console.log(u16[0], u16[1], u16[2]);
  const u32 = new Uint32Array(3);
  u32[0] = -1;
  u32[1] = 2 ** 32 + 3;
  u32[2] = 2 ** 31;
  console.log(u32[0], u32[1], u32[2], u32[0] + u32[2]);
  u32[0]++;
  console.log(u32[0]);
  const buf = new Uint8Array(12);
  store32(buf, 0, 0x12345678);
  store32(buf, 4, -2);
  store32(buf, 8, 2 ** 31 + 5);
  let bytes = "";
  for (let i = 0; i < buf.length; i++) bytes += buf[i] + " ";
  console.log(bytes);
  console.log(load32(buf, 0), load32(buf, 4), load32(buf, 8), load32(buf, 8) >>> 0);
  return 0;
}
