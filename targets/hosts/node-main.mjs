#!/usr/bin/env node
// Command line for the Node host: `node targets/hosts/node-main.mjs prog.wasm args...`.
// Registers tsx itself (as bin/rts.mjs does) so that it works from any current directory.
import { register } from "tsx/esm/api";
register();
const { runWasmNode } = await import("./node.ts");
const [wasmPath, ...args] = process.argv.slice(2);
if (wasmPath === undefined) {
  process.stderr.write("usage: node targets/hosts/node-main.mjs prog.wasm [args...]\n");
  process.exitCode = 2;
} else {
  process.exitCode = await runWasmNode(wasmPath, args);
}
