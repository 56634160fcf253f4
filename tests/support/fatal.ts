// Fatal runtime errors of rlib code run untranslated, for the tests only: rlib/runtime.ts' fatal
// writes its message to stderr with fs.writeSync and exits with code 1; fatalMessage intercepts
// both to capture the message instead of stopping the test.
import * as assert from "uvu/assert";

class Exit extends Error {
  constructor(public code: number) {
    super(`exit(${code})`);
  }
}

interface NodeFs {
  writeSync(fd: number, data: string): number;
}

/** Runs fn, which must stop the program as rlib/runtime.ts' fatal does (message on stderr,
 *  exit 1), and returns what it wrote to stderr. process.exit and fs.writeSync are intercepted
 *  meanwhile. */
export function fatalMessage(fn: () => unknown): string {
  const fsModule = (process as unknown as { getBuiltinModule(id: string): NodeFs }).getBuiltinModule("node:fs");
  const write = fsModule.writeSync;
  const exit = process.exit;
  let stderr = "";
  fsModule.writeSync = (fd: number, data: string): number => {
    if (fd === 2) {
      stderr += data;
      return data.length;
    }
    return write.call(fsModule, fd, data);
  };
  process.exit = ((code: number) => {
    throw new Exit(code);
  }) as typeof process.exit;
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    assert.is(e.code, 1, "exit code");
    return stderr;
  } finally {
    fsModule.writeSync = write;
    process.exit = exit;
  }
  throw new assert.Assertion({ message: "expected a fatal error", operator: "fatal", generated: true, expects: "fatal", actual: "returned" });
}

/** The message of the RangeError fn() throws. */
function rangeErrorOf(fn: () => unknown, what: string): string {
  try {
    fn();
  } catch (e) {
    assert.instance(e, RangeError, what);
    return (e as Error).message;
  }
  throw new assert.Assertion({ message: `${what} should throw`, operator: "throws", generated: true, expects: "RangeError", actual: "returned" });
}

/** fn() and native() fail alike: both throw a RangeError with the same message. */
export function sameRangeError(fn: () => unknown, native: () => unknown, what = "the call"): void {
  assert.is(rangeErrorOf(fn, what), rangeErrorOf(native, `the native ${what}`), what);
}
