// Builds the extension: TextMate grammars from their TypeScript sources, then one bundle for
// the client and one for the language server (so the .vsix needs no node_modules).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const at = (...p) => path.join(root, ...p);

/** Compiles a TypeScript module in memory and imports it. */
async function importTs(file) {
  const out = await build({ entryPoints: [file], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

mkdirSync(at('syntaxes'), { recursive: true });
for (const [language, exported] of [['keepalived', 'keepalivedGrammar'], ['haproxy', 'haproxyGrammar']]) {
  const module = await importTs(at('src', 'syntaxes', `${language}.ts`));
  writeFileSync(at('syntaxes', `${language}.tmLanguage.json`), JSON.stringify(module[exported], null, 2) + '\n');
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  conditions: ['source'],
  sourcemap: true,
  minify: process.env.CFGLINT_MINIFY !== '0',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [at('src', 'extension.ts')], outfile: at('dist', 'extension.cjs'), external: ['vscode'] });
const server = {
  ...common,
  // import.meta.url does not exist in CommonJS; the server only uses it to find its own files.
  define: { 'import.meta.url': '__cfglintImportMetaUrl' },
  banner: { js: "const __cfglintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await build({ ...server, entryPoints: [at('..', 'lsp', 'src', 'main.ts')], outfile: at('dist', 'server.cjs') });
await build({ ...server, entryPoints: [at('..', 'lsp', 'src', 'analysis', 'check-worker.ts')], outfile: at('dist', 'check-worker.cjs') });
