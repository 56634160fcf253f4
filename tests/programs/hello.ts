// console.log basics: strings, numbers, booleans, null, several arguments, empty lines.
export function main(argv: string[]): number {
  console.log("hello, world");
  console.log(42);
  console.log(-7);
  console.log(3.25);
  console.log(true);
  console.log(false);
  console.log(null);
  console.log("a", 1, true, null, 2.5, "b");
  console.log();
  console.log("");
  console.log(1, 2, 3);
  console.log("multi word string", "and another");
  console.log(false, "then", 0, "then", -1.5);
  console.log("tab\there", "quote\"inside", "back\\slash");
  console.log("line one\nline two");
  const greeting = "hi";
  const who = "rts";
  console.log(greeting, who);
  console.log(greeting + " " + who + "!");
  return 0;
}
