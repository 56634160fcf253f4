// Runs a TypeScript script with tsx, after importing binaryen (see tests/run.mjs for why).
await import("binaryen");
const { register } = await import("tsx/esm/api");
register();
const { pathToFileURL } = await import("node:url");
await import(pathToFileURL(process.argv[2]).href);
