// The one entry the interpreter uses to run a built-in procedure: dispatch on the id ranges
// of the topic files (numbers 0-99, lists 100-199, text 200-299, the rest 300-399).
import type { int } from "../../rlib/types.ts";
import { Value } from "./values.ts";
import { Runtime } from "./runtime.ts";
import { numberPrimitive } from "./numbers.ts";
import { listPrimitive } from "./lists.ts";
import { textPrimitive } from "./text.ts";
import { miscPrimitive } from "./misc.ts";

/** Runs primitive `id` on the argc arguments at stack[base...] (arity already checked);
 *  on a Scheme error, sets rt.error and returns a placeholder. */
export function applyPrimitive(rt: Runtime, id: int, base: int, argc: int): Value {
  if (id < 100) return numberPrimitive(rt, id, base, argc);
  if (id < 200) return listPrimitive(rt, id, base, argc);
  if (id < 300) return textPrimitive(rt, id, base, argc);
  return miscPrimitive(rt, id, base, argc);
}
