"""The part of wasmtime's C API that the wasmtime host uses, declared for ctypes.

The library is the one the `wasmtime` Python package installs (its `<platform>-<machine>/`
folder), used without importing the package: `import wasmtime` declares the whole C API in
ctypes and imports typing, pathlib, re, platform..., ~50-80 ms, three times the host's whole
start-up budget, while loading the library is ~4 ms. The signatures and layouts below are
those of the package's generated wasmtime/_bindings.py for version 49 (REQUIRED_VERSION): a
wrong one crashes rather than fails, so every function has its argtypes and restype, and the
host refuses another major version. Byte buffers the engine only reads are passed as
c_char_p (a `const char *` or `const uint8_t *`), which takes a bytes object without a copy.
"""
import ctypes
import os
import sys
from ctypes import POINTER, Structure, Union, c_bool, c_char_p, c_double, c_float, c_int, c_int32, c_int64
from ctypes import c_size_t, c_uint8, c_uint32, c_uint64, c_void_p

REQUIRED_VERSION = "49"
INSTALL_HINT = f"pip install wasmtime=={REQUIRED_VERSION}.0.0"

LIBRARY_NAMES = {"linux": "_libwasmtime.so", "darwin": "_libwasmtime.dylib", "win32": "_wasmtime.dll"}
MACHINE_NAMES = {"AMD64": "x86_64", "arm64": "aarch64", "ARM64": "aarch64"}


class LibraryNotFound(ImportError):
    """No usable wasmtime package; the message says what to install."""


def library_path():
    """The engine library inside the installed wasmtime package (LibraryNotFound when there
    is none), found as `import wasmtime` would find the package, without running it."""
    if sys.platform not in LIBRARY_NAMES:
        raise LibraryNotFound(f"the wasmtime host does not run on {sys.platform}")
    relative = os.path.join("wasmtime", f"{sys.platform}-{machine()}", LIBRARY_NAMES[sys.platform])
    for folder in package_folders():
        path = os.path.join(folder or ".", relative)
        if os.path.isfile(path):
            check_version(folder or ".")
            return path
    raise LibraryNotFound(f"the wasmtime host needs the wasmtime Python package: {INSTALL_HINT}")


def machine():
    """The machine's name as the package names its library folders."""
    if hasattr(os, "uname"):
        name = os.uname().machine
    else:  # Windows: platform takes ~2 ms to import, so only there
        import platform

        name = platform.machine()
    return MACHINE_NAMES.get(name, name)


def package_folders():
    """The folders where `import` would look for a package, the costly ones last. Under
    `python3 -S`, sys.path lacks the site folders: they are searched next, except a venv's,
    which only site.main() sets up (sys.prefix is the base installation's until it reads
    pyvenv.cfg); site.main() (which also processes the .pth files, what -S saves) comes
    last, for a venv or a package that only a .pth file makes importable."""
    yield from sys.path
    if not sys.flags.no_site:
        return
    import site

    if not in_venv():
        if not sys.flags.no_user_site:
            yield site.getusersitepackages()
        yield from site.getsitepackages()
    site.main()
    yield from sys.path


def in_venv():
    """Whether this Python runs in a venv, found as site.venv() finds it."""
    bin_dir = os.path.dirname(os.path.abspath(sys.executable))
    return any(os.path.isfile(os.path.join(folder, "pyvenv.cfg")) for folder in (bin_dir, os.path.dirname(bin_dir)))


def check_version(folder):
    """Refuses a package of another major version than the layouts below were copied from
    (its dist-info folder names the version; a package without one is taken as it is)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("wasmtime-") and entry.name.endswith(".dist-info"):
                version = entry.name[len("wasmtime-"):-len(".dist-info")]
                if version.split(".")[0] != REQUIRED_VERSION:
                    raise LibraryNotFound(f"the wasmtime host is written for wasmtime {REQUIRED_VERSION}, "
                                          f"not {version}: {INSTALL_HINT}")


# ---- types ----

class Opaque(Structure):
    """Base of the types only ever seen through pointers."""


class Config(Opaque): pass
class Engine(Opaque): pass
class Module(Opaque): pass
class Store(Opaque): pass
class Context(Opaque): pass
class Linker(Opaque): pass
class Caller(Opaque): pass
class WasiConfig(Opaque): pass
class Error(Opaque): pass
class Trap(Opaque): pass
class Frame(Opaque): pass
class ImportType(Opaque): pass
class ExportType(Opaque): pass
class ValType(Opaque): pass
class GlobalType(Opaque): pass
class FuncType(Opaque): pass


class ByteVec(Structure):
    """wasm_byte_vec_t, also wasm_name_t and wasm_message_t."""
    _fields_ = [("size", c_size_t), ("data", POINTER(c_uint8))]

    def text(self):
        return ctypes.string_at(self.data, self.size).decode("utf-8")


def vector_of(element):
    """wasm_<element>_vec_t: a size and an array of pointers."""
    return type(f"{element.__name__}Vec", (Structure,), {"_fields_": [("size", c_size_t), ("data", POINTER(POINTER(element)))]})


ImportTypeVec = vector_of(ImportType)
ExportTypeVec = vector_of(ExportType)
FrameVec = vector_of(Frame)
ValTypeVec = vector_of(ValType)


class Func(Structure):
    _fields_ = [("store_id", c_uint64), ("private", c_void_p)]


class StoreIndex(Structure):
    """The leading anonymous struct of wasmtime_table_t and wasmtime_memory_t: padded to 16
    bytes, which puts their second index at offset 16."""
    _fields_ = [("store_id", c_uint64), ("private1", c_uint32)]


class Table(Structure):
    _fields_ = [("index", StoreIndex), ("private2", c_uint32)]


class Memory(Structure):
    _fields_ = [("index", StoreIndex), ("private2", c_uint32)]


class Global(Structure):
    _fields_ = [("store_id", c_uint64), ("private1", c_uint32), ("private2", c_uint32), ("private3", c_uint32)]


class ExternUnion(Union):
    # The shared-memory pointer and the tag the C union also holds are no bigger than these.
    _fields_ = [("func", Func), ("global_", Global), ("table", Table), ("memory", Memory)]


class Extern(Structure):
    _fields_ = [("kind", c_uint8), ("of", ExternUnion)]


class Instance(Structure):
    _fields_ = [("store_id", c_uint64), ("private", c_size_t)]


class GcRef(Structure):
    """The layout of wasmtime_anyref_t and the other GC references, the union's largest member."""
    _fields_ = [("store_id", c_uint64), ("private1", c_uint32), ("private2", c_uint32), ("private3", c_void_p)]


class ValUnion(Union):
    _fields_ = [("i32", c_int32), ("i64", c_int64), ("f32", c_float), ("f64", c_double), ("anyref", GcRef),
                ("funcref", Func), ("v128", c_uint8 * 16)]


class Val(Structure):
    _fields_ = [("kind", c_uint8), ("of", ValUnion)]


class ValRaw(Union):
    """wasmtime_val_raw_t: one slot of an unchecked host function's arguments and results."""
    _fields_ = [("i32", c_int32), ("i64", c_int64), ("f32", c_float), ("f64", c_double), ("v128", c_uint8 * 16),
                ("funcref", c_void_p)]


WASM_I32 = 0  # wasm_valkind_t
WASM_CONST = 0  # wasm_mutability_t
WASMTIME_I32 = 0  # wasmtime_valkind_t
WASMTIME_FUNCREF = 5
WASMTIME_EXTERN_FUNC = 0  # wasmtime_extern_kind_t
WASMTIME_EXTERN_GLOBAL = 1

# wasmtime_trap_code_t values.
TRAP_STACK_OVERFLOW = 0
TRAP_MEMORY_OUT_OF_BOUNDS = 1
TRAP_TABLE_OUT_OF_BOUNDS = 3
TRAP_INDIRECT_CALL_TO_NULL = 4
TRAP_BAD_SIGNATURE = 5
TRAP_INTEGER_OVERFLOW = 6
TRAP_INTEGER_DIVISION_BY_ZERO = 7
TRAP_BAD_CONVERSION_TO_INTEGER = 8
TRAP_UNREACHABLE_CODE_REACHED = 9

# A host function: (env, caller, args_and_results, count) -> a wasm_trap_t * or 0. The
# result is an address (c_size_t), as ctypes cannot return a pointer from a callback.
UncheckedCallback = ctypes.CFUNCTYPE(c_size_t, c_void_p, POINTER(Caller), POINTER(ValRaw), c_size_t)
Finalizer = ctypes.CFUNCTYPE(None, c_void_p)
NO_FINALIZER = ctypes.cast(None, Finalizer)  # ctypes takes no None for a function pointer

TrapOut = POINTER(POINTER(Trap))

SIGNATURES = {
    "wasm_config_new": (POINTER(Config), []),
    "wasmtime_config_consume_fuel_set": (None, [POINTER(Config), c_bool]),
    "wasmtime_config_wasm_tail_call_set": (None, [POINTER(Config), c_bool]),
    "wasmtime_config_parallel_compilation_set": (None, [POINTER(Config), c_bool]),
    "wasmtime_config_memory_may_move_set": (None, [POINTER(Config), c_bool]),
    "wasmtime_config_profiler_set": (None, [POINTER(Config), c_uint8]),
    "wasmtime_config_async_stack_size_set": (None, [POINTER(Config), c_size_t]),
    "wasmtime_config_max_wasm_stack_set": (None, [POINTER(Config), c_size_t]),
    "wasm_engine_new_with_config": (POINTER(Engine), [POINTER(Config)]),
    "wasmtime_module_new": (POINTER(Error), [POINTER(Engine), c_char_p, c_size_t, POINTER(POINTER(Module))]),
    "wasmtime_module_deserialize_file": (POINTER(Error), [POINTER(Engine), c_char_p, POINTER(POINTER(Module))]),
    "wasmtime_module_serialize": (POINTER(Error), [POINTER(Module), POINTER(ByteVec)]),
    "wasmtime_module_delete": (None, [POINTER(Module)]),
    "wasmtime_module_imports": (None, [POINTER(Module), POINTER(ImportTypeVec)]),
    "wasmtime_module_exports": (None, [POINTER(Module), POINTER(ExportTypeVec)]),
    "wasm_importtype_module": (POINTER(ByteVec), [POINTER(ImportType)]),
    "wasm_importtype_name": (POINTER(ByteVec), [POINTER(ImportType)]),
    "wasm_importtype_vec_delete": (None, [POINTER(ImportTypeVec)]),
    "wasm_exporttype_name": (POINTER(ByteVec), [POINTER(ExportType)]),
    "wasm_exporttype_vec_delete": (None, [POINTER(ExportTypeVec)]),
    "wasm_byte_vec_delete": (None, [POINTER(ByteVec)]),
    "wasmtime_error_message": (None, [POINTER(Error), POINTER(ByteVec)]),
    "wasmtime_error_exit_status": (c_bool, [POINTER(Error), POINTER(c_int)]),
    "wasmtime_error_delete": (None, [POINTER(Error)]),
    "wasi_config_new": (POINTER(WasiConfig), []),
    "wasi_config_set_argv": (c_bool, [POINTER(WasiConfig), c_size_t, POINTER(c_char_p)]),
    "wasi_config_set_env": (c_bool, [POINTER(WasiConfig), c_size_t, POINTER(c_char_p), POINTER(c_char_p)]),
    "wasi_config_inherit_stdin": (None, [POINTER(WasiConfig)]),
    "wasi_config_inherit_stdout": (None, [POINTER(WasiConfig)]),
    "wasi_config_inherit_stderr": (None, [POINTER(WasiConfig)]),
    "wasi_config_preopen_dir": (c_bool, [POINTER(WasiConfig), c_char_p, c_char_p, c_bool]),
    "wasmtime_store_new": (POINTER(Store), [POINTER(Engine), c_void_p, Finalizer]),
    "wasmtime_store_context": (POINTER(Context), [POINTER(Store)]),
    "wasmtime_store_delete": (None, [POINTER(Store)]),
    "wasmtime_context_set_wasi": (POINTER(Error), [POINTER(Context), POINTER(WasiConfig)]),
    "wasmtime_context_set_fuel": (POINTER(Error), [POINTER(Context), c_uint64]),
    "wasmtime_context_get_fuel": (POINTER(Error), [POINTER(Context), POINTER(c_uint64)]),
    "wasm_valtype_new": (POINTER(ValType), [c_uint8]),
    "wasm_valtype_vec_new": (None, [POINTER(ValTypeVec), c_size_t, POINTER(POINTER(ValType))]),
    "wasm_functype_new": (POINTER(FuncType), [POINTER(ValTypeVec), POINTER(ValTypeVec)]),
    "wasm_functype_delete": (None, [POINTER(FuncType)]),
    "wasm_globaltype_new": (POINTER(GlobalType), [POINTER(ValType), c_uint8]),
    "wasmtime_global_new": (POINTER(Error), [POINTER(Context), POINTER(GlobalType), POINTER(Val), POINTER(Global)]),
    "wasmtime_linker_new": (POINTER(Linker), [POINTER(Engine)]),
    "wasmtime_linker_define_wasi": (POINTER(Error), [POINTER(Linker)]),
    "wasmtime_linker_define_func_unchecked": (POINTER(Error), [POINTER(Linker), c_char_p, c_size_t, c_char_p, c_size_t,
                                                               POINTER(FuncType), UncheckedCallback, c_void_p, Finalizer]),
    "wasmtime_linker_instantiate": (POINTER(Error), [POINTER(Linker), POINTER(Context), POINTER(Module),
                                                     POINTER(Instance), TrapOut]),
    "wasmtime_linker_delete": (None, [POINTER(Linker)]),
    "wasmtime_instance_new": (POINTER(Error), [POINTER(Context), POINTER(Module), POINTER(Extern), c_size_t,
                                               POINTER(Instance), TrapOut]),
    "wasmtime_instance_export_get": (c_bool, [POINTER(Context), POINTER(Instance), c_char_p, c_size_t, POINTER(Extern)]),
    "wasmtime_caller_export_get": (c_bool, [POINTER(Caller), c_char_p, c_size_t, POINTER(Extern)]),
    "wasmtime_caller_context": (POINTER(Context), [POINTER(Caller)]),
    "wasmtime_func_call": (POINTER(Error), [POINTER(Context), POINTER(Func), POINTER(Val), c_size_t, POINTER(Val),
                                            c_size_t, TrapOut]),
    "wasmtime_memory_data": (POINTER(c_uint8), [POINTER(Context), POINTER(Memory)]),
    "wasmtime_memory_data_size": (c_size_t, [POINTER(Context), POINTER(Memory)]),
    "wasmtime_table_grow": (POINTER(Error), [POINTER(Context), POINTER(Table), c_uint64, POINTER(Val), POINTER(c_uint64)]),
    # Returns the trap as an address: what a host function gives back (UncheckedCallback).
    "wasmtime_trap_new": (c_void_p, [c_char_p, c_size_t]),
    "wasmtime_trap_code": (c_bool, [POINTER(Trap), POINTER(c_uint8)]),
    "wasm_trap_message": (None, [POINTER(Trap), POINTER(ByteVec)]),
    "wasm_trap_trace": (None, [POINTER(Trap), POINTER(FrameVec)]),
    "wasm_trap_delete": (None, [POINTER(Trap)]),
    "wasm_frame_vec_delete": (None, [POINTER(FrameVec)]),
    "wasm_frame_func_index": (c_uint32, [POINTER(Frame)]),
    "wasmtime_frame_func_name": (POINTER(ByteVec), [POINTER(Frame)]),
}


def load():
    """The engine library with SIGNATURES declared. A CDLL releases the GIL during each call,
    so compiling on another thread runs in parallel."""
    library = ctypes.CDLL(library_path())
    for name, (restype, argtypes) in SIGNATURES.items():
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes
    return library


# Importing this module loads the library, or raises LibraryNotFound (an ImportError).
lib = load()

