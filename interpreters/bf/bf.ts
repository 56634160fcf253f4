// A Brainfuck interpreter written in RTS.
//
//   bf.ts program.b [input-file]
//
// The program text is parsed into a compact op array (runs of + - > < collapsed, bracket
// targets precomputed, [-] and [+] turned into one "set to zero" op), then run by a plain
// dispatch loop over a tape of 30000 byte cells. Input for `,` comes from the input file if
// one is given, else from stdin (read only when the program first executes `,`); at end of
// input `,` leaves the cell unchanged. Output is buffered and written in chunks.
//
// Brainfuck works on bytes; rlib's I/O works on text. Input text is encoded to UTF-8 bytes,
// and the output bytes are decoded from UTF-8 before they are written, so valid UTF-8 passes
// through unchanged (invalid output bytes become U+FFFD).
import { elidable, JitDriver, promote } from "../../rlib/jit.ts";
import { readFile, readStdin, write } from "../../rlib/os.ts";

// ---- The program: one op per index, with its argument at the same index.

/** tape[ptr] = (tape[ptr] + arg) & 255, arg in 1..255. */
const OP_ADD = 0;
/** ptr += arg (arg nonzero, may be negative). */
const OP_MOVE = 1;
/** If tape[ptr] == 0, jump to arg (the op after the matching OP_JNZ). */
const OP_JZ = 2;
/** If tape[ptr] != 0, jump to arg (the op after the matching OP_JZ). */
const OP_JNZ = 3;
/** tape[ptr] = 0 (the loops [-] and [+]). */
const OP_ZERO = 4;
/** Output tape[ptr]. */
const OP_OUT = 5;
/** tape[ptr] = next input byte; unchanged at end of input. */
const OP_IN = 6;

const TAPE_SIZE = 30000;
const OUT_CHUNK = 4096;

class Program {
  ops: Int32Array;
  args: Int32Array;
  length: number;

  constructor(ops: Int32Array, args: Int32Array, length: number) {
    this.ops = ops;
    this.args = args;
    this.length = length;
  }
}

/** Parses Brainfuck source; on an unmatched bracket, reports it on stderr and returns null. */
function parse(src: string): Program | null {
  // Every op comes from at least one command character: that bounds the op count.
  let count = 0;
  for (let i = 0; i < src.length; i++) {
    if (isCommand(src.charCodeAt(i))) count++;
  }
  const ops = new Int32Array(count);
  const args = new Int32Array(count);
  let n = 0;
  // Open brackets not yet closed: their op index, and their offset in the source.
  const openOps: number[] = [];
  const openOffsets: number[] = [];

  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 43 || c === 45) { // + -
      const delta = c === 43 ? 1 : 255;
      if (n > 0 && ops[n - 1] === OP_ADD) {
        args[n - 1] = (args[n - 1] + delta) & 255;
        if (args[n - 1] === 0) n--; // the run cancelled out
      } else {
        ops[n] = OP_ADD;
        args[n] = delta;
        n++;
      }
    } else if (c === 62 || c === 60) { // > <
      const delta = c === 62 ? 1 : -1;
      if (n > 0 && ops[n - 1] === OP_MOVE) {
        args[n - 1] = args[n - 1] + delta;
        if (args[n - 1] === 0) n--;
      } else {
        ops[n] = OP_MOVE;
        args[n] = delta;
        n++;
      }
    } else if (c === 46) { // .
      ops[n] = OP_OUT;
      args[n] = 0;
      n++;
    } else if (c === 44) { // ,
      ops[n] = OP_IN;
      args[n] = 0;
      n++;
    } else if (c === 91) { // [
      openOps.push(n);
      openOffsets.push(i);
      ops[n] = OP_JZ;
      args[n] = 0; // patched at the matching ]
      n++;
    } else if (c === 93) { // ]
      if (openOps.length === 0) {
        write(2, `bf: unmatched ] at offset ${i}\n`);
        return null;
      }
      const open = openOps[openOps.length - 1];
      openOps.pop();
      openOffsets.pop();
      if (open === n - 2 && ops[n - 1] === OP_ADD && (args[n - 1] === 1 || args[n - 1] === 255)) {
        // [-] or [+]: count the cell down (or up) to zero in one step.
        ops[open] = OP_ZERO;
        args[open] = 0;
        n = open + 1;
      } else {
        ops[n] = OP_JNZ;
        args[n] = open + 1;
        args[open] = n + 1;
        n++;
      }
    }
  }
  if (openOps.length > 0) {
    write(2, `bf: unmatched [ at offset ${openOffsets[0]}\n`);
    return null;
  }
  return new Program(ops, args, n);
}

function isCommand(c: number): boolean {
  return c === 43 || c === 45 || c === 62 || c === 60 || c === 46 || c === 44 || c === 91 || c === 93;
}

// ---- Input and output.

class Io {
  /** Input bytes; null until stdin is read (the input file, if any, is read up front). */
  input: Uint8Array | null;
  inputPos: number;
  /** Output bytes not yet written. */
  out: Uint8Array;
  outLen: number;

  constructor(input: Uint8Array | null) {
    this.input = input;
    this.inputPos = 0;
    this.out = new Uint8Array(OUT_CHUNK);
    this.outLen = 0;
  }

  /** The next input byte, or -1 at end of input. */
  readByte(): number {
    let input = this.input;
    if (input === null) {
      this.flush(false); // let a prompt show before we wait for stdin
      input = encodeUtf8(readStdin());
      this.input = input;
    }
    if (this.inputPos >= input.length) return -1;
    const b = input[this.inputPos];
    this.inputPos++;
    return b;
  }

  writeByte(b: number): void {
    this.out[this.outLen] = b;
    this.outLen++;
    if (this.outLen === OUT_CHUNK) this.flush(false);
  }

  /** Writes the buffered bytes as UTF-8 text. Unless `final`, a multi-byte sequence cut at
   *  the end of the buffer is kept for the next flush. */
  flush(final: boolean): void {
    const buf = this.out;
    const len = this.outLen;
    let s = "";
    let i = 0;
    while (i < len) {
      const b = buf[i];
      if (b < 128) {
        s += String.fromCharCode(b);
        i++;
        continue;
      }
      let need = 0;
      let cp = 0;
      let min = 0;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        cp = b & 0x1f;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        cp = b & 0x0f;
        min = 0x800;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        cp = b & 0x07;
        min = 0x10000;
      }
      if (need === 0) { // not a valid lead byte
        s += String.fromCharCode(0xfffd);
        i++;
        continue;
      }
      if (i + need >= len && !final && continuationsOk(buf, i + 1, len)) {
        break; // an incomplete sequence at the end: wait for the rest
      }
      let ok = i + need < len;
      let k = 1;
      while (ok && k <= need) {
        const cb = buf[i + k];
        if ((cb & 0xc0) !== 0x80) ok = false;
        else cp = (cp << 6) | (cb & 0x3f);
        k++;
      }
      if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
      if (!ok) {
        s += String.fromCharCode(0xfffd);
        i++;
      } else if (cp >= 0x10000) {
        const v = cp - 0x10000;
        s += String.fromCharCode(0xd800 + (v >> 10));
        s += String.fromCharCode(0xdc00 + (v & 0x3ff));
        i += need + 1;
      } else {
        s += String.fromCharCode(cp);
        i += need + 1;
      }
    }
    // Keep the unwritten tail (at most 3 bytes) at the start of the buffer.
    let j = 0;
    while (i < len) {
      buf[j] = buf[i];
      j++;
      i++;
    }
    this.outLen = j;
    if (s.length > 0) write(1, s);
  }
}

/** True when buf[from..end) are all UTF-8 continuation bytes. */
function continuationsOk(buf: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    if ((buf[i] & 0xc0) !== 0x80) return false;
  }
  return true;
}

/** The UTF-8 bytes of a string (a lone surrogate becomes U+FFFD). */
function encodeUtf8(s: string): Uint8Array {
  let size = 0;
  let i = 0;
  while (i < s.length) {
    const cp = codePointAt(s, i);
    size += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  const bytes = new Uint8Array(size);
  let n = 0;
  i = 0;
  while (i < s.length) {
    const cp = codePointAt(s, i);
    if (cp < 0x80) {
      bytes[n] = cp;
      n++;
    } else if (cp < 0x800) {
      bytes[n] = 0xc0 | (cp >> 6);
      bytes[n + 1] = 0x80 | (cp & 0x3f);
      n += 2;
    } else if (cp < 0x10000) {
      bytes[n] = 0xe0 | (cp >> 12);
      bytes[n + 1] = 0x80 | ((cp >> 6) & 0x3f);
      bytes[n + 2] = 0x80 | (cp & 0x3f);
      n += 3;
    } else {
      bytes[n] = 0xf0 | (cp >> 18);
      bytes[n + 1] = 0x80 | ((cp >> 12) & 0x3f);
      bytes[n + 2] = 0x80 | ((cp >> 6) & 0x3f);
      bytes[n + 3] = 0x80 | (cp & 0x3f);
      n += 4;
    }
    i += cp >= 0x10000 ? 2 : 1;
  }
  return bytes;
}

/** The code point at s[i]: a surrogate pair gives one code point, a lone surrogate U+FFFD. */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return 0xfffd;
}

// ---- The interpreter loop.

// The position in the guest program (pc, and the program's arrays) is green: a trace of
// the JIT is specialized on it. The tape, the pointer and the I/O state are red.
const jitDriver = new JitDriver({ greens: ["pc", "ops", "args", "n"], reds: ["ptr", "tape", "io"] });

// The program's arrays never change: reading them through these elidable functions lets
// the JIT fold each read in a trace, where the arrays and pc are constants (an array read
// is not foldable by itself: the JIT does not know the array is never written).
function opAt(ops: Int32Array, pc: number): number {
  return ops[pc];
}
elidable(opAt);

function argAt(args: Int32Array, pc: number): number {
  return args[pc];
}
elidable(argAt);

/** Runs the program; returns the exit code. */
function run(program: Program, io: Io): number {
  const ops = program.ops;
  const args = program.args;
  const n = program.length;
  const tape = new Uint8Array(TAPE_SIZE);
  let ptr = 0;
  let pc = 0;
  while (pc < n) {
    jitDriver.jitMergePoint({ pc, ops, args, n, ptr, tape, io });
    // The tape is always the same array: promoted, it is a constant in a trace, whose length
    // the JIT then knows, so the explicit range check of ptr makes the array's own go away.
    const cells = promote(tape);
    const op = opAt(ops, pc);
    if (op === OP_ADD) {
      cells[ptr] = (cells[ptr] + argAt(args, pc)) & 255;
    } else if (op === OP_MOVE) {
      ptr += argAt(args, pc);
      if (ptr < 0 || ptr >= TAPE_SIZE) {
        io.flush(true);
        write(2, "bf: tape pointer out of range\n");
        return 1;
      }
    } else if (op === OP_JNZ) {
      if (cells[ptr] !== 0) {
        pc = argAt(args, pc);
        jitDriver.canEnterJit({ pc, ops, args, n, ptr, tape, io });
        continue;
      }
    } else if (op === OP_JZ) {
      if (cells[ptr] === 0) {
        pc = argAt(args, pc);
        continue;
      }
    } else if (op === OP_ZERO) {
      cells[ptr] = 0;
    } else if (op === OP_OUT) {
      io.writeByte(cells[ptr]);
    } else if (op === OP_IN) {
      const b = io.readByte();
      if (b >= 0) cells[ptr] = b;
    }
    pc++;
  }
  io.flush(true);
  return 0;
}

export function main(argv: string[]): number {
  if (argv.length < 1 || argv.length > 2) {
    write(2, "usage: bf program.b [input-file]\n");
    return 2;
  }
  const src = readFile(argv[0]);
  if (src === null) {
    write(2, `bf: cannot read ${argv[0]}\n`);
    return 1;
  }
  let input: Uint8Array | null = null;
  if (argv.length === 2) {
    const text = readFile(argv[1]);
    if (text === null) {
      write(2, `bf: cannot read ${argv[1]}\n`);
      return 1;
    }
    input = encodeUtf8(text);
  }
  const program = parse(src);
  if (program === null) return 1;
  return run(program, new Io(input));
}
