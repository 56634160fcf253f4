// The WASI preview1 functions translated programs import, implemented for the Node host.
// Node 20's own node:wasi aborts the process (a failed C++ CHECK in its memory access) once
// a module has grown its memory past a few tens of MB, so the Node host uses this instead.
// Preopens follow the rts convention: fd 3 is the current directory ("."), fd 4 the root ("/").
import * as fs from "node:fs";
import * as path from "node:path";

const ESUCCESS = 0;
const EBADF = 8;
const EINVAL = 28;
const ENOENT = 44;
const EIO = 29;

/** Thrown by proc_exit to unwind the Wasm stack; `start` turns it into the exit code. */
class ProcExit {
  constructor(code) {
    this.code = code;
  }
}

export class WasiShim {
  /** @param {{ args: string[], env: Record<string, string>, cwd: string }} opts */
  constructor({ args, env, cwd }) {
    this.args = args.map((a) => Buffer.from(a + "\0"));
    this.env = Object.entries(env).map(([k, v]) => Buffer.from(`${k}=${v}\0`));
    this.preopens = new Map([[3, { name: ".", dir: cwd }], [4, { name: "/", dir: "/" }]]);
    this.files = new Map([[0, 0], [1, 1], [2, 2]]);
    this.memory = null;
    this.imports = this.#functions();
  }

  /** Runs `_start`; returns the exit code (0 when _start returns). */
  start(instance) {
    this.memory = instance.exports.memory;
    try {
      instance.exports._start();
      return 0;
    } catch (e) {
      if (e instanceof ProcExit) return e.code;
      throw e;
    } finally {
      for (const [fd, hostFd] of this.files) if (fd > 2) fs.closeSync(hostFd);
    }
  }

  // The memory may grow during any call: take a fresh view every time.
  #view() {
    return new DataView(this.memory.buffer);
  }
  #bytes(ptr, len) {
    return new Uint8Array(this.memory.buffer, ptr, len);
  }

  #putList(items, ptrs, buf) {
    const dv = this.#view();
    let at = buf;
    items.forEach((b, i) => {
      dv.setUint32(ptrs + 4 * i, at, true);
      this.#bytes(at, b.length).set(b);
      at += b.length;
    });
    return ESUCCESS;
  }

  #putSizes(items, countPtr, sizePtr) {
    const dv = this.#view();
    dv.setUint32(countPtr, items.length, true);
    dv.setUint32(sizePtr, items.reduce((n, b) => n + b.length, 0), true);
    return ESUCCESS;
  }

  #iovecs(iovs, count) {
    const dv = this.#view();
    const out = [];
    for (let i = 0; i < count; i++) out.push(this.#bytes(dv.getUint32(iovs + 8 * i, true), dv.getUint32(iovs + 8 * i + 4, true)));
    return out;
  }

  #functions() {
    const io = (f) => (...a) => {
      try {
        return f(...a);
      } catch (e) {
        return e.code === "ENOENT" ? ENOENT : e.code === "EBADF" ? EBADF : EIO;
      }
    };
    return {
      args_sizes_get: (c, s) => this.#putSizes(this.args, c, s),
      args_get: (p, b) => this.#putList(this.args, p, b),
      environ_sizes_get: (c, s) => this.#putSizes(this.env, c, s),
      environ_get: (p, b) => this.#putList(this.env, p, b),
      fd_write: io((fd, iovs, count, nwritten) => {
        const hostFd = this.files.get(fd);
        if (hostFd === undefined) return EBADF;
        let total = 0;
        for (const buf of this.#iovecs(iovs, count)) total += writeAll(hostFd, buf);
        this.#view().setUint32(nwritten, total, true);
        return ESUCCESS;
      }),
      fd_read: io((fd, iovs, count, nread) => {
        const hostFd = this.files.get(fd);
        if (hostFd === undefined) return EBADF;
        let total = 0;
        for (const buf of this.#iovecs(iovs, count)) {
          const n = readSome(hostFd, buf);
          total += n;
          if (n < buf.length) break;
        }
        this.#view().setUint32(nread, total, true);
        return ESUCCESS;
      }),
      fd_close: io((fd) => {
        const hostFd = this.files.get(fd);
        if (hostFd === undefined || fd <= 2) return EBADF;
        fs.closeSync(hostFd);
        this.files.delete(fd);
        return ESUCCESS;
      }),
      fd_prestat_get: (fd, buf) => {
        const p = this.preopens.get(fd);
        if (!p) return EBADF;
        const dv = this.#view();
        dv.setUint8(buf, 0);
        dv.setUint32(buf + 4, Buffer.byteLength(p.name), true);
        return ESUCCESS;
      },
      fd_prestat_dir_name: (fd, ptr, len) => {
        const p = this.preopens.get(fd);
        if (!p) return EBADF;
        this.#bytes(ptr, len).set(Buffer.from(p.name).subarray(0, len));
        return ESUCCESS;
      },
      path_open: io((dirfd, _dirflags, pathPtr, pathLen, oflags, _rightsBase, _rightsInh, fdflags, fdOut) => {
        const dir = this.preopens.get(dirfd);
        if (!dir) return EBADF;
        const rel = Buffer.from(this.#bytes(pathPtr, pathLen)).toString("utf8");
        const full = path.resolve(dir.dir, rel);
        // WASI keeps opens inside the preopened directory.
        if (full !== dir.dir && !full.startsWith(dir.dir === "/" ? "/" : dir.dir + path.sep)) return EINVAL;
        // Reading, or appending to a file created if needed (O_CREAT, O_TRUNC, FDFLAG_APPEND:
        // what rlib's appendFile asks for).
        let mode = "r";
        if (oflags === O_CREAT && fdflags === FDFLAG_APPEND) mode = "a";
        else if (oflags === (O_CREAT | O_TRUNC) && fdflags === FDFLAG_APPEND) mode = "w";
        else if (oflags !== 0) return EINVAL;
        const hostFd = fs.openSync(full, mode);
        const fd = Math.max(4, ...this.files.keys()) + 1;
        this.files.set(fd, hostFd);
        this.#view().setUint32(fdOut, fd, true);
        return ESUCCESS;
      }),
      clock_time_get: (_id, _precision, out) => {
        this.#view().setBigUint64(out, process.hrtime.bigint(), true);
        return ESUCCESS;
      },
      proc_exit: (code) => {
        throw new ProcExit(code);
      },
    };
  }
}

const O_CREAT = 1;
const O_TRUNC = 8;
const FDFLAG_APPEND = 1;

/** Writes all of `buf`. stdout may be a non-blocking pipe (when the parent made it one):
 *  EAGAIN then means "try again", not an error that would lose the output. */
function writeAll(fd, buf) {
  let done = 0;
  while (done < buf.length) {
    try {
      done += fs.writeSync(fd, buf, done, buf.length - done);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
    }
  }
  return done;
}

/** A read that treats EAGAIN (non-blocking stdin) as "try again" and EOF as 0. */
function readSome(fd, buf) {
  for (;;) {
    try {
      return fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === "EAGAIN") continue;
      if (e.code === "EOF") return 0;
      throw e;
    }
  }
}
