// RTS_JITLOG=path: every recorded trace is appended to the file in PyPy's log format
// (printer.ts); the file is emptied when the program writes its first trace.
import { appendFile, getenv } from "../os.ts";
import { printTrace } from "./printer.ts";
import { Trace } from "./resop.ts";

class LogState {
  started = false;
  count = 0;
}

const log = new LogState();

export function logTrace(t: Trace): void {
  const path = getenv("RTS_JITLOG");
  if (path === null) return;
  appendFile(path, `# loop ${log.count}\n${printTrace(t)}`, !log.started);
  log.started = true;
  log.count++;
}
