// Bundles the benchmarks the way cfgrun itself is shipped (esbuild, without the per-function
// wrappers a TypeScript loader adds) and runs them.
//   node packages/runtime/bench/run.mjs          plan + diff figures (any machine)
//   node packages/runtime/bench/run.mjs --uml    also the 1,000 × 10 apply inside user-mode Linux (root)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const bundle = (entry, outfile) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });

const dir = mkdtempSync(join(tmpdir(), 'cfgrun-bench-build-'));
try {
  await bundle(here('./plan-diff.ts'), join(dir, 'plan-diff.mjs'));
  let status = spawnSync(process.execPath, [join(dir, 'plan-diff.mjs')], { stdio: 'inherit' }).status ?? 1;
  if (process.argv.includes('--uml')) {
    await bundle(here('../src/cli/main.ts'), join(dir, 'cfgrun.mjs'));
    await bundle(here('./uml-batch.ts'), join(dir, 'uml-batch.mjs'));
    const env = { ...process.env, CFGRUN_CLI: join(dir, 'cfgrun.mjs') };
    status ||= spawnSync(process.execPath, [join(dir, 'uml-batch.mjs')], { stdio: 'inherit', env }).status ?? 1;
  }
  process.exitCode = status;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
