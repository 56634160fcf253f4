// The test suite's cache of translated modules (build/translations/), shared by the test
// processes of a run and kept between runs: the same program translated with the same
// options by another test file, or by an earlier run while neither the translator nor the
// program changed, is not translated again.
//
// A module's file name is a hash of all its translation read: the entry file's path, the
// options, the translator (every file of translator/ and targets/wasm/, package-lock.json,
// which pins binaryen, ts-morph and esbuild, and Node's version), rlib/, and each of the
// program's own files (the entry and the modules it imports, transitively). An edited program,
// library module or rlib, or a program that now imports another file, has another name, and is
// translated again. A program that imports anything but relative paths to files that exist
// (and rlib, through "rts/rlib/") is always translated. Translation is deterministic (the same
// inputs give the same bytes), so a module from the cache is the module a fresh translation
// gives; what module initialization might read besides the sources (no program here reads
// anything) is not tracked. TEST_TRANSLATION_CACHE=off translates everything afresh.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import type { TranslateOptions, TranslateResult } from "../../translator/driver.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Past this, the least recently used entries go: every change to the translator or rlib
 *  makes a new entry of every program (a full run writes ~25 MiB). */
const CACHE_LIMIT = 512 << 20;
const TRANSLATOR = ["translator", path.join("targets", "wasm"), "package-lock.json"];
const RLIB = path.join(ROOT, "rlib");
const ENABLED = process.env.TEST_TRANSLATION_CACHE !== "off";

type Translate = (entry: string, opts: TranslateOptions) => Promise<TranslateResult>;

/** [name, sha256] pairs: "rlib/" and the folder's hash, then each of the program's files by
 *  its absolute path and the hash of its text, the entry first. */
type Sources = [string, string][];

function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Hashed when this module loads, as the test process loads the translator's code: a
 *  translator edited later in the run is not the one that runs. */
const translator = ENABLED ? treeHash(TRANSLATOR) : "";

/** A hash of the files (relative to ROOT; a folder stands for every file in it). */
function treeHash(tops: string[]): string {
  const hash = createHash("sha256").update(process.version);
  for (const top of tops) {
    const full = path.join(ROOT, top);
    const files = fs.statSync(full).isDirectory()
      ? fs.readdirSync(full, { recursive: true, encoding: "utf8" }).map((f) => path.join(top, f)).sort()
      : [top];
    for (const file of files) {
      const abs = path.join(ROOT, file);
      if (!fs.statSync(abs).isFile()) continue;
      hash.update(`\0${file}\0`).update(fs.readFileSync(abs));
    }
  }
  return hash.digest("hex");
}

/** What a translation of `entry` reads besides the translator (rlib is read anew at every
 *  translation); null when an import is not a relative path to a file (a package, a path
 *  mapping other than rlib's), which this does not follow as the translator would. */
function sources(entry: string): Sources | null {
  const found = new Map<string, string>([["rlib/", treeHash(["rlib"])]]);
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file) || file.startsWith(RLIB + path.sep)) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      return null;
    }
    found.set(file, sha256(text));
    const info = ts.preProcessFile(text, true, true);
    for (const ref of [...info.importedFiles, ...info.referencedFiles]) {
      if (ref.fileName.startsWith("rts/rlib/")) continue;
      if (!ref.fileName.startsWith(".")) return null;
      pending.push(path.resolve(path.dirname(file), ref.fileName));
    }
  }
  return [...found];
}

/** The options, every one of them (but the logging function) in a fixed order, `jit` unset
 *  as false (as translate() reads it); null when the translation also writes or logs
 *  something (dumps, a .wat file), which only a fresh translation does. */
function optionsKey(opts: TranslateOptions): string | null {
  if (opts.dump !== null || opts.watPath !== undefined) return null;
  const { log: _, ...rest } = { ...opts, jit: opts.jit ?? false };
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

/** A folder of translated modules. */
export class TranslationCache {
  /** Whether this process has evicted old entries yet (once, at its first store). */
  private evicted = false;

  constructor(readonly dir: string) {}

  /** `translate(entry, opts)`'s module: from the cache when a module of these inputs is
   *  there, else translated and stored. Only programs of the repository are kept (generated
   *  programs in temporary folders are new at every run). */
  async translation(entry: string, opts: TranslateOptions, translate: Translate): Promise<Uint8Array> {
    const abs = path.resolve(entry);
    const options = optionsKey(opts);
    const inputs = ENABLED && options !== null && abs.startsWith(ROOT + path.sep) ? sources(abs) : null;
    if (inputs === null) return (await translate(entry, opts)).wasm;
    const key = JSON.stringify([translator, abs, options, inputs]);
    const file = path.join(this.dir, `${sha256(key)}.wasm`);
    try {
      const wasm = fs.readFileSync(file);
      const now = new Date();
      fs.utimesSync(file, now, now); // recently used: kept by evict()
      return wasm;
    } catch {
      // not cached (or evicted meanwhile)
    }
    const { wasm } = await translate(entry, opts);
    // Kept only if no source changed while it was translated.
    if (JSON.stringify([translator, abs, options, sources(abs)]) === key) this.store(file, wasm);
    return wasm;
  }

  /** Written under a temporary name, then renamed: another test process never reads half a
   *  module. */
  private store(file: string, wasm: Uint8Array): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, wasm);
    fs.renameSync(tmp, file);
    if (!this.evicted) this.evict();
    this.evicted = true;
  }

  /** Keeps the cache under CACHE_LIMIT bytes, the least recently used modules first. */
  private evict(): void {
    const entries = fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith(".wasm"))
      .flatMap((f) => {
        const st = fs.statSync(path.join(this.dir, f), { throwIfNoEntry: false });
        return st ? [{ file: path.join(this.dir, f), size: st.size, used: st.mtimeMs }] : [];
      });
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    for (const e of entries.sort((a, b) => a.used - b.used)) {
      if (total <= CACHE_LIMIT) break;
      fs.rmSync(e.file, { force: true });
      total -= e.size;
    }
  }
}

/** The suite's cache (translateProgram in harness.ts). */
export const translations = new TranslationCache(path.join(ROOT, "build", "translations"));
