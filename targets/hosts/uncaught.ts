// How an untranslated run reports an exception that leaves main, in the text a translated
// program prints (rlib/runtime.ts reportUncaught): "Uncaught <name>: <message>", then the
// functions of V8's stack trace as a translated program records them: names only (V8 names a
// method after the receiver's class, which a translated program does not know), no frames of
// Node internals, built-ins, rlib (the bundle runs with its source map, so frames name their
// original files) or anonymous code, none after main, at most 10 (V8's default limit).
import { errorText } from "../../rlib/errors.ts";

const MAX_FRAMES = 10;

export function uncaughtText(e: unknown): string {
  if (!(e instanceof Error)) return `Uncaught ${String(e)}\n`;
  let text = `Uncaught ${errorText(e.name, e.message)}\n`;
  let frames = 0;
  for (const line of (e.stack ?? "").split("\n")) {
    const m = /^\s+at (.+) \((.*)\)$/.exec(line);
    if (!m || m[2].startsWith("node:") || m[2] === "<anonymous>" || m[2] === "native" || m[2].includes("/rlib/")) continue;
    const name = frameName(m[1]);
    if (name === null) continue;
    if (frames++ < MAX_FRAMES) text += `    at ${name}\n`;
    if (name === "main") break;
  }
  return text;
}

/** `P.parse` is parse, `get g [as g]` is get g, `new P` stays; `<instance_members_initializer>`
 *  (field initializers, part of the constructor in a translated program) is left out. */
function frameName(v8: string): string | null {
  const name = v8.replace(/ \[as [^\]]*\]$/, "");
  if (name.startsWith("<")) return null;
  if (/^(new|get|set) /.test(name)) return name;
  return name.slice(name.lastIndexOf(".") + 1);
}
