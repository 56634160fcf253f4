// Reading the jitcodes in the data segment (targets/wasm/jitdata.ts writes them): the
// info table at jitInfo(), the code bytes, the per-jitcode records and the descriptors.
// Everything is a prebuilt typed array, read with raw loads (translated only).
import { jitInfo, load32, load8 } from "../lowlevel.ts";
import { int } from "../types.ts";
import { TYPED_DATA, TYPED_LENGTH } from "../runtime.ts";

/** Register kinds, as jitdata's KIND_CODE. */
export const KIND_INT = 0;
export const KIND_REF = 1;
export const KIND_FLOAT = 2;

/** Descriptor tags, as jitdata's DESCR_TAG. */
export const DESCR_FIELD = 1;
export const DESCR_ARRAY = 2;
export const DESCR_CALL = 3;
export const DESCR_JITCODE = 4;
export const DESCR_SWITCH = 6;
export const DESCR_DRIVER = 7;
export const DESCR_STATIC = 8;
/** A list descriptor's word 1 is its item's low-level type code (LL_* below). */
export const DESCR_LIST = 9;


/** Words 2 and 3 of a `new`'s descriptor (a StaticDescr of malloc): size and type id. */
export const NEW_SIZE = 2;
export const NEW_TYPEID = 3;

/** Typed array element kinds (an array descriptor's word 1), as jitdata's ELEM_CODE. */
export const ELEM_U8 = 0;
export const ELEM_I8 = 1;
export const ELEM_U16 = 2;
export const ELEM_I16 = 3;
export const ELEM_U32 = 4;
export const ELEM_I32 = 5;
export const ELEM_F32 = 6;
export const ELEM_F64 = 7;

/** Low-level type codes, as jitdata's LLTYPE_CODE. */
export const LL_VOID = 0;
export const LL_I64 = 1;
export const LL_I32 = 2;
export const LL_F64 = 3;
export const LL_PTR = 4;

const JITCODE_WORDS = 11;

/** Element i of a prebuilt Int32Array, signed. */
export function word(arr: int, i: int): int {
  return load32(arr + TYPED_DATA + 4 * i) | 0;
}

function info(k: int): int {
  return word(jitInfo(), k);
}

/** Byte `at` of the code of every jitcode. */
export function codeByte(at: int): int {
  return load8(info(0) + TYPED_DATA + at);
}

/** The length of the code of every jitcode, in bytes. */
export function codeLength(): int {
  return load32(info(0) + TYPED_LENGTH);
}

/** The address of the opcode table string ("name/argcodes" entries separated by "\n"). */
export function opcodeTable(): int {
  return info(1);
}

/** Field k of jitcode j's record: 0 code offset, 1 length, 2-4 register counts i r f,
 *  5 parameters (Uint8Array: kind, register), 6-8 constant pools i (low, high words) r f,
 *  9 int constants, 10 parameters. */
export function jitcodeField(j: int, k: int): int {
  return word(info(2), j * JITCODE_WORDS + k);
}

/** The table slot of the runtime function a compiled trace calls (jitdata's JIT_RUNTIME). */
export const RUNTIME_REMEMBER = 0;
export const RUNTIME_INDEX_ERROR = 1;
export const RUNTIME_LIST_GROW = 2;
export const RUNTIME_EMPTY_POP = 3;
export const RUNTIME_ALLOCATE = 4;
export const RUNTIME_MATERIALIZE = 5;
export function runtimeSlot(k: int): int {
  return word(info(5), k);
}

export function descrCount(): int {
  return load32(info(3) + 8);
}

/** Word k of descriptor d (word 0 is its tag). */
export function descrWord(d: int, k: int): int {
  return word(info(4), word(info(3), d) + k);
}

/** Whether a descriptor is an immutable field's: word 3 of a field descriptor (after its
 *  offset and type code) is 1 for a readonly field or a closure's captured value, written
 *  only while its object is made (jitdata.ts). */
export function isImmutableField(d: int): boolean {
  return descrWord(d, 0) === DESCR_FIELD && descrWord(d, 3) === 1;
}

/** A virtualizable's field descriptor: word 5 is VABLE_FIELD or VABLE_ARRAY (the numbers of
 *  translator/jit/effects.ts), 0 for other fields; 0 for other descriptors. */
export function vableKind(d: int): int {
  return descrWord(d, 0) === DESCR_FIELD ? descrWord(d, 5) : 0;
}

/** The offset of a quasi-immutable field's hidden word (word 4 of a field descriptor), or
 *  -1 for any other field or descriptor (quasiimmut.ts). */
export function quasiImmutableWord(d: int): int {
  return descrWord(d, 0) === DESCR_FIELD ? descrWord(d, 4) : -1;
}
