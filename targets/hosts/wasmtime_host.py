#!/usr/bin/env python3
"""The wasmtime host: runs a translated module (a WASI preview1 command) on the wasmtime engine.

usage: python3 wasmtime_host.py [--env NAME=VALUE]... prog.wasm [args...]

Behaves as the Node host (targets/hosts/node-host.mjs): the guest's argv[0] is the file's base name,
fd 3 is the current directory (guest name "."), fd 4 is the root ("/"), stdio is inherited, the
exit code is the one given to proc_exit (0 if _start returns), and a trap prints one line plus the
Wasm functions on the stack to stderr and exits 1.
"""
import ctypes
import hashlib
import os
import queue
import sys
import threading
import time

# RTS_TIMING=1: print how long each phase took on stderr, as the Node host does. The first
# mark is Python's own start-up (up to here).
TIMING = bool(os.environ.get("RTS_TIMING"))
MARKS = [("python start", time.time())]

try:
    import wasmtime
except ImportError:
    sys.stderr.write("rts: the wasmtime host needs the wasmtime Python package: pip install wasmtime\n")
    sys.exit(1)
MARKS.append(("import wasmtime", time.time()))

WASI_MODULE = "wasi_snapshot_preview1"
JIT_MODULE = "rts_jit"
JIT_IMPORTS = {"compile", "submit", "collect"}
# Wasm stack for deep guest recursion (the Node host gives its worker thread the same 64 MiB).
WASM_STACK = 64 << 20
# The guest runs in a thread whose native stack holds the Wasm stack plus the Python and
# wasmtime frames below it; wasmtime only checks the Wasm part, so the rest needs headroom.
THREAD_STACK = WASM_STACK + (16 << 20)

# Trap messages worded as V8 words them, so both hosts print the same first line.
TRAP_MESSAGES = {
    wasmtime.TrapCode.STACK_OVERFLOW: "stack overflow",
    wasmtime.TrapCode.MEMORY_OUT_OF_BOUNDS: "memory access out of bounds",
    wasmtime.TrapCode.UNREACHABLE: "unreachable",
    wasmtime.TrapCode.INTEGER_DIVISION_BY_ZERO: "divide by zero",
    wasmtime.TrapCode.INTEGER_OVERFLOW: "divide result unrepresentable",
    wasmtime.TrapCode.BAD_CONVERSION_TO_INTEGER: "float unrepresentable in integer range",
    wasmtime.TrapCode.TABLE_OUT_OF_BOUNDS: "table index is out of bounds",
    wasmtime.TrapCode.INDIRECT_CALL_TO_NULL: "null function or function signature mismatch",
    wasmtime.TrapCode.BAD_SIGNATURE: "null function or function signature mismatch",
}


# RTS_FUEL=1: count the Wasm operations executed (wasmtime's fuel) and print the count on
# stderr at exit, a measure of the generated code that does not depend on the machine's load.
COUNT_OPERATIONS = bool(os.environ.get("RTS_FUEL"))
FUEL = 1 << 62

# The size the cache of precompiled modules is kept under (see load_module).
CACHE_LIMIT = 512 << 20


def make_engine():
    config = wasmtime.Config()
    config.consume_fuel = COUNT_OPERATIONS
    # Compiled JIT traces go on into each other with return_call_indirect.
    config.wasm_tail_call = True
    # A JIT trace is a module of one function: compiling it on wasmtime's thread pool only
    # adds hand-offs, and with more threads in the process each code page made executable
    # costs a TLB shootdown across them (BF mandelbrot with --jit: 6500 context switches
    # instead of 1700, 4% more CPU). The main module compiles once, into the cache.
    config.parallel_compilation = False
    # wasmtime refuses a max_wasm_stack above its async stack size (2 MiB by default), and the
    # Python API has no setter for the latter, so call the C API directly. Without that symbol
    # (another wasmtime version), keep the default 2 MiB stack rather than fail.
    set_async_stack = getattr(wasmtime._ffi.dll, "wasmtime_config_async_stack_size_set", None)
    if set_async_stack is not None:
        set_async_stack.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        set_async_stack.restype = None
        set_async_stack(ctypes.cast(config.ptr(), ctypes.c_void_p), WASM_STACK)
        config.max_wasm_stack = WASM_STACK
    return wasmtime.Engine(config)


def load_module(engine, wasm_path):
    """The compiled module, from this host's cache of precompiled modules when it has it.
    Cranelift takes ~1 s for the 250 KB Scheme VM; wasmtime's own cache (Config.cache) still
    takes ~20 ms to hash, decompress and check an entry, while deserializing an uncompressed
    precompiled module maps it in under 1 ms. The key is the module's bytes and the fuel
    setting (which changes the code); wasmtime itself refuses an entry made by another
    version or engine configuration, which is then compiled and written again."""
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    key = hashlib.sha256(wasm + (b"fuel" if COUNT_OPERATIONS else b"")).hexdigest()
    cache_dir = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "rts", "wasmtime")
    cached = os.path.join(cache_dir, f"{key}.cwasm")
    try:
        module = wasmtime.Module.deserialize_file(engine, cached)
        os.utime(cached)  # the eviction below removes the least recently used entries
        return module
    except (wasmtime.WasmtimeError, OSError):
        pass  # not cached (or evicted meanwhile, or refused by this wasmtime)
    module = wasmtime.Module(engine, wasm)
    try:
        os.makedirs(cache_dir, exist_ok=True)
        # Written under a temporary name, then renamed: a concurrent run never maps half a file.
        tmp = f"{cached}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(module.serialize())
        os.replace(tmp, cached)
        evict(cache_dir)
    except OSError:
        pass  # no writable cache: the next run compiles again
    return module


def evict(cache_dir):
    """Keeps the cache under CACHE_LIMIT bytes, removing the least recently used entries
    (every translation of a program is a new entry: the test suite alone writes hundreds).
    Run after each write, which follows a compilation that took far longer."""
    entries = []
    with os.scandir(cache_dir) as it:
        for e in it:
            if e.name.endswith(".cwasm"):
                st = e.stat()
                entries.append((st.st_mtime, st.st_size, e.path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= CACHE_LIMIT:
            break
        try:
            os.remove(path)
        except OSError:
            pass  # removed by a concurrent run
        total -= size


def run(wasm_path, args, env):
    """Runs the module; returns the exit code."""
    engine = make_engine()
    try:
        module = load_module(engine, wasm_path)
        MARKS.append(("compile (or load from the cache)", time.time()))
    except (OSError, wasmtime.WasmtimeError) as e:
        return fail(f"rts: cannot load {wasm_path}: {first_line(str(e))}")
    for imp in module.imports:
        if imp.module != WASI_MODULE and not (imp.module == JIT_MODULE and imp.name in JIT_IMPORTS):
            return fail(f"rts: this module imports {imp.module}.{imp.name}, which this host does not provide")
    if not {"_start", "memory"} <= {exp.name for exp in module.exports}:
        return fail(f"rts: {wasm_path} is not a WASI command: it must export _start and memory")

    wasi = wasmtime.WasiConfig()
    wasi.argv = [os.path.basename(wasm_path), *args]
    # The guest sees the rts runtime's settings (RTS_GCSTATS, RTS_MAX_HEAP...) and `env`.
    guest_env = {k: v for k, v in os.environ.items() if k.startswith("RTS_")}
    guest_env.update(env)
    wasi.env = list(guest_env.items())
    wasi.inherit_stdin()
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    # Preopen order is fd order: "." is fd 3 and "/" is fd 4, as rlib/wasi.ts expects.
    wasi.preopen_dir(".", ".")
    wasi.preopen_dir("/", "/")
    store = wasmtime.Store(engine)
    store.set_wasi(wasi)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    define_jit(linker, engine)
    if COUNT_OPERATIONS:
        store.set_fuel(FUEL)
    try:
        instance = linker.instantiate(store, module)
        MARKS.append(("instantiate", time.time()))
        instance.exports(store)["_start"](store)
    except wasmtime.ExitTrap as e:
        return e.code
    except wasmtime.Trap as e:
        return fail(describe_trap(e))
    except wasmtime.WasmtimeError as e:
        return fail(f"rts: {caused_by(str(e))}")
    finally:
        MARKS.append(("_start", time.time()))
        if COUNT_OPERATIONS:
            print(f"rts: {FUEL - store.get_fuel()} Wasm operations executed", file=sys.stderr)
    return 0


def define_jit(linker, engine):
    """rts_jit.compile(ptr, len) -> table index: the bytes at ptr are a trace's Wasm module,
    which imports env.memory, env.table, env.sp and env.exc, in that order (the main module's
    memory and rts_jit_table, and its globals rts_jit_sp, the shadow stack pointer, and
    rts_jit_exc, the pending exception); it exports "trace", which goes into a new slot of
    the table. The four are looked up once: asking each trace module for its imports and the
    caller for each export by name took ~0.5 ms a trace in Python (BF mandelbrot compiles
    620), more than instantiating it. rts_jit.submit(ptr, len) -> ticket (> 0) copies such a
    module and compiles it on the background compiler's thread; rts_jit.collect(ticket) ->
    table index adds it to the table as compile does once compiled, and is 0 until then."""
    shared = []
    background = BackgroundCompiler(engine)

    def shared_externs(caller):
        if not shared:
            shared.extend(caller[name] for name in ("memory", "rts_jit_table", "rts_jit_sp", "rts_jit_exc"))
        return shared

    def install(caller, trace):
        """The compiled trace module, instantiated (on the guest's thread: the Store is not
        thread-safe) in a new table slot."""
        instance = wasmtime.Instance(caller, trace, shared_externs(caller))
        return shared[1].grow(caller, 1, instance.exports(caller)["trace"])

    def module_bytes(caller, ptr, length):
        return bytes(shared_externs(caller)[0].read(caller, ptr, ptr + length))

    def compile_trace(caller, ptr, length):
        return install(caller, wasmtime.Module(engine, module_bytes(caller, ptr, length)))

    def submit(caller, ptr, length):
        return background.submit(module_bytes(caller, ptr, length))

    def collect(caller, ticket):
        trace = background.collect(ticket)
        return 0 if trace is None else install(caller, trace)

    i32 = wasmtime.ValType.i32()
    linker.define_func(JIT_MODULE, "compile", wasmtime.FuncType([i32, i32], [i32]), compile_trace, access_caller=True)
    linker.define_func(JIT_MODULE, "submit", wasmtime.FuncType([i32, i32], [i32]), submit, access_caller=True)
    linker.define_func(JIT_MODULE, "collect", wasmtime.FuncType([i32], [i32]), collect, access_caller=True)


class BackgroundCompiler:
    """Compiles trace modules on one thread of its own while the guest runs on (Cranelift
    releases the GIL; the engine is thread-safe). The guest's thread collects the results.
    The thread is a daemon: compiles still pending when the guest exits do not hold up the
    process."""

    def __init__(self, engine):
        self.engine = engine
        self.work = queue.Queue()
        self.done = {}  # ticket -> the compiled module, or the error compiling it raised
        self.tickets = 0
        self.thread = None

    def submit(self, wasm):
        if self.thread is None:
            self.thread = threading.Thread(target=self.run, name="rts-jit-compiler", daemon=True)
            self.thread.start()
        self.tickets += 1
        self.work.put((self.tickets, wasm))
        return self.tickets

    def run(self):
        while True:
            ticket, wasm = self.work.get()
            try:
                result = wasmtime.Module(self.engine, wasm)
            except wasmtime.WasmtimeError as e:
                result = e
            self.done[ticket] = result

    def collect(self, ticket):
        """The compiled module (once: the ticket is then forgotten), or None while compiling."""
        result = self.done.pop(ticket, None)
        if isinstance(result, Exception):
            raise result
        return result


def describe_trap(trap):
    """One line for the trap, then the Wasm functions on the stack, innermost first."""
    message = TRAP_MESSAGES.get(trap.trap_code) or caused_by(trap.message).removeprefix("wasm trap: ")
    names = [f.func_name or f"wasm-function[{f.func_index}]" for f in trap.frames]
    return "\n".join([f"rts: runtime error: {message}", *frame_lines(names)])


def frame_lines(names):
    """`    at name` lines; a run of one function (deep recursion) becomes one line with a count."""
    lines = []
    i = 0
    while i < len(names):
        j = i + 1
        while j < len(names) and names[j] == names[i]:
            j += 1
        lines.append(f"    at {names[i]}" + (f" (repeated {j - i} times)" if j - i > 1 else ""))
        i = j
    return lines


def caused_by(message):
    """The root cause of a wasmtime error: the last line of its "Caused by:" list."""
    return message.strip().splitlines()[-1].strip()


def first_line(message):
    return message.strip().splitlines()[0]


def report_phases():
    """"rts timing: a 12.3 ms, b 4.5 ms, ..., total N ms" from the process's start."""
    with open("/proc/self/stat") as f:
        # Field 22: the process's start in clock ticks after boot; /proc/uptime: now after boot.
        started_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    origin = time.time() - uptime + started_ticks / os.sysconf("SC_CLK_TCK")
    parts = []
    prev = origin
    for name, t in MARKS:
        parts.append(f"{name} {(t - prev) * 1000:.1f} ms")
        prev = t
    sys.stderr.write(f"rts timing: {', '.join(parts)}, total {(prev - origin) * 1000:.1f} ms\n")


def fail(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    return 1


def main(argv):
    env = {}
    while len(argv) >= 2 and argv[0] == "--env":
        name, _, value = argv[1].partition("=")
        env[name] = value
        argv = argv[2:]
    if not argv:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    result = []
    threading.stack_size(THREAD_STACK)
    thread = threading.Thread(target=lambda: result.append(run(argv[0], argv[1:], env)))
    thread.start()
    thread.join()
    if TIMING:
        report_phases()
    return result[0] if result else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
