// null and undefined for object-typed values: T | null fields and locals, === null, !== null,
// != null, == null, T | undefined returns, and narrowing after the checks.
class Person {
  friend: Person | null = null;
  manager: Person | undefined = undefined;
  constructor(public name: string) {}
}

function friendName(p: Person): string {
  const f = p.friend;
  if (f === null) return "(none)";
  return f.name;
}

function findByName(people: Person[], name: string): Person | undefined {
  for (const p of people) if (p.name === name) return p;
  return undefined;
}

function chainLength(p: Person | null): number {
  let n = 0;
  let cur = p;
  while (cur != null) {
    n++;
    cur = cur.friend;
    if (n > 10) break;
  }
  return n;
}

export function main(argv: string[]): number {
  const ann = new Person("ann");
  const bob = new Person("bob");
  const cid = new Person("cid");
  console.log(friendName(ann), ann.friend === null, ann.friend !== null, ann.manager === undefined);
  ann.friend = bob;
  bob.friend = cid;
  console.log(friendName(ann), friendName(bob), friendName(cid));
  console.log(chainLength(ann), chainLength(bob), chainLength(null));
  let n: Person | null = null;
  console.log(n === null, n == null);
  n = cid;
  if (n !== null) console.log("n is", n.name);
  if (n != null) console.log("n != null", n.name);
  n = n.friend;
  console.log(n === null, n !== null);
  bob.manager = ann;
  const people: Person[] = [ann, bob, cid];
  for (const p of people) {
    const m = p.manager;
    if (m === undefined) console.log(p.name, "has no manager");
    else console.log(p.name, "reports to", m.name);
  }
  const found = findByName(people, "bob");
  if (found !== undefined) console.log("found", found.name, friendName(found));
  const missing = findByName(people, "dan");
  console.log("missing", missing === undefined, missing == null);
  cid.friend = ann;
  console.log("cycle", chainLength(ann));
  cid.friend = null;
  console.log(chainLength(ann), cid.friend === null);
  return 0;
}
