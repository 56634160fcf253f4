// Built-in procedures are installed when the module loads (at translation time once
// translated, so the primitives and their symbols are prebuilt data): each topic file
// defines its primitives with an id in its own range, and primitives.ts dispatches on the id.
import type { int } from "../../rlib/types.ts";
import { Primitive, intern } from "./values.ts";

/** Binds `name` globally to a new primitive (maxArgs -1: variadic) and returns it. */
export function definePrimitive(name: string, id: int, minArgs: int, maxArgs: int): Primitive {
  const prim = new Primitive(id, name, minArgs, maxArgs);
  const sym = intern(name);
  sym.value = prim;
  sym.builtin = prim;
  return prim;
}
