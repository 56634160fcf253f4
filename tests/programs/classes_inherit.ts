// Single inheritance: super(...) in constructors, inherited fields and methods, overrides,
// super.method() calls through three levels, and dispatch through a base-typed variable.
class Animal {
  legs: number;
  constructor(public name: string, legs: number) {
    this.legs = legs;
  }

  sound(): string {
    return "...";
  }

  describe(): string {
    return this.name + " has " + this.legs + " legs and says " + this.sound();
  }

  kind(): string {
    return "animal";
  }
}

class Dog extends Animal {
  tricks = 0;
  constructor(name: string) {
    super(name, 4);
  }

  sound(): string {
    return "woof";
  }

  kind(): string {
    return "dog/" + super.kind();
  }

  learn(): void {
    this.tricks++;
  }
}

class Puppy extends Dog {
  constructor(name: string, public age: number) {
    super(name);
    this.tricks = -1;
  }

  sound(): string {
    return super.sound() + " (squeaky)";
  }

  kind(): string {
    return "puppy/" + super.kind();
  }

  describe(): string {
    return super.describe() + ", age " + this.age;
  }
}

class Bird extends Animal {
  constructor(name: string, public canFly: boolean) {
    super(name, 2);
  }

  sound(): string {
    return this.canFly ? "tweet" : "squawk";
  }
}

export function main(argv: string[]): number {
  const a = new Animal("generic", 6);
  const d = new Dog("rex");
  const p = new Puppy("bit", 0.5);
  const b = new Bird("tweety", true);
  const e = new Bird("pingu", false);
  console.log(a.describe());
  console.log(d.describe());
  console.log(p.describe());
  console.log(b.describe());
  console.log(e.describe());
  console.log(a.kind(), d.kind(), p.kind(), b.kind());
  d.learn();
  d.learn();
  p.learn();
  console.log(d.tricks, p.tricks, p.age, p.legs, p.name);
  let base: Animal = d;
  console.log(base.sound(), base.kind());
  base = p;
  console.log(base.sound(), base.kind());
  base = e;
  console.log(base.sound(), base.kind(), base.legs);
  const dogs: Dog[] = [d, p, new Puppy("tiny", 1)];
  let s = "";
  for (const x of dogs) {
    x.learn();
    s += x.name + ":" + x.tricks + ":" + x.sound() + " ";
  }
  console.log(s);
  return 0;
}
