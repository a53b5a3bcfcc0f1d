// Bundles the benchmark the way cfgrun itself is shipped (esbuild, no per-function
// wrappers that a TypeScript loader adds) and runs it. Usage: node packages/runtime/bench/run.mjs
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'cfgrun-bench-build-'));
try {
  const outfile = join(dir, 'plan-diff.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./plan-diff.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
