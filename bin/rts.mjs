#!/usr/bin/env node
// The `rts` command. The translator is TypeScript; tsx compiles it on the fly so that
// there is no build step between editing the translator and running it.
import { register } from "tsx/esm/api";
register();
const { cli } = await import("../translator/cli.ts");
process.exitCode = await cli(process.argv.slice(2));
