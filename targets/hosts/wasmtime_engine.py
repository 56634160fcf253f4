"""What the wasmtime host does with the engine, over the C API of wasmtime_capi.py: modules,
calls into Wasm with their errors and traps, host functions. Everything that the C API hands
over (errors, traps, vectors) is freed here once read."""
import ctypes

import wasmtime_capi as capi
from wasmtime_capi import lib


class WasmtimeError(Exception):
    """An error the engine returned: its message, and the exit status when it is a WASI
    program's proc_exit."""

    def __init__(self, message, exit_status=None):
        super().__init__(message)
        self.exit_status = exit_status


class Trapped(Exception):
    """The guest trapped: the trap's code (None for a trap without one), its message and the
    names of the Wasm functions on the stack, innermost first."""

    def __init__(self, code, message, names):
        super().__init__(message)
        self.code = code
        self.message = message
        self.names = names


def check(error):
    """Raises `error` (a wasmtime_error_t * or NULL, which the caller owns) as WasmtimeError,
    having read and freed it."""
    if not error:
        return
    message = capi.ByteVec()
    lib.wasmtime_error_message(error, ctypes.byref(message))
    text = message.text()
    lib.wasm_byte_vec_delete(ctypes.byref(message))
    status = ctypes.c_int()
    exited = lib.wasmtime_error_exit_status(error, ctypes.byref(status))
    lib.wasmtime_error_delete(error)
    raise WasmtimeError(text, status.value if exited else None)


def trapped(trap):
    """Trapped for `trap`, which this frees; unnamed functions are `wasm-function[index]`."""
    code = ctypes.c_uint8()
    has_code = lib.wasmtime_trap_code(trap, ctypes.byref(code))
    message = capi.ByteVec()
    lib.wasm_trap_message(trap, ctypes.byref(message))
    text = message.text().rstrip("\0")  # the vector holds the C string's NUL too
    lib.wasm_byte_vec_delete(ctypes.byref(message))
    frames = capi.FrameVec()
    lib.wasm_trap_trace(trap, ctypes.byref(frames))
    names = []
    for i in range(frames.size):
        name = lib.wasmtime_frame_func_name(frames.data[i])
        names.append((name.contents.text() if name else "") or f"wasm-function[{lib.wasm_frame_func_index(frames.data[i])}]")
    lib.wasm_frame_vec_delete(ctypes.byref(frames))
    lib.wasm_trap_delete(trap)
    return Trapped(code.value if has_code else None, text, names)


# An exception raised in a host function, which returns a trap instead to unwind the guest:
# wasm_call raises it again once the guest has unwound (as the wasmtime package does).
raised_in_host = []


def wasm_call(function, *args):
    """Calls `function`, a C API function that runs Wasm code, with `args` and, last, where
    to put a trap. Raises what a host function raised meanwhile, else the trap (Trapped) or
    the error (WasmtimeError)."""
    trap = ctypes.POINTER(capi.Trap)()
    error = function(*args, ctypes.byref(trap))
    if raised_in_host:
        if trap:
            lib.wasm_trap_delete(trap)
        if error:
            lib.wasmtime_error_delete(error)
        raise raised_in_host.pop()
    check(error)
    if trap:
        raise trapped(trap)


def compile_module(engine, wasm):
    module = ctypes.POINTER(capi.Module)()
    check(lib.wasmtime_module_new(engine, wasm, len(wasm), ctypes.byref(module)))
    return module


def deserialize_file(engine, path):
    module = ctypes.POINTER(capi.Module)()
    check(lib.wasmtime_module_deserialize_file(engine, path.encode("utf-8"), ctypes.byref(module)))
    return module


def serialize(module):
    image = capi.ByteVec()
    check(lib.wasmtime_module_serialize(module, ctypes.byref(image)))
    data = ctypes.string_at(image.data, image.size)
    lib.wasm_byte_vec_delete(ctypes.byref(image))
    return data


def module_imports(module):
    """(module, name) of each import of `module`."""
    imports = capi.ImportTypeVec()
    lib.wasmtime_module_imports(module, ctypes.byref(imports))
    names = [(lib.wasm_importtype_module(imports.data[i]).contents.text(), lib.wasm_importtype_name(imports.data[i]).contents.text())
             for i in range(imports.size)]
    lib.wasm_importtype_vec_delete(ctypes.byref(imports))
    return names


def module_exports(module):
    exports = capi.ExportTypeVec()
    lib.wasmtime_module_exports(module, ctypes.byref(exports))
    names = [lib.wasm_exporttype_name(exports.data[i]).contents.text() for i in range(exports.size)]
    lib.wasm_exporttype_vec_delete(ctypes.byref(exports))
    return names


def c_strings(strings):
    """A `const char *[]` of `strings`, UTF-8 encoded."""
    encoded = [s.encode("utf-8") for s in strings]
    return (ctypes.c_char_p * len(encoded))(*encoded)


# The host functions' C callbacks: the linker holds their addresses for the process's life.
host_callbacks = []


def define_host_function(linker, module, name, param_count, body):
    """Defines module.name (bytes), (i32 x param_count) -> i32, as body(caller, *args)."""
    def callback(_env, caller, slots, _count):
        try:
            slots[0].i32 = body(caller, *(slots[i].i32 for i in range(param_count)))
            return 0
        except BaseException as e:  # noqa: BLE001 (raised again by wasm_call)
            raised_in_host.append(e)
            return lib.wasmtime_trap_new(b"python exception", len(b"python exception"))

    c_callback = capi.UncheckedCallback(callback)
    host_callbacks.append(c_callback)
    functype = lib.wasm_functype_new(ctypes.byref(i32_types(param_count)), ctypes.byref(i32_types(1)))
    error = lib.wasmtime_linker_define_func_unchecked(linker, module, len(module), name, len(name), functype,
                                                     c_callback, None, capi.NO_FINALIZER)
    lib.wasm_functype_delete(functype)
    check(error)


def i32_types(count):
    """A wasm_valtype_vec_t of `count` i32s, for wasm_functype_new (which takes them over)."""
    types = capi.ValTypeVec()
    elements = (ctypes.POINTER(capi.ValType) * count)(*(lib.wasm_valtype_new(capi.WASM_I32) for _ in range(count)))
    lib.wasm_valtype_vec_new(ctypes.byref(types), count, elements)
    return types
