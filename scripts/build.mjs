// Bundles each package's entry points with esbuild. One bundle per executable keeps
// start-up fast: loading chevrotain as hundreds of ESM modules costs ~250 ms, bundled ~7 ms.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const lintVersion = JSON.parse(readFileSync('packages/lint/package.json', 'utf8')).version;

const entries = [
  { in: 'packages/parser/src/index.ts', out: 'packages/parser/dist/index.js' },
  { in: 'packages/lint/src/index.ts', out: 'packages/lint/dist/index.js' },
  // CommonJS, so bin/cfglint.mjs can run it through a V8 code cache (see bin/code-cache.mjs).
  { in: 'packages/lint/src/cli/main.ts', out: 'packages/lint/dist/cli.cjs', format: 'cjs' },
  { in: 'packages/lsp/src/index.ts', out: 'packages/lsp/dist/index.js' },
  { in: 'packages/lsp/src/main.ts', out: 'packages/lsp/dist/server.js' },
  { in: 'packages/lsp/src/analysis/check-worker.ts', out: 'packages/lsp/dist/check-worker.js' },
  { in: 'packages/prettier-plugin/src/index.ts', out: 'packages/prettier-plugin/dist/index.js' },
  { in: 'packages/prettier-plugin/src/cli/main.ts', out: 'packages/prettier-plugin/dist/cfgfmt.js' },
  { in: 'packages/runtime/src/cli/main.ts', out: 'packages/runtime/dist/cli.js' },
  { in: 'packages/runtime/src/index.ts', out: 'packages/runtime/dist/index.js' },
];

for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: entry.format ?? 'esm',
    target: 'node20',
    conditions: ['source'],
    sourcemap: true,
    minifySyntax: true,
    // Some bundled CommonJS dependencies call require(); give an ESM bundle one.
    banner: entry.format === 'cjs' ? undefined : { js: "import { createRequire as __cfglintCreateRequire } from 'node:module'; const require = __cfglintCreateRequire(import.meta.url);" },
    define: { CFGLINT_VERSION: JSON.stringify(lintVersion) },
    logLevel: 'warning',
  });
}
