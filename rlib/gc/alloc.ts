// The allocator of `--gc=none`: a bump allocator that never frees. It grows linear memory as
// needed. Like the collector's (marksweep.ts), it writes the object header [type id, size].
import type { int } from "../types.ts";
import { heapBase, load32, memoryGrow, memorySize, stateBase, store32 } from "../lowlevel.ts";
import { HEAP_LIMIT, PEAK_HEAP } from "./marksweep.ts";

const PAGE = 65536;
// Allocator state in the runtime's static area: the next free address.
const TOP = 0;

function top(): int {
  const t = load32(stateBase() + TOP);
  return t === 0 ? heapBase() : t;
}

/** Returns the address of `size` zeroed bytes (8-byte aligned) with `typeid` in the header,
 *  or 0 when memory cannot grow. */
export function bumpAllocate(size: int, typeid: int): int {
  const addr = top();
  const end = addr + ((size + 7) & -8);
  const heapLimit = load32(stateBase() + HEAP_LIMIT);
  if (heapLimit !== 0 && end - heapBase() > heapLimit) return 0;
  const limit = memorySize() * PAGE;
  if (end > limit) {
    const pages = (end - limit + PAGE - 1) >> 16;
    if (memoryGrow(pages > 256 ? pages : 256) < 0 && memoryGrow(pages) < 0) return 0;
  }
  if (end - heapBase() > load32(stateBase() + PEAK_HEAP)) store32(stateBase() + PEAK_HEAP, end - heapBase());
  store32(stateBase() + TOP, end);
  store32(addr, typeid);
  store32(addr + 4, end - addr);
  return addr;
}
