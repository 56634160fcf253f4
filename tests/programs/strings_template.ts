// Template literals: interpolation of numbers, floats, booleans, strings, expressions, calls,
// nesting, escapes, and multi-line templates.
function square(n: number): number {
  return n * n;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function main(argv: string[]): number {
  const name = "rts";
  const version = 1;
  const ratio = 0.75;
  const ok = true;
  console.log(`name=${name} version=${version} ratio=${ratio} ok=${ok}`);
  console.log(`sum ${1 + 2} product ${3 * 4} div ${7 / 2} neg ${-5} cmp ${3 > 2}`);
  console.log(`call ${square(12)} and ${square(1.5)}`);
  console.log(plural(0, "apple"), "/", plural(1, "apple"), "/", plural(2, "pear"));
  console.log(`outer ${`inner ${name + "!"} done`} end`);
  console.log(`${name}${name}${version}${version}`);
  console.log(`no interpolation`);
  console.log(`escapes: \` \${not} \\ \t tab`);
  console.log(`line1
line2 ${version + 1}
line3`);
  let s = "";
  for (let i = 0; i < 5; i++) s += `<${i}:${i * i}>`;
  console.log(s);
  const items: string[] = ["a", "b", "c"];
  for (let i = 0; i < items.length; i++) console.log(`item[${i}] = ${items[i]} (${items[i].charCodeAt(0)})`);
  console.log(`${0.1 + 0.2} ${1e21} ${1e-7} ${2 ** 40} ${-0} ${0 / 0} ${-1 / 0}`);
  console.log(`empty:[${""}] len:${"".length} bool:${!ok}`);
  return 0;
}
