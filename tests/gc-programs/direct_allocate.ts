// Runtime code (rlib/, the JIT's runtime) calls the allocator directly: `allocate` is an
// ordinary function to the GC transform, and only reaches the collector, which never
// allocates. A pointer live across such a call must still be kept in the shadow stack and
// reloaded: the collection it runs moves young objects. Here the receiver of a method
// call is young when the allocation in its argument collects (under --gc-stress every
// allocation does), as the JIT's blackhole stores a new object into its frame's registers
// (rlib/jitrt/dataops.ts: `f.setRef(r, allocate(...))`). Translated only.
import type { int } from "../../rlib/types.ts";
import { allocate } from "../../rlib/runtime.ts";
import { load32, objectAddress } from "../../rlib/lowlevel.ts";

class Payload {
  value = 0;
}

class Registers {
  stored = 0;
  set(address: int): void {
    if (address !== 0) this.stored++;
  }
}

/** Where the collector finds (and updates) the registers besides the local variable. */
class Holder {
  registers: Registers | null = null;
}

export function main(argv: string[]): number {
  const payloadType = load32(objectAddress(new Payload()));
  const holder = new Holder();
  let stored = 0;
  for (let i = 0; i < 100; i++) {
    const registers = new Registers();
    holder.registers = registers;
    registers.set(allocate(16, payloadType));
    stored += holder.registers!.stored;
  }
  console.log(stored);
  return 0;
}
