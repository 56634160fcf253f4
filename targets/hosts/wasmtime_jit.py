"""The wasmtime host's rts_jit imports, which modules translated with --jit compile their
traces with (imported only for such modules)."""
import ctypes
import struct

import wasmtime_capi as capi
from wasmtime_capi import lib
from wasmtime_engine import WasmtimeError, check, compile_module, define_host_function, wasm_call

# The main module's exports that trace modules import, in their import order.
SHARED = (b"memory", b"rts_jit_table", b"rts_jit_sp", b"rts_jit_exc")


def define(linker, engine, module):
    """Defines the JIT's host functions in `module` (bytes), rts_jit, and returns what to
    call before the guest's store is deleted:

    rts_jit.compile(ptr, len, values, count) -> table index: the bytes at ptr are a trace's
    Wasm module, which imports env.memory, env.table, env.sp and env.exc, in that order (the
    main module's memory and rts_jit_table, and its globals rts_jit_sp, the shadow stack
    pointer, and rts_jit_exc, the pending exception), then `count` immutable i32 globals, its
    relocations, whose values are the i32s at `values`; it exports "trace", which goes into a
    new slot of the table. Traces of the same shape are the same bytes with other relocations
    (rlib/jitrt/backend/module.ts): each is compiled once (`modules`, by bytes). The four
    exports are looked up once: asking each trace module for its imports and the caller for
    each export by name took ~0.5 ms a trace in Python (BF mandelbrot compiles 620), more
    than instantiating it. rts_jit.submit(ptr, len, values, count, done_word) -> ticket (> 0)
    copies such a module and compiles it on the background compiler's thread (unless its
    bytes were compiled before), which then stores the ticket in the i32 at done_word (in the
    order submitted: the guest asks collect only for a ticket that far);
    rts_jit.collect(ticket) -> table index adds it to the table as compile does once
    compiled, and is 0 until then."""
    shared = (capi.Extern * len(SHARED))()
    looked_up = []
    background = BackgroundCompiler(engine)
    # The type of every relocation global, made once for the process.
    relocation_type = lib.wasm_globaltype_new(lib.wasm_valtype_new(capi.WASM_I32), capi.WASM_CONST)
    modules = {}  # module bytes -> the module compiled from them
    relocation_globals = {}  # relocation value -> the global made for it (shared by the traces)
    submitted = {}  # ticket -> the bytes and relocations of the module submitted
    memory_view = [0, 0]  # where the guest's memory is in this process, and its size

    def shared_externs(caller):
        if not looked_up:
            for i, name in enumerate(SHARED):
                if not lib.wasmtime_caller_export_get(caller, name, len(name), ctypes.byref(shared[i])):
                    raise KeyError(f"failed to find export {name.decode()}")
            looked_up.append(True)
        return shared

    def install(caller, trace, relocations):
        """The compiled trace module, instantiated with its relocations (on the guest's
        thread: the Store is not thread-safe) in a new table slot."""
        context = lib.wasmtime_caller_context(caller)
        imports = (capi.Extern * (len(SHARED) + len(relocations)))(*shared_externs(caller))
        for i, relocation in enumerate(relocations, len(SHARED)):
            imports[i] = relocation_global(context, relocation)
        instance = capi.Instance()
        wasm_call(lib.wasmtime_instance_new, context, trace, imports, len(imports), ctypes.byref(instance))
        export = capi.Extern()
        if not lib.wasmtime_instance_export_get(context, ctypes.byref(instance), b"trace", len(b"trace"), ctypes.byref(export)):
            raise KeyError("a trace module must export trace")
        slot = capi.Val(kind=capi.WASMTIME_FUNCREF)
        slot.of.funcref = export.of.func
        previous_size = ctypes.c_uint64()
        check(lib.wasmtime_table_grow(context, ctypes.byref(imports[1].of.table), 1, ctypes.byref(slot),
                                      ctypes.byref(previous_size)))
        return previous_size.value

    def relocation_global(context, relocation):
        """An immutable i32 global of the value, made once: the traces' relocations repeat
        (exit words, the same constants), and each global made is a call through ctypes."""
        extern = relocation_globals.get(relocation)
        if extern is None:
            extern = relocation_globals[relocation] = capi.Extern(kind=capi.WASMTIME_EXTERN_GLOBAL)
            value = capi.Val(kind=capi.WASMTIME_I32)
            value.of.i32 = relocation
            check(lib.wasmtime_global_new(context, relocation_type, ctypes.byref(value), ctypes.byref(extern.of.global_)))
        return extern

    def host_address(caller, ptr, length):
        """Where the `length` bytes at guest address ptr are in this process. The memory never
        moves (wasmtime_run.make_engine), so the background compiler's thread may write there
        later, and its address is asked for only when it has grown past what was seen (a
        call through ctypes costs microseconds: BF mandelbrot submits ~600 modules)."""
        ptr &= 0xFFFFFFFF  # an address, which arrives as a signed i32
        if ptr + length > memory_view[1]:
            memory = ctypes.byref(shared_externs(caller)[0].of.memory)
            context = lib.wasmtime_caller_context(caller)
            memory_view[1] = lib.wasmtime_memory_data_size(context, memory)
            memory_view[0] = ctypes.cast(lib.wasmtime_memory_data(context, memory), ctypes.c_void_p).value
            if ptr + length > memory_view[1]:
                raise WasmtimeError(f"{length} bytes at {ptr} end beyond the memory")
        return memory_view[0] + ptr

    def memory_bytes(caller, ptr, length):
        return ctypes.string_at(host_address(caller, ptr, length), length)

    def relocation_values(caller, values, count):
        return struct.unpack(f"<{count}i", memory_bytes(caller, values, 4 * count))

    def compile_trace(caller, ptr, length, values, count):
        wasm = memory_bytes(caller, ptr, length)
        trace = modules.get(wasm)
        if trace is None:
            trace = modules[wasm] = compile_module(engine, wasm)
        return install(caller, trace, relocation_values(caller, values, count))

    def submit(caller, ptr, length, values, count, done_word):
        wasm = memory_bytes(caller, ptr, length)
        ticket = background.submit(wasm, modules.get(wasm), ctypes.c_int32.from_address(host_address(caller, done_word, 4)))
        submitted[ticket] = (wasm, relocation_values(caller, values, count))
        return ticket

    def collect(caller, ticket):
        trace = background.collect(ticket)
        if trace is None:
            return 0
        wasm, relocations = submitted.pop(ticket)
        cached = modules.setdefault(wasm, trace)
        try:
            return install(caller, trace, relocations)
        finally:
            if cached is not trace:  # the same bytes, submitted again before collected
                lib.wasmtime_module_delete(trace)  # the instance keeps what it needs

    define_host_function(linker, module, b"compile", 4, compile_trace)
    define_host_function(linker, module, b"submit", 5, submit)
    define_host_function(linker, module, b"collect", 1, collect)
    return background.close


class BackgroundCompiler:
    """Compiles trace modules on one thread of its own while the guest runs on (ctypes
    releases the GIL around each call into the engine, which is thread-safe). The guest's
    thread collects the results. The thread is a daemon: compiles still pending when the
    guest exits do not hold up the process."""

    def __init__(self, engine):
        self.engine = engine
        self.work = None
        self.done = {}  # ticket -> the compiled module, or the error compiling it raised
        self.tickets = 0
        self.closed = False  # the guest's memory is gone: done words are not written
        self.lock = None  # held to write a done word, or to close

    def submit(self, wasm, compiled, done_word):
        """A ticket for the module's bytes, compiled in the background (unless `compiled`
        already), in order: once it is, done_word (a ctypes c_int32 in the guest's memory)
        takes the ticket."""
        self.tickets += 1
        if self.work is None:
            # Imported here: threading and queue take ~5 ms to import, which a program that
            # never compiles in the background does not pay at its start.
            import queue
            import threading

            self.work = queue.SimpleQueue()
            self.lock = threading.Lock()
            threading.Thread(target=self.run, name="rts-jit-compiler", daemon=True).start()
        self.work.put((self.tickets, wasm, compiled, done_word))
        return self.tickets

    def run(self):
        while True:
            ticket, wasm, compiled, done_word = self.work.get()
            try:
                result = compiled or compile_module(self.engine, wasm)
            except WasmtimeError as e:
                result = e
            self.done[ticket] = result
            with self.lock:
                if not self.closed:
                    done_word.value = ticket  # after `done` has it: the guest then collects it

    def close(self):
        """Called before the guest's store is deleted (its memory unmapped): a compile that
        finishes later, on the daemon thread, must not write its done word there."""
        if self.lock is not None:
            with self.lock:
                self.closed = True

    def collect(self, ticket):
        """The compiled module (once: the ticket is then forgotten), or None while compiling."""
        result = self.done.pop(ticket, None)
        if isinstance(result, Exception):
            raise result
        return result
