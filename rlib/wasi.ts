// WASI preview1 system calls and the RTS code around them that the translated
// program uses for I/O. Every `declare function` here becomes a Wasm import from
// "wasi_snapshot_preview1"; the rest is ordinary RTS over raw memory.
import type { int } from "./types.ts";
import { load32, load8, store32, store8, scratchBase, SCRATCH_SIZE, strNew, strSetChar } from "./lowlevel.ts";

declare function fd_write(fd: int, iovs: int, iovsLen: int, nwritten: int): int;
declare function fd_read(fd: int, iovs: int, iovsLen: int, nread: int): int;
declare function fd_close(fd: int): int;
declare function path_open(dirfd: int, dirflags: int, path: int, pathLen: int, oflags: int,
                           rightsBase: int, rightsInheriting: int, fdflags: int, fdOut: int): int;
declare function proc_exit(code: int): void;

// Scratch layout: [0,16) iovec + result words, [16, SCRATCH_SIZE) data.
const DATA = 16;
const CHUNK = SCRATCH_SIZE - DATA;

function writeBytes(fd: int, len: int): void {
  const base = scratchBase();
  let off = 0;
  while (off < len) {
    store32(base, base + DATA + off);
    store32(base + 4, len - off);
    if (fd_write(fd, base, 1, base + 8) !== 0) return;
    off = off + load32(base + 8);
  }
}

/** The code point at `i`: a surrogate pair combined, a lone surrogate as U+FFFD (as Node writes it). */
function codePointAt(s: string, i: int): int {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  if (c >= 0xd800 && c < 0xe000) return 0xfffd;
  return c;
}

/** Stores `cp` as UTF-8 at `dest`; returns the number of bytes (1 to 4). */
function putUtf8(dest: int, cp: int): int {
  if (cp < 0x80) {
    store8(dest, cp);
    return 1;
  }
  if (cp < 0x800) {
    store8(dest, 0xc0 | (cp >> 6));
    store8(dest + 1, 0x80 | (cp & 63));
    return 2;
  }
  if (cp < 0x10000) {
    store8(dest, 0xe0 | (cp >> 12));
    store8(dest + 1, 0x80 | ((cp >> 6) & 63));
    store8(dest + 2, 0x80 | (cp & 63));
    return 3;
  }
  store8(dest, 0xf0 | (cp >> 18));
  store8(dest + 1, 0x80 | ((cp >> 12) & 63));
  store8(dest + 2, 0x80 | ((cp >> 6) & 63));
  store8(dest + 3, 0x80 | (cp & 63));
  return 4;
}

/** Writes `s` to `fd` encoded as UTF-8, in scratch-sized chunks. */
export function writeString(fd: int, s: string): void {
  const base = scratchBase() + DATA;
  let n = 0;
  let i = 0;
  while (i < s.length) {
    if (n > CHUNK - 4) {
      writeBytes(fd, n);
      n = 0;
    }
    const cp = codePointAt(s, i);
    i = i + (cp >= 0x10000 ? 2 : 1);
    n = n + putUtf8(base + n, cp);
  }
  writeBytes(fd, n);
}

/** Reads everything from `fd` as bytes. */
function readAllBytes(fd: int): number[] {
  const base = scratchBase();
  const bytes: number[] = [];
  while (true) {
    store32(base, base + DATA);
    store32(base + 4, CHUNK);
    if (fd_read(fd, base, 1, base + 8) !== 0) break;
    const got = load32(base + 8);
    if (got === 0) break;
    for (let k = 0; k < got; k++) bytes.push(load8(base + DATA + k));
  }
  return bytes;
}

/** Decodes UTF-8 as Node's TextDecoder does for well-formed input; invalid bytes become U+FFFD. */
function decodeUtf8(bytes: number[]): string {
  const units: number[] = [];
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    let cp = 0xfffd;
    let need = 0;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0) { need = 1; cp = b & 31; }
    else if (b >= 0xe0 && b < 0xf0) { need = 2; cp = b & 15; }
    else if (b >= 0xf0 && b < 0xf5) { need = 3; cp = b & 7; }
    i = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++) {
      if (i >= n || (bytes[i] & 0xc0) !== 0x80) { ok = false; break; }
      cp = (cp << 6) | (bytes[i] & 63);
      i = i + 1;
    }
    if (!ok) cp = 0xfffd;
    if (cp >= 0x10000) {
      units.push(0xd800 + ((cp - 0x10000) >> 10));
      units.push(0xdc00 + ((cp - 0x10000) & 1023));
    } else {
      units.push(cp);
    }
  }
  const s = strNew(units.length);
  for (let k = 0; k < units.length; k++) strSetChar(s, k, units[k]);
  return s;
}

export function readStdin(): string {
  return decodeUtf8(readAllBytes(0));
}

// The hosts preopen the current directory as fd 3 and the root as fd 4 (WASI has no cwd).
const CWD_FD = 3;
const ROOT_FD = 4;
const RIGHT_FD_READ = 2;

/** The whole file as UTF-8 text, or null when it cannot be opened. */
/** Opens a file (relative paths from the current directory); -1 when it cannot. */
function openPath(path: string, oflags: int, rights: int, fdflags: int): int {
  const base = scratchBase();
  const absolute = path.length > 0 && path.charCodeAt(0) === 47;
  let i = absolute ? 1 : 0;
  let n = 0;
  while (i < path.length) {
    if (n > CHUNK - 4) return -1;
    const cp = codePointAt(path, i);
    i = i + (cp >= 0x10000 ? 2 : 1);
    n = n + putUtf8(base + DATA + n, cp);
  }
  const dir = absolute ? ROOT_FD : CWD_FD;
  if (path_open(dir, 1, base + DATA, n, oflags, rights, 0, fdflags, base + 12) !== 0) return -1;
  return load32(base + 12);
}

export function readFile(path: string): string | null {
  const fd = openPath(path, 0, RIGHT_FD_READ, 0);
  if (fd < 0) return null;
  const text = decodeUtf8(readAllBytes(fd));
  fd_close(fd);
  return text;
}

const O_CREAT = 1;
const O_TRUNC = 8;
const FDFLAG_APPEND = 1;
const RIGHT_FD_WRITE = 64;

/** Writes `s` at the end of the file (created if needed; emptied first with `truncate`). */
export function appendFile(path: string, s: string, truncate: boolean): boolean {
  const fd = openPath(path, truncate ? O_CREAT | O_TRUNC : O_CREAT, RIGHT_FD_WRITE, FDFLAG_APPEND);
  if (fd < 0) return false;
  writeString(fd, s);
  fd_close(fd);
  return true;
}

export function exit(code: int): void {
  proc_exit(code);
}

declare function args_sizes_get(argc: int, bufSize: int): int;
declare function args_get(argv: int, buf: int): int;

/** The command-line arguments after the program name, decoded from UTF-8. */
export function args(): string[] {
  const base = scratchBase();
  const out: string[] = [];
  if (args_sizes_get(base, base + 4) !== 0) return out;
  const argc = load32(base);
  const bufSize = load32(base + 4);
  const ptrs = base + DATA;
  const buf = ptrs + argc * 4;
  if (argc * 4 + bufSize > CHUNK || args_get(ptrs, buf) !== 0) return out;
  for (let i = 1; i < argc; i++) {
    const bytes: number[] = [];
    let p = load32(ptrs + i * 4);
    while (load8(p) !== 0) {
      bytes.push(load8(p));
      p = p + 1;
    }
    out.push(decodeUtf8(bytes));
  }
  return out;
}

declare function environ_sizes_get(count: int, bufSize: int): int;
declare function environ_get(environ: int, buf: int): int;
declare function clock_time_get(clockId: int, precision: int, out: int): int;

/** The value of an environment variable, or null. */
export function getenv(name: string): string | null {
  const base = scratchBase();
  if (environ_sizes_get(base, base + 4) !== 0) return null;
  const count = load32(base);
  const ptrs = base + DATA;
  const buf = ptrs + count * 4;
  if (count * 4 + load32(base + 4) > CHUNK || environ_get(ptrs, buf) !== 0) return null;
  for (let i = 0; i < count; i++) {
    // Each entry is "NAME=value\0" in UTF-8; compare the name byte by byte (names are ASCII).
    let p = load32(ptrs + i * 4);
    let k = 0;
    while (k < name.length && load8(p) === name.charCodeAt(k)) {
      p = p + 1;
      k = k + 1;
    }
    if (k !== name.length || load8(p) !== 61) continue;
    const bytes: number[] = [];
    p = p + 1;
    while (load8(p) !== 0) {
      bytes.push(load8(p));
      p = p + 1;
    }
    return decodeUtf8(bytes);
  }
  return null;
}

const MONOTONIC_CLOCK = 1;

/** Nanoseconds of a monotonic clock. */
export function monotonicNanos(): int {
  const base = scratchBase();
  if (clock_time_get(MONOTONIC_CLOCK, 1000, base) !== 0) return 0;
  return load32(base) + load32(base + 4) * 4294967296;
}
