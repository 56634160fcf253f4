// `npm test`: runs every tests/**/*.test.ts with uvu. binaryen is imported before tsx's
// loader is registered (through tsx its 14 MB module takes ~30 s to load), which is why
// this script exists instead of `uvu -r tsx`.
await import("binaryen");
const { register } = await import("tsx/esm/api");
register();
const { parse } = await import("uvu/parse");
const { run } = await import("uvu/run");

// An optional argument narrows the run to test files whose path matches it.
const only = process.argv[2];
const pattern = only ? new RegExp(`^(?=.*(?:${only})).*\\.test\\.ts$`) : /\.test\.ts$/;
const ctx = await parse("tests", pattern, {});
await run(ctx.suites, { bail: false });
