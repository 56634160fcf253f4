interface Mapper {
  apply<T>(x: T): T;
}
class Identity implements Mapper {
  apply<T>(x: T): T {
    return x;
  }
}
export function main(argv: string[]): number {
  const m: Mapper = new Identity();
  return m.apply(3);
}
