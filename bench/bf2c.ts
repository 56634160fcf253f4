// The C reference for the Brainfuck benchmarks: a plain BF-to-C translation that `cc -O2`
// compiles. Each command becomes one C statement (no BF-level optimization: the C compiler's
// -O2 is what is measured); the tape and I/O match interpreters/bf (30000 byte cells, `,`
// leaves the cell unchanged at end of input).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

const PROLOGUE = `#include <stdio.h>
static unsigned char tape[30000];
int main(void) {
  unsigned char *p = tape;
  int c;
`;

export function bfToC(src: string): string {
  const out = [PROLOGUE];
  for (const ch of src) {
    switch (ch) {
      case "+": out.push("  ++*p;\n"); break;
      case "-": out.push("  --*p;\n"); break;
      case ">": out.push("  ++p;\n"); break;
      case "<": out.push("  --p;\n"); break;
      case ".": out.push("  putchar(*p);\n"); break;
      case ",": out.push("  if ((c = getchar()) != EOF) *p = (unsigned char)c;\n"); break;
      case "[": out.push("  while (*p) {\n"); break;
      case "]": out.push("  }\n"); break;
    }
  }
  out.push("  return 0;\n}\n");
  return out.join("");
}

/** Compiles `program` with `cc -O2` into `exe`; false when there is no C compiler. */
export function compileBf(program: string, exe: string): boolean {
  const c = `${exe}.c`;
  fs.writeFileSync(c, bfToC(fs.readFileSync(program, "utf8")));
  const r = spawnSync("cc", ["-O2", "-o", exe, c], { stdio: ["ignore", "ignore", "inherit"] });
  return !r.error && r.status === 0;
}
