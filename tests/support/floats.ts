// Bit-level views of doubles, for the tests only: a double from its raw IEEE 754 bit pattern and
// back, to build exact corner cases and neighbouring doubles and to show results bit for bit.
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The double whose bit pattern is `bits` (0 <= bits < 2^64). */
export function fromBits(bits: bigint): number {
  u64[0] = bits;
  return f64[0];
}

/** The bit pattern of x. */
export function toBits(x: number): bigint {
  f64[0] = x;
  return u64[0];
}
