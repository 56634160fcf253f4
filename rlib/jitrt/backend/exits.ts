// How compiled traces go on into each other without returning to jitrt (RPython's backends
// patch a guard's jump to its bridge in machine code; a Wasm module cannot be patched).
// Every exit of every compiled trace has a number of its own (an exit id), which the trace
// returns when it leaves there. A guard's exit first looks at its id's word here: once a
// bridge is attached to the guard (setWord), the word holds the bridge's table slot
// and the guard tail-calls the bridge (return_call_indirect) with its values in the frame,
// as a FINISH tail-calls the loop it goes on in. Exits past MAX_WORDS get no word: they
// return, and the caller (entry.ts runCompiled) follows their bridges itself. A trace
// compiled for a green key has a word of its own too (an entry word, from the same ids),
// holding its current table slot: a FINISH into it loads it there, so the trace can be
// compiled again with its bridges (compiled.ts) and everything goes on in the new code.
import { int } from "../../types.ts";
import { typedDataAddress } from "../../lowlevel.ts";

const MAX_WORDS = 65536;

class ExitWords {
  /** Prebuilt, so the collector never moves it: compiled code has its address. */
  words = new Int32Array(MAX_WORDS);
  next = 0;
}

const exitWords = new ExitWords();

/** Numbers `count` new exits; returns the first id. */
export function reserveExits(count: int): int {
  const first = exitWords.next;
  exitWords.next = first + count;
  return first;
}

/** The address of the exit's word, or 0 when it has none. */
export function exitWordAddress(id: int): int {
  return hasExitWord(id) ? exitWordsBase() + 4 * id : 0;
}

/** The address of exit 0's word: exit n's is 4 * n bytes further, for n < MAX_WORDS. */
export function exitWordsBase(): int {
  return typedDataAddress(exitWords.words);
}

/** Whether the exit has a word. */
export function hasExitWord(id: int): boolean {
  return id < MAX_WORDS;
}

/** The exit's guard (or the entry word's FINISH) now tail-calls the compiled trace at this
 *  table slot (never 0: the main module's table has functions before any trace's). */
export function setWord(id: int, index: int): void {
  if (hasExitWord(id)) exitWords.words[id] = index;
}
