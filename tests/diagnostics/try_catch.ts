export function main(argv: string[]): number {
  try {
    console.log("hi");
  } catch (e) {
    return 1;
  }
  return 0;
}
