#!/usr/bin/env node
// Command line for the Node host: `node targets/hosts/node-main.mjs prog.wasm args...`.
import { runWasmNode } from "./node-host.mjs";

const [wasmPath, ...args] = process.argv.slice(2);
if (wasmPath === undefined) {
  process.stderr.write("usage: node targets/hosts/node-main.mjs prog.wasm [args...]\n");
  process.exitCode = 2;
} else {
  process.exitCode = await runWasmNode(wasmPath, args);
}
