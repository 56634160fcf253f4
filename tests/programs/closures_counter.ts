// Closures that keep state: counters, accumulators and shared mutable captures.
function makeCounter(start: number, step: number): () => number {
  let n = start;
  return () => {
    n += step;
    return n;
  };
}

class Account {
  constructor(public owner: string, public balance: number) {}
}

function makeBank(): (name: string, amount: number) => string {
  const accounts: Account[] = [];
  let transactions = 0;
  return (name, amount) => {
    transactions++;
    for (const a of accounts) {
      if (a.owner === name) {
        a.balance += amount;
        return `${name}: ${a.balance} (tx ${transactions})`;
      }
    }
    accounts.push(new Account(name, amount));
    return `${name}: opened with ${amount} (tx ${transactions})`;
  };
}

export function main(argv: string[]): number {
  const a = makeCounter(0, 1);
  const b = makeCounter(100, -7);
  console.log(a(), a(), b(), a(), b());

  // Two closures and the frame share one variable.
  let shared = 1;
  const get = () => shared;
  const double = () => {
    shared *= 2;
  };
  double();
  double();
  console.log("after two doubles:", get(), shared);
  shared = 10;
  console.log("after assignment:", get());
  double();
  console.log("then:", shared);

  // A float accumulator captured and widened inside the closure.
  let total = 0;
  const add = (x: number) => {
    total += x;
  };
  add(1);
  add(2.5);
  add(-0.25);
  console.log("total", total);

  const bank = makeBank();
  console.log(bank("ann", 10));
  console.log(bank("bob", 5));
  console.log(bank("ann", 32));
  console.log(bank("bob", -5));

  // Many independent counters, each with its own cell.
  const counters: (() => number)[] = [];
  for (let i = 0; i < 5; i++) counters.push(makeCounter(i * 10, i + 1));
  let line = "";
  for (let round = 0; round < 3; round++) {
    for (const c of counters) line += c() + " ";
  }
  console.log(line);

  // A string built up through a captured variable.
  let log = "";
  const say = (s: string) => {
    log = log === "" ? s : log + "," + s;
  };
  for (const w of ["a", "b", "c"]) say(w.toUpperCase());
  console.log(log);
  return 0;
}
