// Number-to-string through + concatenation and template literals (where -0 becomes "0").
function show(label: string, x: number): void {
  console.log(label + ": " + x + " | " + `${x}` + " |", x);
}

export function main(argv: string[]): number {
  show("0.1+0.2", 0.1 + 0.2);
  show("1/3", 1 / 3);
  show("1e21", 1e21);
  show("1e20", 1e20);
  show("1e-7", 1e-7);
  show("1e-6", 1e-6);
  show("123456789012345680000", 123456789012345680000);
  show("-0", -0);
  show("0*-1", 0 * -1);
  show("2**53", 2 ** 53);
  show("large int", 1234567890123456);
  show("NaN", 0 / 0);
  show("Infinity", 1 / 0);
  show("-Infinity", -1 / 0);
  show("5e-324", 5e-324);
  show("max", 1.7976931348623157e308);
  show("int", 42);
  show("neg float", -2.5);
  const x = 0.1;
  const y = 0.2;
  console.log(`${x} + ${y} = ${x + y}`);
  console.log("sum=" + (x + y) + ", diff=" + (y - x) + ", prod=" + x * y);
  console.log("no parens: " + 1 + 2, "parens: " + (1 + 2));
  console.log(1 + 2 + " leading ints", 0.5 + 0.25 + " leading floats");
  let s = "";
  for (let i = 1; i <= 5; i++) s += 1 / i + ";";
  console.log(s);
  let t = "";
  for (let i = 0; i < 4; i++) t = t + `[${i}:${i / 4}:${-i}]`;
  console.log(t);
  const e = 2.718281828459045;
  console.log("e is " + e + " and e*1e21 is " + e * 1e21 + " and e/1e7 is " + e / 1e7);
  return 0;
}
