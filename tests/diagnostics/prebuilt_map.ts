const KEYWORDS = new Map<string, number>([["if", 1], ["else", 2]]);

export function main(argv: string[]): number {
  return KEYWORDS.get("if") ?? 0;
}
