class Frame {
  name: string | null = null;
}
export function main(argv: string[]): number {
  const f = new Frame();
  f.name ??= "main";
  return f.name.length;
}
