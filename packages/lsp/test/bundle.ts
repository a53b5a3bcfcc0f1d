import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

const lsp = path.resolve(import.meta.dirname, '..');

/**
 * Bundles the server and its check worker into a fresh directory, with the options the
 * repository's build uses, so process tests run what editors run (never a stale dist/).
 */
export async function bundleServer(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfglint-lsp-bundle-'));
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: 'node20',
    conditions: ['source'],
    logLevel: 'error' as const,
    banner: { js: "import { createRequire as __cfglintCreateRequire } from 'node:module'; const require = __cfglintCreateRequire(import.meta.url);" },
    define: { CFGLINT_VERSION: '"0.1.0"' },
  };
  await build({ ...common, entryPoints: [path.join(lsp, 'src/main.ts')], outfile: path.join(dir, 'server.js') });
  await build({ ...common, entryPoints: [path.join(lsp, 'src/analysis/check-worker.ts')], outfile: path.join(dir, 'check-worker.js') });
  return path.join(dir, 'server.js');
}
