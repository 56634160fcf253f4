// The host globals an RTS program may use besides the ES2022 library, as the translator's
// type checker sees them (it does not load @types/node).
declare var console: {
  /** Prints the values separated by spaces, then a newline (numbers, strings, booleans, null). */
  log(...values: unknown[]): void;
};
