// An expression language compiled to closures (the "closure compilation" technique of fast
// tree-walkers): each AST node becomes a function of the environment, built once, run many
// times. Variables are slots of an environment array; `let`, `if`, calls of named functions.
class Env {
  slots: number[] = [];
  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push(0);
  }
}

type Code = (env: Env) => number;

abstract class Expr {}
class Num extends Expr {
  constructor(public value: number) {
    super();
  }
}
class Var extends Expr {
  constructor(public name: string) {
    super();
  }
}
class Bin extends Expr {
  constructor(public op: string, public left: Expr, public right: Expr) {
    super();
  }
}
class Let extends Expr {
  constructor(public name: string, public init: Expr, public body: Expr) {
    super();
  }
}
class If extends Expr {
  constructor(public cond: Expr, public then: Expr, public otherwise: Expr) {
    super();
  }
}
class Call extends Expr {
  constructor(public fn: string, public args: Expr[]) {
    super();
  }
}

class FunctionDef {
  code: Code = (env) => 0;
  constructor(public name: string, public params: string[], public body: Expr) {}
}

class Compiler {
  names: string[] = [];
  functions: FunctionDef[] = [];
  compiledNodes = 0;

  slotOf(name: string): number {
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i] === name) return i;
    this.names.push(name);
    return this.names.length - 1;
  }

  binary(op: string, l: Code, r: Code): Code {
    switch (op) {
      case "+":
        return (env) => l(env) + r(env);
      case "-":
        return (env) => l(env) - r(env);
      case "*":
        return (env) => l(env) * r(env);
      case "/":
        return (env) => l(env) / r(env);
      case "<":
        return (env) => (l(env) < r(env) ? 1 : 0);
      case "==":
        return (env) => (l(env) === r(env) ? 1 : 0);
    }
    return (env) => NaN;
  }

  compile(e: Expr): Code {
    this.compiledNodes++;
    if (e instanceof Num) {
      const v = e.value;
      return (env) => v;
    }
    if (e instanceof Var) {
      const slot = this.slotOf(e.name);
      return (env) => env.slots[slot];
    }
    if (e instanceof Bin) return this.binary(e.op, this.compile(e.left), this.compile(e.right));
    if (e instanceof Let) {
      const init = this.compile(e.init);
      const slot = this.names.length;
      this.names.push(e.name);
      const body = this.compile(e.body);
      this.names.pop();
      return (env) => {
        const saved = env.slots[slot];
        env.slots[slot] = init(env);
        const r = body(env);
        env.slots[slot] = saved;
        return r;
      };
    }
    if (e instanceof If) {
      const c = this.compile(e.cond);
      const t = this.compile(e.then);
      const o = this.compile(e.otherwise);
      return (env) => (c(env) !== 0 ? t(env) : o(env));
    }
    if (e instanceof Call) {
      const target = this.functions.find((f) => f.name === e.fn);
      if (target === undefined) return (env) => NaN;
      const args = e.args.map((a) => this.compile(a));
      const def = target;
      return (env) => {
        const callee = new Env(16);
        for (let i = 0; i < args.length; i++) callee.slots[i] = args[i](env);
        return def.code(callee);
      };
    }
    return (env) => NaN;
  }

  define(name: string, params: string[], body: Expr): void {
    const def = new FunctionDef(name, params, body);
    this.functions.push(def);
    const saved = this.names;
    this.names = params.map((p) => p);
    def.code = this.compile(body);
    this.names = saved;
  }
}

const n = (v: number) => new Num(v);
const v = (name: string) => new Var(name);
const bin = (op: string, l: Expr, r: Expr) => new Bin(op, l, r);

export function main(argv: string[]): number {
  const c = new Compiler();
  // fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
  c.define("fib", ["n"], new If(bin("<", v("n"), n(2)), v("n"), bin("+", new Call("fib", [bin("-", v("n"), n(1))]), new Call("fib", [bin("-", v("n"), n(2))]))));
  // sumto(n, acc) = n == 0 ? acc : sumto(n - 1, acc + n)
  c.define("sumto", ["n", "acc"], new If(bin("==", v("n"), n(0)), v("acc"), new Call("sumto", [bin("-", v("n"), n(1)), bin("+", v("acc"), v("n"))])));
  // hyp(a, b) = let a2 = a * a in let b2 = b * b in (a2 + b2) / 2
  c.define("mean2", ["a", "b"], new Let("a2", bin("*", v("a"), v("a")), new Let("b2", bin("*", v("b"), v("b")), bin("/", bin("+", v("a2"), v("b2")), n(2)))));

  const env = new Env(16);
  const programs: Expr[] = [
    new Call("fib", [n(20)]),
    new Call("sumto", [n(100), n(0)]),
    new Call("mean2", [n(3), n(4)]),
    new Let("x", n(7), bin("*", v("x"), new Let("x", n(2), bin("+", v("x"), v("x"))))),
    new Call("nosuch", [n(1)]),
    bin("/", n(1), n(3)),
  ];
  for (const p of programs) {
    const code = c.compile(p);
    console.log(code(env));
  }
  // The same compiled code run many times.
  const loop = c.compile(new Call("sumto", [n(50), n(0)]));
  let total = 0;
  for (let i = 0; i < 200; i++) total += loop(env);
  console.log("total", total, "nodes compiled", c.compiledNodes);
  return 0;
}
