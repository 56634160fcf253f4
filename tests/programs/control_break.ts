// break/continue in for/while/do-while and labeled break/continue out of nested loops.
export function main(argv: string[]): number {
  let s = "";
  for (let i = 0; i < 10; i++) {
    if (i === 7) break;
    if (i % 2 === 1) continue;
    s += i;
  }
  console.log("break/continue", s);
  let found = "";
  outer: for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      if (i * j === 6) {
        found = i + "," + j;
        break outer;
      }
    }
  }
  console.log("labeled break", found);
  let pairs = "";
  rows: for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      if (j > i) continue rows;
      if ((i + j) % 3 === 2) continue;
      pairs += i + "" + j + " ";
    }
  }
  console.log("labeled continue", pairs);
  let primes = "";
  candidates: for (let n = 2; n < 50; n++) {
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) continue candidates;
    }
    primes += n + " ";
  }
  console.log("primes", primes);
  const grid: number[][] = [[1, 2, 3], [4, -5, 6], [7, 8, -9]];
  let firstNeg = "none";
  search: for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      if (grid[r][c] < 0) {
        firstNeg = "row " + r + " col " + c;
        break search;
      }
    }
  }
  console.log("first negative at", firstNeg);
  let i = 0;
  let visited = "";
  loop: while (true) {
    i++;
    let j = 0;
    while (j < 10) {
      j++;
      if (j === 3) continue loop;
      if (i === 4) break loop;
      visited += i + ":" + j + " ";
    }
  }
  console.log("while labels", visited, i);
  let n = 0;
  let evens = 0;
  do {
    n++;
    if (n > 20) break;
    if (n % 2 !== 0) continue;
    evens++;
  } while (true);
  console.log("do-while break", n, evens);
  let count = 0;
  a: for (let x = 0; x < 3; x++) {
    b: for (let y = 0; y < 3; y++) {
      for (let z = 0; z < 3; z++) {
        if (z === 2) continue b;
        if (y === 2) continue a;
        if (x === 2) break a;
        count++;
      }
    }
  }
  console.log("three levels", count);
  return 0;
}
