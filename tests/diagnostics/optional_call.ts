class Hooks {
  onExit: (() => void) | null = null;
}
export function main(argv: string[]): number {
  const h = new Hooks();
  h.onExit?.();
  return 0;
}
