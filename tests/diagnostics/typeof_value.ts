export function main(argv: string[]): number {
  const s = argv.length > 0 ? argv[0] : "none";
  return typeof s === "string" ? 0 : 1;
}
