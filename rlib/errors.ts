// The error classes of translated programs. Untranslated, a program's `Error`, `TypeError`
// and `RangeError` are JavaScript's; translated, the translator maps those globals to these
// classes, so `class ParseError extends Error` extends this Error. An error has the two
// fields RTS supports, `name` and `message`, and JS's `toString()`.

export class Error {
  name: string = "Error";
  message: string;
  constructor(message: string = "") {
    this.message = message;
  }

  toString(): string {
    return errorText(this.name, this.message);
  }
}

/** Error.prototype.toString: "name: message", or whichever of the two is not empty. */
export function errorText(name: string, message: string): string {
  if (name === "") return message;
  if (message === "") return name;
  return name + ": " + message;
}

/** Raised by the runtime for a property access on null or undefined (as JS does). */
export class TypeError extends Error {
  constructor(message: string = "") {
    super(message);
    this.name = "TypeError";
  }
}

/** Raised by the library for out-of-range arguments ("a".repeat(-1), toFixed(101)...). */
export class RangeError extends Error {
  constructor(message: string = "") {
    super(message);
    this.name = "RangeError";
  }
}
