// Where rts lives: the hosts need these without loading the translator (ts-morph).
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const RTS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const RLIB_DIR = path.join(RTS_ROOT, "rlib");
