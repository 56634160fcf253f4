#!/usr/bin/env -S python3 -S
"""The wasmtime host: runs a translated module (a WASI preview1 command) on the wasmtime engine.

usage: python3 -S wasmtime_host.py [--env NAME=VALUE]... prog.wasm [args...]

Behaves as the Node host (targets/hosts/node-host.mjs): the guest's argv[0] is the file's base name,
fd 3 is the current directory (guest name "."), fd 4 is the root ("/"), stdio is inherited, the
exit code is the one given to proc_exit (0 if _start returns), and a trap prints one line plus the
Wasm functions on the stack to stderr and exits 1.

The engine is the library that the wasmtime Python package installs, driven through ctypes
(wasmtime_capi.py declares the C functions used) without importing the package, and the host
runs under `python3 -S`, without site processing (it finds the package all the same): here
`import wasmtime` took 50-80 ms and site processing 10-70 ms, while loading the library takes
~4 ms and the guest's whole run of `(display "hi")` on the Scheme VM ~5 ms. This script only
imports the rest (wasmtime_run.py...): Python keeps imported modules compiled in __pycache__,
never a script, and compiling the host's source takes ~20 ms.
"""
import os
import sys
import time

started = time.time()  # RTS_TIMING's first mark: Python's own start-up ends here
# The modules beside this file (sys.path[0] holds their folder, but not under -I or -P).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    import wasmtime_run
except ImportError as e:  # wasmtime_capi.LibraryNotFound: its message says what to install
    sys.stderr.write(f"rts: {e}\n")
    sys.exit(1)

if __name__ == "__main__":
    wasmtime_run.MARKS.extend([("python start", started), ("load wasmtime", time.time())])
    sys.exit(wasmtime_run.main(sys.argv[1:], __doc__.split("\n\n")[1]))
