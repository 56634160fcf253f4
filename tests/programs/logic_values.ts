// && and || return one of their operands (not just booleans): defaults with ||, guards with &&.
function orDefault(name: string): string {
  return name || "anonymous";
}

function orZero(n: number, fallback: number): number {
  return n || fallback;
}

function andThen(a: number, b: number): number {
  return a && b;
}

export function main(argv: string[]): number {
  console.log(orDefault("alice"), orDefault(""), orDefault("0"));
  console.log(orZero(5, 10), orZero(0, 10), orZero(-0, 7), orZero(0 / 0, 3), orZero(0.5, 9));
  console.log(andThen(1, 2), andThen(0, 2), andThen(3, 0), andThen(-1, -2));
  const s1 = "x";
  const s2 = "";
  console.log(s1 && "yes", "[" + (s2 && "yes") + "]", s2 || s1 || "z");
  let total = 0;
  for (let i = 0; i < 6; i++) total += (i % 2 && i) || 100;
  console.log(total);
  let label = "";
  for (let i = 0; i < 4; i++) label += (label && ",") + i;
  console.log(label);
  return 0;
}
