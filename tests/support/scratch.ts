// A fresh temporary folder for one test file (the interpreters' tests): the guest programs
// the tests write, missing files they name, and the untranslated bundles.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export class Scratch {
  readonly dir: string;

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `rts-${name}-test-`));
  }

  /** The path of `name` in the folder (the file need not exist). */
  path(name: string): string {
    return path.join(this.dir, name);
  }

  /** Writes a program to the folder; returns its path. */
  program(name: string, text: string): string {
    const file = this.path(name);
    fs.writeFileSync(file, text);
    return file;
  }
}
