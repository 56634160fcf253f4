// finally runs on every way out of a try: normal completion, return (keeping the returned
// value, or replacing it), break and continue (also labeled, across nested tries), and an
// exception (which goes on afterwards); nested try/finally; a finally inside loops.
class Log {
  lines: string[] = [];
  add(s: string): void {
    this.lines.push(s);
  }
  flush(): void {
    console.log(this.lines.join(" "));
    this.lines = [];
  }
}

class Stop extends Error {}

function normal(log: Log): number {
  let x = 1;
  try {
    x = 2;
    log.add("try");
  } finally {
    log.add("finally x=" + x);
    x = 3;
  }
  return x;
}

function returns(log: Log, n: number): number {
  try {
    if (n > 0) return n * 10;
    log.add("not returned");
  } finally {
    log.add("finally " + n);
  }
  return -1;
}

function overrides(log: Log): number {
  for (let i = 0; ; i++) {
    try {
      if (i === 2) return i;
    } finally {
      log.add("f" + i);
      if (i === 2) log.add("leaving");
    }
  }
}

function loops(log: Log): number {
  let total = 0;
  outer: for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      try {
        try {
          if (j === 1) continue;
          if (j === 2 && i === 1) continue outer;
          if (i === 3) break outer;
          if (j === 3) break;
          total += i * 10 + j;
        } finally {
          log.add(`in${i}${j}`);
        }
      } finally {
        total += 1000;
      }
    }
  }
  log.add("total " + total);
  return total;
}

function thrower(log: Log, depth: number): number {
  try {
    if (depth === 0) throw new Stop("stop");
    return thrower(log, depth - 1);
  } finally {
    log.add("unwind" + depth);
  }
}

function catchesAndFinally(log: Log, k: number): string {
  let state = "start";
  try {
    state = "body";
    if (k === 1) throw new Stop("one");
    if (k === 2) throw new Error("two");
    state = "done";
  } catch (e) {
    if (e instanceof Stop) {
      state = "stopped " + e.message;
    } else {
      log.add("rethrowing " + (e as Error).message);
      throw e;
    }
  } finally {
    log.add("finally " + state);
  }
  return state;
}

function finallyThrows(log: Log): void {
  try {
    throw new Error("first");
  } finally {
    log.add("replacing");
    throw new Stop("second");
  }
}

function nestedReturn(log: Log): string {
  try {
    try {
      return "inner";
    } finally {
      log.add("inner finally");
    }
  } finally {
    log.add("outer finally");
  }
}

export function main(argv: string[]): number {
  const log = new Log();
  log.add("normal=" + normal(log));
  log.flush();
  log.add("returns=" + returns(log, 4));
  log.add("returns=" + returns(log, 0));
  log.flush();
  log.add("overrides=" + overrides(log));
  log.flush();
  loops(log);
  log.flush();
  try {
    thrower(log, 3);
  } catch (e) {
    log.add("caught " + (e as Error).message);
  }
  log.flush();
  for (let k = 0; k < 3; k++) {
    try {
      log.add(catchesAndFinally(log, k));
    } catch (e) {
      log.add("outer caught " + (e as Error).message);
    }
    log.flush();
  }
  try {
    finallyThrows(log);
  } catch (e) {
    log.add((e instanceof Stop) + " " + (e as Error).message);
  }
  log.flush();
  log.add(nestedReturn(log));
  log.flush();
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    try {
      if (i % 3 === 0) continue;
      sum += i;
    } finally {
      sum += 1;
    }
  }
  console.log("sum", sum);
  return 0;
}
