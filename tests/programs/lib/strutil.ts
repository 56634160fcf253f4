// Helper module for the corpus (no main): string helpers, one of which uses another module.
import { clamp } from "./mathutil.ts";

export const SEPARATOR = " | ";

export function repeat(s: string, n: number): string {
  let r = "";
  for (let i = 0; i < n; i++) r += s;
  return r;
}

export function padLeft(s: string, width: number): string {
  return repeat(" ", width - s.length) + s;
}

export function bar(value: number, max: number): string {
  const n = clamp(value, 0, max);
  return "[" + repeat("#", n) + repeat(".", max - n) + "]";
}

export function joinNumbers(xs: number[]): string {
  let r = "";
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) r += SEPARATOR;
    r += xs[i];
  }
  return r;
}
