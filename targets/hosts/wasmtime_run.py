"""The wasmtime host's run of a module (wasmtime_host.py is the script): the engine's
configuration, WASI, the run on a thread with a big stack, traps, RTS_FUEL and RTS_TIMING."""
import _thread
import ctypes
import os
import sys
import time

import wasmtime_capi as capi
from wasmtime_capi import lib
from wasmtime_cache import load_module
from wasmtime_engine import Trapped, WasmtimeError, c_strings, check, module_exports, module_imports, wasm_call

WASI_MODULE = "wasi_snapshot_preview1"
# The JIT's host functions: wasmtime_jit.py, imported only for the modules that import them.
JIT_MODULE = "rts_jit"
JIT_IMPORTS = {"compile", "submit", "collect"}
# Wasm stack for deep guest recursion (the Node host gives its worker thread the same 64 MiB).
WASM_STACK = 64 << 20
# The guest runs in a thread whose native stack holds the Wasm stack plus the Python and
# wasmtime frames below it; wasmtime only checks the Wasm part, so the rest needs headroom.
THREAD_STACK = WASM_STACK + (16 << 20)

# Trap messages worded as V8 words them, so both hosts print the same first line.
TRAP_MESSAGES = {
    capi.TRAP_STACK_OVERFLOW: "stack overflow",
    capi.TRAP_MEMORY_OUT_OF_BOUNDS: "memory access out of bounds",
    capi.TRAP_UNREACHABLE_CODE_REACHED: "unreachable",
    capi.TRAP_INTEGER_DIVISION_BY_ZERO: "divide by zero",
    capi.TRAP_INTEGER_OVERFLOW: "divide result unrepresentable",
    capi.TRAP_BAD_CONVERSION_TO_INTEGER: "float unrepresentable in integer range",
    capi.TRAP_TABLE_OUT_OF_BOUNDS: "table index is out of bounds",
    capi.TRAP_INDIRECT_CALL_TO_NULL: "null function or function signature mismatch",
    capi.TRAP_BAD_SIGNATURE: "null function or function signature mismatch",
}

# RTS_FUEL=1: count the Wasm operations executed (wasmtime's fuel) and print the count on
# stderr at exit, a measure of the generated code that does not depend on the machine's load.
COUNT_OPERATIONS = bool(os.environ.get("RTS_FUEL"))
FUEL = 1 << 62

# RTS_PERF=perfmap or jitdump: wasmtime describes the code it compiles, JIT traces too, to
# Linux perf: perfmap (/tmp/perf-PID.map) names the Wasm functions in `perf report`; jitdump
# (`perf record -k mono`, then `perf inject --jit`) also keeps their machine code for `perf
# annotate`. The values are wasmtime's profiling strategies.
PROFILERS = {"jitdump": 1, "perfmap": 3}
PROFILER = os.environ.get("RTS_PERF")

# RTS_TIMING=1: print how long each phase took on stderr, as the Node host does.
TIMING = bool(os.environ.get("RTS_TIMING"))
MARKS = []  # (phase, when it ended)


def make_engine():
    config = lib.wasm_config_new()
    lib.wasmtime_config_consume_fuel_set(config, COUNT_OPERATIONS)
    # Compiled JIT traces go on into each other with return_call_indirect.
    lib.wasmtime_config_wasm_tail_call_set(config, True)
    # A JIT trace is a module of one function: compiling it on wasmtime's thread pool only
    # adds hand-offs, and with more threads in the process each code page made executable
    # costs a TLB shootdown across them (BF mandelbrot with --jit: 6500 context switches
    # instead of 1700, 4% more CPU). The main module compiles once, into the cache.
    lib.wasmtime_config_parallel_compilation_set(config, False)
    # The JIT's background compiler writes to the guest's memory from its own thread
    # (wasmtime_jit.py): the memory must stay where it is. (A 32-bit memory has its whole
    # 4 GiB reserved on a 64-bit host: growing never needs to move it.)
    lib.wasmtime_config_memory_may_move_set(config, False)
    if PROFILER:
        lib.wasmtime_config_profiler_set(config, PROFILERS[PROFILER])
    # wasmtime refuses a max_wasm_stack above its async stack size (2 MiB by default).
    lib.wasmtime_config_async_stack_size_set(config, WASM_STACK)
    lib.wasmtime_config_max_wasm_stack_set(config, WASM_STACK)
    return lib.wasm_engine_new_with_config(config)  # which takes the config over


def run(wasm_path, args, env):
    """Runs the module; returns the exit code."""
    if PROFILER and PROFILER not in PROFILERS:
        return fail(f"rts: RTS_PERF is perfmap or jitdump, not {PROFILER}")
    engine = make_engine()
    try:
        module = load_module(engine, wasm_path, COUNT_OPERATIONS)
        MARKS.append(("compile (or load from the cache)", time.time()))
    except (OSError, WasmtimeError) as e:
        return fail(f"rts: cannot load {wasm_path}: {first_line(str(e))}")
    imports = module_imports(module)
    for module_name, name in imports:
        if module_name != WASI_MODULE and not (module_name == JIT_MODULE and name in JIT_IMPORTS):
            return fail(f"rts: this module imports {module_name}.{name}, which this host does not provide")
    if not {"_start", "memory"} <= set(module_exports(module)):
        return fail(f"rts: {wasm_path} is not a WASI command: it must export _start and memory")

    store = lib.wasmtime_store_new(engine, None, capi.NO_FINALIZER)
    close_jit = lambda: None  # noqa: E731 (wasmtime_jit.define's, for a module with the JIT)
    context = lib.wasmtime_store_context(store)
    linker = lib.wasmtime_linker_new(engine)
    try:
        # The guest sees the rts runtime's settings (RTS_GCSTATS, RTS_MAX_HEAP...) and `env`.
        guest_env = {k: v for k, v in os.environ.items() if k.startswith("RTS_")}
        guest_env.update(env)
        check(lib.wasmtime_context_set_wasi(context, wasi_config([os.path.basename(wasm_path), *args], guest_env)))
        check(lib.wasmtime_linker_define_wasi(linker))
        if any(module_name == JIT_MODULE for module_name, _ in imports):
            import wasmtime_jit

            close_jit = wasmtime_jit.define(linker, engine, JIT_MODULE.encode())
        if COUNT_OPERATIONS:
            check(lib.wasmtime_context_set_fuel(context, FUEL))
        instance = capi.Instance()
        wasm_call(lib.wasmtime_linker_instantiate, linker, context, module, ctypes.byref(instance))
        MARKS.append(("instantiate", time.time()))
        start = capi.Extern()
        lib.wasmtime_instance_export_get(context, ctypes.byref(instance), b"_start", len(b"_start"), ctypes.byref(start))
        if start.kind != capi.WASMTIME_EXTERN_FUNC:
            return fail(f"rts: {wasm_path} is not a WASI command: its _start is not a function")
        wasm_call(lib.wasmtime_func_call, context, ctypes.byref(start.of.func), None, 0, None, 0)
    except WasmtimeError as e:
        return e.exit_status if e.exit_status is not None else fail(f"rts: {caused_by(str(e))}")
    except Trapped as trap:
        return fail(describe_trap(trap))
    finally:
        MARKS.append(("_start", time.time()))
        if COUNT_OPERATIONS:
            fuel = ctypes.c_uint64()
            check(lib.wasmtime_context_get_fuel(context, ctypes.byref(fuel)))
            print(f"rts: {FUEL - fuel.value} Wasm operations executed", file=sys.stderr)
        close_jit()
        lib.wasmtime_linker_delete(linker)
        lib.wasmtime_store_delete(store)
    return 0


def wasi_config(argv, env):
    """WASI with `argv` and `env`, the process's stdio, and "." then "/" preopened (writable):
    preopen order is fd order, so "." is fd 3 and "/" is fd 4, as rlib/wasi.ts expects."""
    wasi = lib.wasi_config_new()
    if not lib.wasi_config_set_argv(wasi, len(argv), c_strings(argv)):
        raise WasmtimeError("failed to configure argv")
    if not lib.wasi_config_set_env(wasi, len(env), c_strings(env.keys()), c_strings(env.values())):
        raise WasmtimeError("failed to configure environment")
    lib.wasi_config_inherit_stdin(wasi)
    lib.wasi_config_inherit_stdout(wasi)
    lib.wasi_config_inherit_stderr(wasi)
    for path in (b".", b"/"):
        if not lib.wasi_config_preopen_dir(wasi, path, path, True):
            raise WasmtimeError(f"failed to preopen {path.decode()}")
    return wasi


def describe_trap(trap):
    """One line for the trap, then the Wasm functions on the stack, innermost first."""
    message = TRAP_MESSAGES.get(trap.code) or caused_by(trap.message).removeprefix("wasm trap: ")
    return "\n".join([f"rts: runtime error: {message}", *frame_lines(trap.names)])


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


def main(argv, usage):
    env = {}
    while len(argv) >= 2 and argv[0] == "--env":
        name, _, value = argv[1].partition("=")
        env[name] = value
        argv = argv[2:]
    if not argv:
        sys.stderr.write(usage + "\n")
        return 2
    result = []
    finished = _thread.allocate_lock()
    finished.acquire()

    def guest():
        try:
            result.append(run(argv[0], argv[1:], env))
        except BaseException:  # a bug: its traceback, and exit code 1
            import traceback

            traceback.print_exc()
        finally:
            finished.release()

    # _thread rather than threading, which takes ~3 ms more to import.
    _thread.stack_size(THREAD_STACK)
    _thread.start_new_thread(guest, ())
    finished.acquire()
    if TIMING:
        report_phases()
    return result[0] if result else 1
