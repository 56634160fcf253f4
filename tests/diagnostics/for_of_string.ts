export function main(argv: string[]): number {
  let vowels = 0;
  for (const ch of "interpreter") if ("aeiou".includes(ch)) vowels++;
  return vowels;
}
