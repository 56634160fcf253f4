// instanceof checks across a hierarchy, narrowing after instanceof to call subclass methods,
// and instanceof on nullable values.
abstract class Expr {
  abstract eval(): number;
}

class Num extends Expr {
  constructor(public value: number) {
    super();
  }
  eval(): number {
    return this.value;
  }
}

class Add extends Expr {
  constructor(public left: Expr, public right: Expr) {
    super();
  }
  eval(): number {
    return this.left.eval() + this.right.eval();
  }
}

class Mul extends Expr {
  constructor(public left: Expr, public right: Expr) {
    super();
  }
  eval(): number {
    return this.left.eval() * this.right.eval();
  }
}

class Neg extends Expr {
  constructor(public inner: Expr) {
    super();
  }
  eval(): number {
    return -this.inner.eval();
  }
}

class Animal {}
class Cat extends Animal {
  purr(): string {
    return "purr";
  }
}
class Lion extends Cat {
  roar(): string {
    return "ROAR";
  }
}

function isCat(a: Animal | null): boolean {
  return a instanceof Cat;
}

function show(e: Expr): string {
  if (e instanceof Num) return "" + e.value;
  if (e instanceof Add) return "(" + show(e.left) + " + " + show(e.right) + ")";
  if (e instanceof Mul) return show(e.left) + " * " + show(e.right);
  if (e instanceof Neg) return "-" + show(e.inner);
  return "?";
}

function countNodes(e: Expr): number {
  if (e instanceof Add) return 1 + countNodes(e.left) + countNodes(e.right);
  if (e instanceof Mul) return 1 + countNodes(e.left) + countNodes(e.right);
  if (e instanceof Neg) return 1 + countNodes(e.inner);
  return 1;
}

export function main(argv: string[]): number {
  const e: Expr = new Add(new Mul(new Num(3), new Num(4)), new Neg(new Add(new Num(1), new Num(0.5))));
  console.log(show(e), "=", e.eval(), "nodes", countNodes(e));
  const zero: Expr = new Neg(new Num(0));
  console.log(show(zero), "=", zero.eval());
  const animals: Animal[] = [new Animal(), new Cat(), new Lion()];
  for (const a of animals) {
    let s = "";
    s += a instanceof Animal ? "A" : "-";
    s += a instanceof Cat ? "C" : "-";
    s += a instanceof Lion ? "L" : "-";
    if (a instanceof Lion) s += " " + a.roar();
    if (a instanceof Cat) s += " " + a.purr();
    console.log(s);
  }
  console.log(isCat(null), isCat(new Animal()), isCat(new Cat()), isCat(new Lion()));
  let maybe: Cat | null = null;
  if (isCat(maybe)) console.log("null is a cat?");
  maybe = new Lion();
  console.log(maybe instanceof Cat, maybe instanceof Lion, isCat(maybe));
  const exprs: Expr[] = [new Num(1), new Add(new Num(1), new Num(2)), new Neg(new Num(5))];
  let nums = 0;
  let adds = 0;
  let others = 0;
  for (const x of exprs) {
    if (x instanceof Num) nums++;
    else if (x instanceof Add) adds++;
    else others++;
  }
  console.log(nums, adds, others);
  return 0;
}
