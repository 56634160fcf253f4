interface Named {
  name: string;
}
class Person implements Named {
  age = 30;
  name = "ada";
}
class City implements Named {
  name = "paris";
}
function show(x: Named): void {
  console.log(x.name);
}
export function main(argv: string[]): number {
  show(new Person());
  show(new City());
  return 0;
}
