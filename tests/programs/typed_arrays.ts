// Typed arrays: Uint8Array wraps on store (256 -> 0, -1 -> 255, 300 -> 44, floats truncate),
// Int32Array wraps 2**31, Float64Array holds doubles; .length, zero initialisation, index read/write.
export function main(argv: string[]): number {
  const u8 = new Uint8Array(8);
  console.log(u8.length, u8[0], u8[7]);
  u8[0] = 256;
  u8[1] = -1;
  u8[2] = 300;
  u8[3] = 255;
  u8[4] = 3.7;
  u8[5] = -1.5;
  u8[6] = 65535;
  u8[7] = 128 + 1024;
  let line = "";
  for (let i = 0; i < u8.length; i++) line += u8[i] + " ";
  console.log(line);
  u8[3]++;
  u8[0]--;
  u8[2] += 250;
  console.log(u8[3], u8[0], u8[2]);
  let cksum = 0;
  for (let i = 0; i < 1000; i++) {
    u8[i % 8] += i;
    cksum += u8[i % 8];
  }
  console.log("cksum", cksum);
  const i32 = new Int32Array(6);
  i32[0] = 2 ** 31;
  i32[1] = 2 ** 31 - 1;
  i32[2] = -(2 ** 31) - 1;
  i32[3] = 2 ** 32 + 7;
  i32[4] = -3.9;
  i32[5] = 4294967295;
  line = "";
  for (let i = 0; i < i32.length; i++) line += i32[i] + " ";
  console.log(line);
  i32[1]++;
  console.log(i32[1]);
  i32[0] = 1;
  for (let i = 0; i < 40; i++) i32[0] = i32[0] * 3;
  console.log("3^40 wrapped", i32[0]);
  const f64 = new Float64Array(5);
  f64[0] = 0.1;
  f64[1] = f64[0] + 0.2;
  f64[2] = 1 / 3;
  f64[3] = 7;
  f64[4] = -1 / 0;
  line = "";
  for (let i = 0; i < f64.length; i++) line += f64[i] + " ";
  console.log(line);
  f64[3] /= 2;
  console.log(f64[3], f64[3] * 2, f64.length);
  let acc = 0;
  const weights = new Float64Array(10);
  for (let i = 0; i < weights.length; i++) weights[i] = 1 / (i + 1);
  for (let i = 0; i < weights.length; i++) acc += weights[i];
  console.log(acc);
  const hist = new Int32Array(5);
  const data: number[] = [1, 3, 3, 0, 4, 4, 4, 2, 1, 4];
  for (const d of data) hist[d]++;
  console.log(hist[0], hist[1], hist[2], hist[3], hist[4]);
  const copy = new Uint8Array(4);
  for (let i = 0; i < 4; i++) copy[i] = i * 100;
  console.log(copy[0], copy[1], copy[2], copy[3]);
  return 0;
}
