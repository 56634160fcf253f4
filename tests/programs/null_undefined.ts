// null and undefined stay distinct values: printing, strict and loose equality, ?? and ?.,
// truthiness, fields never assigned (undefined), nullable strings.
class Box {
  label: string | undefined;
  next: Box | null = null;
  constructor(public name: string) {}
}

function find(boxes: Box[], name: string): Box | undefined {
  for (const b of boxes) if (b.name === name) return b;
  return undefined;
}

export function main(argv: string[]): number {
  const a = new Box("a");
  const b = new Box("b");
  a.next = b;
  b.label = "second";
  console.log(a.label, b.label, a.next?.label, b.next?.label, a.next === null, b.next === null);
  console.log(a.label === undefined, a.label === null, a.label == null, b.next == undefined, b.next === undefined);
  const found = find([a, b], "b");
  const missing = find([a, b], "z");
  console.log(found?.name, missing?.name, missing === undefined, missing == null, missing?.name ?? "default");
  console.log(`${a.label}|${b.next?.name}|${missing?.label}`, "" + a.label, String(b.next?.name));
  const s: string | null = argv.length > 0 ? "x" : null;
  const u: string | undefined = argv.length > 0 ? "x" : undefined;
  console.log(s, u, s === null, u === undefined, s === "", u === "", s ?? u ?? "both missing");
  if (!a.label && !b.next && missing === undefined) console.log("falsy as in JS");
  return 0;
}
