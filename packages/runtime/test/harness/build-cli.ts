import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Bundles cfgrun into DIR/cfgrun.mjs (what the real bin runs), for tests that run the CLI as a process. */
export async function buildCli(dir: string): Promise<string> {
  const outfile = join(dir, 'cfgrun.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
