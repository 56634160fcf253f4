class Greeter {
  constructor(public name: string) {}
  greet(other: string): string {
    return `${this.name} greets ${other}`;
  }
}
export function main(argv: string[]): number {
  const a = new Greeter("a");
  const b = new Greeter("b");
  const f = a.greet.bind(b);
  console.log(f("c"));
  return 0;
}
