class Counter {
  static count = 0;
}
export function main(argv: string[]): number {
  Counter.count = Counter.count + 1;
  return Counter.count;
}
