import { runCli } from './run.js';

declare const CFGLINT_VERSION: string | undefined;

const version = typeof CFGLINT_VERSION === 'string' ? CFGLINT_VERSION : '0.0.0-dev';

// No top-level await: the bundle is CommonJS, so bin/cfglint.mjs can run it with a code cache.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTty: Boolean(process.stdout.isTTY),
  version,
}).then((code) => {
  process.exitCode = code;
});
