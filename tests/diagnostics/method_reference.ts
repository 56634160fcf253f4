class Greeter {
  constructor(public name: string) {}
  greet(other: string): string {
    return `${this.name} greets ${other}`;
  }
}

export function main(argv: string[]): number {
  const g = new Greeter("Ada");
  const names = ["Bob", "Cy"];
  console.log(names.map(g.greet).join("\n"));
  return 0;
}
