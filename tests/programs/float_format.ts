// Number formatting through console.log: shortest round-trip floats, exponent thresholds (1e21, 1e-7),
// extremes (5e-324, 1.7976931348623157e308), 2**53, NaN/Infinity from arithmetic. Literals whose
// magnitude is 2^53 or more are floats.
export function main(argv: string[]): number {
  console.log(0.1 + 0.2);
  console.log(1 / 3, 2 / 3, 10 / 3, 100 / 3);
  console.log(0.1, 0.2, 0.3, 1.1, 2.675, 1.005, 9.95, 123.456);
  console.log(1e21, 1e20, 999999999999999900000, 123456789012345680000);
  console.log(1e-7, 1e-6, 0.000001, 0.0000001, 1.5e-7, 0.00001234);
  console.log(-1e21, -1e-7, -0.000001, -123.456);
  console.log(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308);
  console.log(2 ** 53, 2 ** 53 - 1, 9007199254740992, 4503599627370496.5);
  console.log(0 / 0, 1 / 0, -1 / 0, -0);
  console.log(1.5e300, 1e100, 1.2345678901234567e-5, 123456789.12345679);
  console.log(1e15 + 0.3, 1e16 / 3, 0.1 * 0.1, 4.35 * 100, 1.15 * 100);
  console.log(3.0, 2.50, 1e0, 1e1, 1.0e2);
  let up = 1.5;
  for (let i = 0; i < 25; i++) {
    up = up * 10;
    console.log("up", i, up);
  }
  let down = 1.5;
  for (let i = 0; i < 12; i++) {
    down = down / 10;
    console.log("down", i, down);
  }
  let p2 = 0.5;
  for (let i = 0; i < 75; i += 1) {
    p2 = p2 * 2;
    if (i % 5 === 4) console.log("2^" + i, p2);
  }
  let tiny = 1;
  for (let i = 0; i < 1080; i++) tiny = tiny / 2;
  console.log(tiny);
  let huge = 1.25;
  for (let i = 0; i < 1022; i++) huge = huge * 2;
  console.log(huge, huge * 2);
  return 0;
}
