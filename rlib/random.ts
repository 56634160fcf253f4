// Math.random for RTS programs: a xorshift generator with a fixed seed, so that a program
// draws the same numbers on every run, untranslated and translated (the untranslated runner
// installs this function as Math.random). RTS_RANDOM_SEED (an integer) picks another seed.
import type { float, int } from "./types.ts";
import { getenv } from "./os.ts";

class Generator {
  state = 0;
}

const generator = new Generator();
const DEFAULT_SEED = 0x2545f491;

function seed(): int {
  const text = getenv("RTS_RANDOM_SEED");
  let s = 0;
  if (text !== null) for (let i = 0; i < text.length; i++) s = (s * 31 + text.charCodeAt(i)) | 0;
  return s === 0 ? DEFAULT_SEED : s;
}

/** The next 32 bits of xorshift32 (never 0). */
function next32(): int {
  let x = generator.state;
  if (x === 0) x = seed();
  x = x ^ (x << 13);
  x = x ^ (x >>> 17);
  x = x ^ (x << 5);
  generator.state = x;
  return x >>> 0;
}

/** A float in [0, 1) with 53 random bits. */
export function random(): float {
  const high = next32() >>> 5; // 27 bits
  const low = next32() >>> 6; // 26 bits
  return (high * 67108864 + low) / 9007199254740992;
}
