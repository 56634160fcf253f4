"""The wasmtime host's cache of precompiled modules: ~/.cache/rts/wasmtime/<key>.cwasm
($XDG_CACHE_HOME honoured), kept under CACHE_LIMIT bytes."""
import os

from wasmtime_engine import WasmtimeError, compile_module, deserialize_file, serialize

try:
    # The built-in BLAKE2: `import hashlib` first loads OpenSSL, ~5 ms of every start.
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

CACHE_LIMIT = 512 << 20


def load_module(engine, wasm_path, fuel):
    """The compiled module, from this cache when it has it. Cranelift takes ~1 s for the
    250 KB Scheme VM; wasmtime's own cache (Config.cache) still takes ~20 ms to hash,
    decompress and check an entry, while deserializing an uncompressed precompiled module
    maps it in under 1 ms. The key is a hash of the module's bytes and of the fuel setting
    (`fuel`, which changes the code); wasmtime itself refuses an entry made by another
    version or engine configuration, which is then compiled and written again."""
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    key = blake2b(wasm + (b"fuel" if fuel else b""), digest_size=32).hexdigest()
    cache_dir = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "rts", "wasmtime")
    cached = os.path.join(cache_dir, f"{key}.cwasm")
    try:
        module = deserialize_file(engine, cached)
        try:
            os.utime(cached)  # the eviction below removes the least recently used entries
        except OSError:
            pass  # evicted since it was mapped
        return module
    except WasmtimeError:
        pass  # not cached, or refused by this wasmtime
    module = compile_module(engine, wasm)
    try:
        os.makedirs(cache_dir, exist_ok=True)
        # Written under a temporary name, then renamed: a concurrent run never maps half a file.
        tmp = f"{cached}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(serialize(module))
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
