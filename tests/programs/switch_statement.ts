// switch: integer and string cases, fallthrough, default in the middle, break and continue
// inside loops, return from a case, a switch on a computed value.
function classify(n: number): string {
  switch (n) {
    case 0:
      return "zero";
    case 1:
    case 2:
      return "small";
    case 10:
      return "ten";
    default:
      return "other";
  }
}

function weekday(d: string): number {
  let n = -1;
  switch (d) {
    case "mon":
      n = 1;
      break;
    case "tue":
      n = 2;
      break;
    default:
      n = 0;
    case "sun":
      n = n + 7;
  }
  return n;
}

export function main(argv: string[]): number {
  for (let i = 0; i < 12; i++) console.log(i, classify(i));
  console.log(weekday("mon"), weekday("tue"), weekday("sun"), weekday("xyz"));
  let evens = 0;
  let log = "";
  for (let i = 0; i < 20; i++) {
    switch (i % 4) {
      case 0:
        evens++;
        continue;
      case 1:
        log += "a";
      case 2:
        log += "b";
        break;
      case 3:
        if (i > 15) break;
        log += "c";
    }
    log += ".";
  }
  console.log(evens, log);
  let total = 0;
  outer: for (let i = 0; i < 5; i++) {
    switch (i) {
      case 3:
        break outer;
      default:
        total += i * 10;
    }
  }
  console.log(total);
  switch (argv.length) {
  }
  return 0;
}
