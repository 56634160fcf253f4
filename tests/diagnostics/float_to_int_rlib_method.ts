// An rlib method's `int` parameter (rlib/jitrt/frame.ts: setInt(slot: int, v: int)) gets
// the same diagnostic as a user function's.
import { JitFrame } from "../../rlib/jitrt/frame.ts";
export function main(argv: string[]): number {
  const frame = new JitFrame();
  frame.setInt(0, argv.length / 2);
  return frame.ints.length;
}
