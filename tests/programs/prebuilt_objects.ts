// Module initialization builds objects at translation time: class instances (with cycles),
// arrays of objects, strings, numbers and typed arrays become prebuilt constants.
class Op {
  constructor(public name: string, public arity: number, public weight: number) {}
}
class Table {
  ops: Op[] = [];
  byte = new Uint8Array(4);
  floats = [0.5, 1.5];
  next: Table | null = null;
}
function build(): Table {
  const t = new Table();
  t.ops.push(new Op("add", 2, 1.5));
  t.ops.push(new Op("neg", 1, 2));
  t.byte[1] = 200;
  t.next = t;
  return t;
}
const TABLE = build();
const NAMES = ["zero", "one", "two"];
const PRIMES = [2, 3, 5, 7];
export function main(argv: string[]): number {
  for (const op of TABLE.ops) console.log(op.name, op.arity, op.weight);
  console.log(TABLE.byte[1], TABLE.floats[1], TABLE.next === TABLE, NAMES[2], PRIMES.length);
  PRIMES.push(11);
  let s = 0;
  for (const p of PRIMES) s += p;
  console.log(s);
  return 0;
}
