// Run-time settings and statistics of the memory manager: RTS_MAX_HEAP (bytes, with an
// optional k/m/g suffix) overrides the --max-heap the program was translated with, and
// RTS_GCSTATS=1 prints collections, time in GC and peak sizes on stderr at exit.
import type { int } from "../types.ts";
import { gcMode, load32, maxHeapSetting, memorySize, stateBase, store32 } from "../lowlevel.ts";
import { formatFloat, formatInt } from "../numfmt.ts";
import { getenv, write } from "../os.ts";
import { COLLECTIONS, GC_NANOS_HIGH, GC_NANOS_LOW, HEAP_LIMIT, PEAK_HEAP } from "./marksweep.ts";
import { MINOR_COLLECTIONS } from "./generational.ts";

/** A size like "64m", "1g", "500000"; -1 when it is not one. */
export function parseSize(s: string): int {
  let n = 0;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    i++;
  }
  if (i === 0 || i < s.length - 1 || n > 1 << 30) return -1;
  if (i === s.length) return n;
  const unit = s.charCodeAt(i) | 32;
  if (unit === 107) return n * 1024;
  if (unit === 109) return n * 1048576;
  if (unit === 103) return n * 1073741824;
  return -1;
}

/** Reads the settings; runs before main. */
export function loadGcSettings(): void {
  let limit = maxHeapSetting();
  const env = getenv("RTS_MAX_HEAP");
  if (env !== null) {
    const parsed = parseSize(env);
    if (parsed < 0) write(2, "rts: ignoring RTS_MAX_HEAP=" + env + " (expected a size like 64m)\n");
    else limit = parsed;
  }
  store32(stateBase() + HEAP_LIMIT, limit);
}

function mebibytes(bytes: int): string {
  return formatFloat(Math.round((bytes / 1048576) * 10) / 10) + " MiB";
}

/** The statistics line, when RTS_GCSTATS asks for it; runs at exit. */
export function reportGcStats(): void {
  const setting = getenv("RTS_GCSTATS");
  if (setting === null || setting === "" || setting === "0") return;
  const s = stateBase();
  const nanos = load32(s + GC_NANOS_LOW) + load32(s + GC_NANOS_HIGH) * 4294967296;
  const ms = Math.round(nanos / 100000) / 10;
  const majors = formatInt(load32(s + COLLECTIONS));
  const counts = gcMode() === 2 ? formatInt(load32(s + MINOR_COLLECTIONS)) + " minor + " + majors + " major" : majors;
  write(2, "rts gc: " + counts + " collections, " + formatFloat(ms) + " ms in GC, peak heap " +
    mebibytes(load32(s + PEAK_HEAP)) + ", linear memory " + mebibytes(memorySize() * 65536) + "\n");
}
