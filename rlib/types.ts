// Number kinds for RTS code that wants to pin a number's representation.
// To TypeScript both are `number`; the translator reads the alias name at declarations:
// an `int` slot is lowered to i64, a `float` slot to f64, whatever flows into it.
// Untranslated they are plain numbers.

/** A number the translator keeps as a 64-bit machine integer. */
export type int = number;
/** A number the translator keeps as a 64-bit IEEE float. */
export type float = number;
