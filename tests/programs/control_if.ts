// if / else-if chains, nested ifs, ternaries (nested), fizzbuzz without switch, early returns.
function grade(score: number): string {
  if (score >= 90) return "A";
  else if (score >= 80) return "B";
  else if (score >= 70) return "C";
  else if (score >= 60) return "D";
  return "F";
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function fizz(n: number): string {
  if (n % 15 === 0) return "FizzBuzz";
  if (n % 5 === 0) return "Buzz";
  if (n % 3 === 0) return "Fizz";
  return "" + n;
}

function quadrant(x: number, y: number): string {
  if (x >= 0) {
    if (y >= 0) {
      return "I";
    } else {
      return "IV";
    }
  } else {
    if (y >= 0) return "II";
    return "III";
  }
}

function daysIn(month: number, year: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  } else if (month === 4 || month === 6 || month === 9 || month === 11) {
    return 30;
  }
  return 31;
}

export function main(argv: string[]): number {
  const scores: number[] = [95, 90, 89.5, 80, 75, 61, 60, 59, 0];
  let line = "";
  for (const s of scores) line += grade(s) + " ";
  console.log(line);
  console.log(sign(5), sign(-3.5), sign(0), sign(1e-300));
  let fb = "";
  for (let i = 1; i <= 20; i++) fb += fizz(i) + " ";
  console.log(fb);
  console.log(quadrant(1, 1), quadrant(-1, 1), quadrant(-1, -1), quadrant(1, -1), quadrant(0, 0));
  console.log(daysIn(2, 2000), daysIn(2, 1900), daysIn(2, 2024), daysIn(2, 2023), daysIn(4, 2023), daysIn(12, 2023));
  let x = 10;
  if (x > 5) x = x * 2;
  if (x > 15) {
    x -= 1;
  }
  if (x === 100) x = 0;
  else x++;
  console.log(x);
  const big = x > 10 ? "big" : "small";
  const parity = x % 2 === 0 ? "even" : "odd";
  console.log(big, parity, x > 100 ? "huge" : x > 10 ? "large" : "small");
  let count = 0;
  for (let i = 0; i < 100; i++) {
    if (i % 2 === 0) {
      if (i % 3 === 0) count += 10;
      else count += 1;
    } else if (i % 7 === 0) {
      count -= 5;
    }
  }
  console.log(count);
  return 0;
}
