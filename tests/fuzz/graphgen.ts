// Random object-graph programs for the GC property test (tests/gcgraph.test.ts).
//
// `graphProgramArb` is a fast-check Arbitrary of one RTS program that runs a random list of
// operations on a graph of `Obj`s: allocate, link (field stores, list stores and pushes,
// so the write barrier is exercised both on young and on old objects), follow links, drop,
// store into and load from a prebuilt object (old from the start), grow big item lists
// (large objects are allocated old), and churn through garbage (enough to fill the nursery,
// so objects get promoted and collections run in the middle of the work). Eight locals hold
// the working set, so pointers live in Wasm locals across allocations; every few steps the
// program prints a checksum of the graph reachable from them and from the prebuilt roots.
// The translated program must print exactly what the untranslated one prints.
import fc from "fast-check";

const REGS = 8;

type Op =
  | { k: "new" | "setA" | "setB" | "push" | "move" | "follow"; i: number; j: number }
  | { k: "setItem" | "followItem"; i: number; j: number; n: number }
  | { k: "drop" | "rootStore" | "rootPush" | "rootLoad"; i: number }
  | { k: "rootPop" | "checksum" }
  | { k: "churn" | "bigList"; i: number; n: number };

const reg = fc.nat({ max: REGS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant("new" as const), i: reg, j: reg }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constantFrom("setA" as const, "setB" as const, "push" as const), i: reg, j: reg }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constantFrom("move" as const, "follow" as const), i: reg, j: reg }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constantFrom("setItem" as const, "followItem" as const), i: reg, j: reg, n: fc.nat({ max: 1000 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom("drop" as const, "rootStore" as const, "rootPush" as const, "rootLoad" as const), i: reg }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom("rootPop" as const, "checksum" as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("churn" as const), i: reg, n: fc.integer({ min: 100, max: 6000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("bigList" as const), i: reg, n: fc.integer({ min: 10, max: 6000 }) }) },
);

function statement(op: Op): string {
  const x = (i: number) => `x${i}`;
  switch (op.k) {
    case "new":
      return `${x(op.i)} = fresh(${x(op.j)});`;
    case "setA":
      return `if (${x(op.i)} !== null) ${x(op.i)}.a = ${x(op.j)};`;
    case "setB":
      return `if (${x(op.i)} !== null) ${x(op.i)}.b = ${x(op.j)};`;
    case "push":
      return `if (${x(op.i)} !== null && ${x(op.j)} !== null) ${x(op.i)}.items.push(${x(op.j)});`;
    case "move":
      return `${x(op.i)} = ${x(op.j)};`;
    case "follow":
      return `if (${x(op.j)} !== null) ${x(op.i)} = ${x(op.j)}.a;`;
    case "setItem":
      return `if (${x(op.i)} !== null && ${x(op.j)} !== null && ${x(op.i)}.items.length > 0) ${x(op.i)}.items[${op.n} % ${x(op.i)}.items.length] = ${x(op.j)};`;
    case "followItem":
      return `if (${x(op.j)} !== null && ${x(op.j)}.items.length > 0) ${x(op.i)} = ${x(op.j)}.items[${op.n} % ${x(op.j)}.items.length];`;
    case "drop":
      return `${x(op.i)} = nothing();`; // not "= null": TypeScript would narrow the local to null
    case "rootStore":
      return `ROOTS.slot = ${x(op.i)};`;
    case "rootPush":
      return `if (${x(op.i)} !== null) ROOTS.list.push(${x(op.i)});`;
    case "rootLoad":
      return `${x(op.i)} = ROOTS.slot;`;
    case "rootPop":
      return `if (ROOTS.list.length > 0) ROOTS.list.pop();`;
    case "churn":
      return `${x(op.i)} = churn(${op.n}, ${x(op.i)});`;
    case "bigList":
      return `if (${x(op.i)} !== null) grow(${x(op.i)}, ${op.n});`;
    case "checksum":
      return `${store()} checksum(r);`;
  }
}

const regNames = Array.from({ length: REGS }, (_, i) => i);
const store = () => regNames.map((i) => `r[${i}] = x${i};`).join(" ");

const PRELUDE = `// A generated object-graph program (tests/fuzz/graphgen.ts).
class Obj {
  a: Obj | null = null;
  b: Obj | null = null;
  items: Obj[] = [];
  mark = 0;
  constructor(public id: number, public name: string) {}
}

class Roots {
  slot: Obj | null = null;
  list: Obj[] = [new Obj(0, "root")];
  epoch = 0;
  nextId = 0;
}

/** Prebuilt: an old object from the start, so stores into it go through the barrier. */
const ROOTS = new Roots();

/** null, typed Obj | null (the impossible branch keeps the translator from typing the result
 *  as only null, which it mistranslates as undefined today). */
function nothing(): Obj | null {
  return ROOTS.nextId < 0 ? ROOTS.list[0] : null;
}

function fresh(link: Obj | null): Obj {
  ROOTS.nextId++;
  const o = new Obj(ROOTS.nextId, "o" + ROOTS.nextId);
  o.a = link;
  return o;
}

/** Garbage (with one survivor, linked to \`keep\`) while the caller's pointers are held. */
function churn(n: number, keep: Obj | null): Obj | null {
  let last: Obj | null = keep;
  for (let i = 0; i < n; i++) {
    const o = new Obj(-i, "g");
    o.items.push(o);
    if (i % 1000 === 999) {
      o.a = last;
      last = o;
    }
  }
  return last;
}

function grow(o: Obj, n: number): void {
  for (let i = 0; i < n; i++) o.items.push(i % 3 === 0 ? o : fresh(null));
}

function checksum(regs: (Obj | null)[]): void {
  ROOTS.epoch++;
  const stack: Obj[] = [];
  for (const x of regs) if (x !== null) stack.push(x);
  if (ROOTS.slot !== null) stack.push(ROOTS.slot);
  for (const x of ROOTS.list) stack.push(x);
  let h = 0;
  let count = 0;
  while (stack.length > 0) {
    const o = stack[stack.length - 1];
    stack.pop();
    if (o.mark === ROOTS.epoch) continue;
    o.mark = ROOTS.epoch;
    count++;
    h = (h * 31 + o.id) | 0;
    h = (h * 31 + o.name.length * 7 + o.name.charCodeAt(o.name.length - 1)) | 0;
    h = (h * 31 + o.items.length) | 0;
    if (o.a !== null) stack.push(o.a);
    if (o.b !== null) stack.push(o.b);
    for (const x of o.items) stack.push(x);
  }
  console.log("objects", count, "checksum", h);
}
`;

/** The program for a list of operations: steps of up to 25 operations, each a function. */
export function graphProgram(ops: Op[]): string {
  const out = [PRELUDE];
  const steps: string[] = [];
  for (let at = 0; at < ops.length; at += 25) {
    const name = `step${steps.length}`;
    steps.push(name);
    out.push(`function ${name}(r: (Obj | null)[]): void {`);
    for (const i of regNames) out.push(`  let x${i}: Obj | null = r[${i}];`);
    for (const op of ops.slice(at, at + 25)) out.push(`  ${statement(op)}`);
    out.push(`  ${store()}`, "}", "");
  }
  out.push("export function main(argv: string[]): number {");
  out.push(`  const r: (Obj | null)[] = [${regNames.map(() => "null").join(", ")}];`);
  for (const s of steps) out.push(`  ${s}(r);`);
  out.push("  checksum(r);", "  return 0;", "}", "");
  return out.join("\n");
}

export const graphProgramArb: fc.Arbitrary<string> = fc.array(opArb, { minLength: 100, maxLength: 250 }).map(graphProgram);
