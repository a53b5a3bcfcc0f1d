import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import plugin, { formatText } from '../src/index.js';
import { prepareText } from '../src/engine/format.js';
import { parseForFormat } from '../src/engine/parse.js';
import { layoutAst } from '../src/engine/print.js';
import type { FormatOptions, Language } from '../src/engine/options.js';
import { proveLayoutOnly } from './support/layout-proof.js';

// One folder per case: test/format/<language>/<case>/{input,output}.{conf,cfg} and an
// optional options.json. Each case formats to its output, stably, in layout only, and
// Prettier with the plugin prints exactly the same bytes.
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'format');
const EXT: Record<Language, string> = { keepalived: 'conf', haproxy: 'cfg' };

for (const language of ['keepalived', 'haproxy'] as const) {
  describe(`${language} format cases`, () => {
    for (const name of readdirSync(path.join(root, language)).sort()) {
      const dir = path.join(root, language, name);
      const input = readFileSync(path.join(dir, `input.${EXT[language]}`), 'utf8');
      const expected = readFileSync(path.join(dir, `output.${EXT[language]}`), 'utf8');
      const optionsFile = path.join(dir, 'options.json');
      const options: FormatOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};

      describe(name, () => {
        it('formats', () => {
          expect(formatText(input, language, options)).toBe(expected);
        });
        it('formats stably', () => {
          expect(formatText(expected, language, options)).toBe(expected);
        });
        it('changes layout only', () => {
          expect(proveLayoutOnly(input, expected, language)).toBeUndefined();
        });
        it('prints the same bytes through Prettier', async () => {
          const viaPrettier = await prettier.format(input, { parser: language, plugins: [plugin], ...options });
          expect(viaPrettier).toBe(expected);
        });
        it('lays out the same lines on the line-by-line path (range formatting)', () => {
          const prepared = prepareText(input, 'lf');
          const { lines } = layoutAst(parseForFormat(prepared.text, language), prepared.text, options);
          expect(lines.join('\n') + '\n').toBe(expected.replaceAll('\r\n', '\n'));
        });
      });
    }
  });
}
