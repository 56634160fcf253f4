// Exit code: main returns 3 (the result of a small classification) after printing.
function classify(n: number): number {
  if (n < 0) return 1;
  if (n === 0) return 2;
  return 3;
}

function name(code: number): string {
  if (code === 1) return "negative";
  if (code === 2) return "zero";
  return "positive";
}

export function main(argv: string[]): number {
  const samples: number[] = [-4, 0, 0.5, 17];
  for (const s of samples) {
    const c = classify(s);
    console.log("classify(" + s + ") =", c, name(c));
  }
  const code = classify(argv.length + 5);
  console.log("exiting with", code);
  return code;
}
